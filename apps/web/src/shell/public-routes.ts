import { LinkCodePattern, normalizeReceipt } from '@quartiersatlas/domain';

/**
 * Pages anyone can open without an account, by address: a resident link `/r/<code>`, the privacy
 * notice `/privacy`, and the receipt page `/receipt` (optionally `/receipt/<code>`). Every other
 * address shows the app itself.
 */
export type PublicRoute =
  | { page: 'resident'; code: string }
  | { page: 'privacy' }
  | { page: 'receipt'; receipt: string | null };

const LINK_CODE = new RegExp(LinkCodePattern);

export function publicRoute(pathname: string): PublicRoute | null {
  const parts = pathname.split('/').filter((part) => part !== '');
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return null;
  if (first === 'r' && second !== undefined && LINK_CODE.test(second)) return { page: 'resident', code: second };
  if (first === 'privacy' && second === undefined) return { page: 'privacy' };
  if (first === 'receipt') {
    return { page: 'receipt', receipt: second === undefined ? null : normalizeReceipt(decodeURIComponent(second)) };
  }
  return null;
}
