import type { Account } from '@quartiersatlas/domain';
import { DEVICE_TOKEN_META, rememberCsrfToken, request } from '../api/client.ts';
import { signIn, signOut } from '../api/endpoints.ts';
import { getMeta, setMeta } from '../data/index.ts';

/** Meta keys of the signed-in device. `deviceTokenId` is only needed to revoke the token on sign-out. */
export const AUTH_META = { token: DEVICE_TOKEN_META, tokenId: 'deviceTokenId', account: 'account' } as const;

interface DeviceTokenAnswer {
  token: string;
  deviceToken: { id: string; name: string };
}

/** "Browser Linux 2025-05-14": how the device shows up in the list of device tokens. */
export function deviceName(platform: string | undefined, date: Date): string {
  const day = date.toISOString().slice(0, 10);
  const where = (platform ?? '').trim().slice(0, 80);
  return where === '' ? `Browser ${day}` : `Browser ${where} ${day}`;
}

function platformName(): string | undefined {
  const hints = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return hints?.platform || navigator.platform || undefined;
}

/**
 * Signs in with the password once, then asks for a long-lived device token: from then on the app
 * works offline for weeks and every API call carries `Authorization: Bearer <token>`. The token
 * request itself still rides on the new session cookie, with the CSRF token sign-in gave
 * (`request` keeps it).
 */
export async function signInDevice(username: string, password: string): Promise<Account> {
  const account = await signIn(username, password);
  const { token, deviceToken } = await request<DeviceTokenAnswer>('/api/v1/auth/device-tokens', {
    method: 'POST',
    body: { name: deviceName(platformName(), new Date()) },
  });
  await setMeta(AUTH_META.token, token);
  await setMeta(AUTH_META.tokenId, deviceToken.id);
  await setMeta(AUTH_META.account, account);
  return account;
}

/** Headers for API calls on behalf of this device; empty when it is not signed in. */
export async function authHeaders(): Promise<Record<string, string>> {
  const token = await getMeta<string>(AUTH_META.token);
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Forgets the account on this device. Local records stay (they may not be synced yet); the token
 * is revoked on the server when the network allows, otherwise it simply stops being used here.
 */
export async function signOutDevice(): Promise<void> {
  const headers = await authHeaders();
  const tokenId = await getMeta<string>(AUTH_META.tokenId);
  if (navigator.onLine) {
    // The browser session first: sign-out goes with the device token, which must still be valid.
    await signOut().catch(() => undefined);
    if (tokenId && headers.authorization) {
      await fetch(`/api/v1/auth/device-tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE', headers }).catch(
        () => undefined,
      );
    }
  }
  await setMeta(AUTH_META.token, null);
  await setMeta(AUTH_META.tokenId, null);
  await setMeta(AUTH_META.account, null);
  await rememberCsrfToken(null);
}
