import { createFetchTransport, SyncTransportError } from '@quartiersatlas/sync';
import { ApiError, NETWORK_ERROR, request } from '../api/client.ts';
import { type OutboxItem, residentDb } from './resident-db.ts';

/**
 * Sends the resident's submissions. Every submission is in the outbox before anything goes over the
 * network, so a broken connection only delays it. The server answers a replay of the same need with
 * the same receipt with 200, so sending twice (two tabs, an answer lost on the way) is harmless.
 */

/** First retry after 5 s, then doubling, at most every 15 minutes. */
export const BACKOFF_FIRST_MS = 5_000;
export const BACKOFF_MAX_MS = 15 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_FIRST_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

const devicesPath = (code: string) => `/api/v1/resident-links/by-code/${encodeURIComponent(code)}/devices`;

/**
 * The link's anonymous device token, registering this phone first if it has none. A closed link
 * (410) is remembered as closed; every failure is thrown as an ApiError.
 */
export async function ensureToken(code: string): Promise<string> {
  const stored = await residentDb.links.get(code);
  if (stored?.token) return stored.token;
  try {
    const { token } = await request<{ token: string }>(devicesPath(code), { method: 'POST', token: null });
    await residentDb.links.update(code, { token });
    return token;
  } catch (error) {
    if (error instanceof ApiError && error.status === 410) await residentDb.links.update(code, { closed: true });
    throw error;
  }
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof SyncTransportError) {
    return error.status === undefined
      ? new ApiError(NETWORK_ERROR, 0, error.message)
      : new ApiError(error.code, error.status, error.message, error.details);
  }
  return new ApiError(NETWORK_ERROR, 0, error instanceof Error ? error.message : String(error));
}

async function upload(item: OutboxItem, token: string): Promise<void> {
  const transport = createFetchTransport({ baseUrl: '', headers: () => ({ authorization: `Bearer ${token}` }) });
  for (const voice of item.voice) {
    if (!voice.blob) continue;
    const bytes = new Uint8Array(await voice.blob.arrayBuffer());
    await transport.uploadMedia(voice.sha256, voice.mime, bytes, 0, bytes.length);
  }
  await request('/api/v1/resident/needs', {
    method: 'POST',
    token,
    body: { feature: item.feature, consent: item.consent, receipt: item.receipt },
  });
}

/** Worth trying again later: no answer, too many requests, or trouble on the server's side. */
function transient(error: ApiError): boolean {
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

type Outcome = 'sent' | 'later' | 'failed';

async function sendOne(item: OutboxItem, now: () => Date): Promise<Outcome> {
  let outcome: { ok: true } | { ok: false; error: ApiError };
  try {
    try {
      await upload(item, await ensureToken(item.linkCode));
    } catch (error) {
      const first = asApiError(error);
      if (first.status !== 401) throw first;
      // The token is gone (the server forgot the device): register anew, once.
      await residentDb.links.update(item.linkCode, { token: null });
      await upload(item, await ensureToken(item.linkCode));
    }
    outcome = { ok: true };
  } catch (error) {
    outcome = { ok: false, error: asApiError(error) };
  }
  const current = await residentDb.outbox.get(item.receipt);
  if (current?.state !== 'waiting') return 'sent';
  if (outcome.ok) {
    await residentDb.outbox.update(item.receipt, {
      state: 'sent',
      error: null,
      sentAt: now().toISOString(),
      voice: current.voice.map((voice) => ({ ...voice, blob: null })),
    });
    return 'sent';
  }
  const attempts = current.attempts + 1;
  if (transient(outcome.error)) {
    await residentDb.outbox.update(item.receipt, {
      attempts,
      error: outcome.error.code,
      nextAttemptAt: new Date(now().getTime() + backoffMs(attempts)).toISOString(),
    });
    return 'later';
  }
  await residentDb.outbox.update(item.receipt, { attempts, state: 'failed', error: outcome.error.code });
  return 'failed';
}

export interface SendOptions {
  /** The person pressed "send now": ignore the backoff. */
  force?: boolean;
  now?: () => Date;
}

let running: Promise<void> = Promise.resolve();

async function sendAll({ force = false, now = () => new Date() }: SendOptions): Promise<void> {
  const waiting = await residentDb.outbox.where('state').equals('waiting').sortBy('createdAt');
  const due = force ? waiting : waiting.filter((item) => item.nextAttemptAt <= now().toISOString());
  for (const item of due) {
    // Without a network the rest would fail the same way; they keep their place for the next round.
    if ((await sendOne(item, now)) === 'later') break;
  }
}

/**
 * Sends what waits (only what is due, unless forced), one round at a time in this tab and, with the
 * Web Locks API, across tabs.
 */
export function sendPending(options: SendOptions = {}): Promise<void> {
  const round = async (): Promise<void> => {
    if (navigator.locks) await navigator.locks.request('quartiersatlas-resident-send', () => sendAll(options));
    else await sendAll(options);
  };
  running = running.then(round, round);
  return running;
}

/** When the next waiting submission is due, for the timer that sends it. */
export async function nextAttemptAt(): Promise<string | null> {
  const waiting = await residentDb.outbox.where('state').equals('waiting').toArray();
  return waiting.reduce<string | null>(
    (earliest, item) => (earliest === null || item.nextAttemptAt < earliest ? item.nextAttemptAt : earliest),
    null,
  );
}

/** A refused submission goes back to waiting, for "try again" after the person fixed the cause. */
export async function retryFailed(receipt: string): Promise<void> {
  await residentDb.outbox.update(receipt, { state: 'waiting', error: null, nextAttemptAt: new Date(0).toISOString() });
}
