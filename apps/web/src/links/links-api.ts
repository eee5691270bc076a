import type { ResidentLink, ResidentLinkInput, SurveySession } from '@quartiersatlas/domain';
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, request, toApiError } from '../api/client.ts';

/** Resident links, newest first, with how many submissions came through each. */
export async function fetchLinks(signal?: AbortSignal): Promise<ResidentLink[]> {
  const answer = await request<{ links: ResidentLink[] }>('/api/v1/resident-links', { signal });
  return answer.links;
}

export async function createLink(input: ResidentLinkInput): Promise<ResidentLink> {
  const answer = await request<{ link: ResidentLink }>('/api/v1/resident-links', { method: 'POST', body: input });
  return answer.link;
}

/** Closes a link: its address stops working and phones that opened it can no longer send. */
export async function closeLink(id: string): Promise<void> {
  await request<void>(`/api/v1/resident-links/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Survey sessions of every quarter, newest first: the form offers a quarter's, the list names them. */
export async function fetchSessions(signal?: AbortSignal): Promise<SurveySession[]> {
  const answer = await request<{ sessions: SurveySession[] }>('/api/v1/sessions', { signal });
  return answer.sessions;
}

/**
 * The survey sessions, asked for once `wanted` (the links tab is open); `failed` when they could
 * not be had (a link then simply belongs to no session).
 */
export function useSessions(wanted: boolean): { sessions: SurveySession[]; failed: boolean } {
  const [state, setState] = useState<{ sessions: SurveySession[]; failed: boolean }>({ sessions: [], failed: false });
  const [asked, setAsked] = useState(false);
  if (wanted && !asked) setAsked(true);
  useEffect(() => {
    if (!asked) return;
    const controller = new AbortController();
    fetchSessions(controller.signal).then(
      (sessions) => setState({ sessions, failed: false }),
      () => {
        if (!controller.signal.aborted) setState({ sessions: [], failed: true });
      },
    );
    return () => controller.abort();
  }, [asked]);
  return state;
}

/** The full address residents open: this server's origin and the link's path. */
export function linkUrl(link: Pick<ResidentLink, 'path'>): string {
  return new URL(link.path, window.location.origin).href;
}

/** The address as printed under the QR code: without `https://`, which nobody types. */
export function shortLinkUrl(link: Pick<ResidentLink, 'path'>): string {
  const url = new URL(link.path, window.location.origin);
  return `${url.host}${url.pathname}`;
}

export type LinksState =
  | { status: 'loading'; links: ResidentLink[] }
  | { status: 'ready'; links: ResidentLink[] }
  | { status: 'error'; links: ResidentLink[]; error: ApiError };

export interface ResidentLinks {
  state: LinksState;
  reload(): void;
  /** Puts a link just created at the top, or replaces one that changed. */
  put(link: ResidentLink): void;
}

/** The planner's resident links, loaded once and kept up to date by what the planner does here. */
export function useResidentLinks(): ResidentLinks {
  const [state, setState] = useState<LinksState>({ status: 'loading', links: [] });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt asks for the list again
  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ status: 'loading', links: current.links }));
    fetchLinks(controller.signal).then(
      (links) => setState({ status: 'ready', links }),
      (failure: unknown) => {
        if (!controller.signal.aborted) {
          setState((current) => ({ status: 'error', links: current.links, error: toApiError(failure) }));
        }
      },
    );
    return () => controller.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  const put = useCallback((link: ResidentLink) => {
    setState((current) => {
      const known = current.links.some((item) => item.id === link.id);
      const links = known ? current.links.map((item) => (item.id === link.id ? link : item)) : [link, ...current.links];
      return current.status === 'error' ? { ...current, links } : { status: current.status, links };
    });
  }, []);
  return { state, reload, put };
}
