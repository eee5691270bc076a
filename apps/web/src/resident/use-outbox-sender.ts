import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { nextAttemptAt, sendPending } from './outbox.ts';
import { residentDb } from './resident-db.ts';

// Timers longer than this are clamped by browsers anyway; a later round re-arms the timer.
const LONGEST_WAIT_MS = 15 * 60_000;

/**
 * Sends waiting submissions: at start, when the network comes back, and when a backed-off one is
 * due. The live query re-arms the timer whenever the outbox changes.
 */
export function useOutboxSender(): void {
  const due = useLiveQuery(nextAttemptAt, [], null);

  useEffect(() => {
    void sendPending();
    const online = () => void sendPending({ force: true });
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  useEffect(() => {
    if (due === null) return;
    const wait = Math.min(Math.max(0, new Date(due).getTime() - Date.now()), LONGEST_WAIT_MS);
    const timer = window.setTimeout(() => void sendPending(), wait);
    return () => window.clearTimeout(timer);
  }, [due]);
}

/** This phone's submissions through one link (or all), newest first. */
export function useOwnSubmissions(linkCode?: string) {
  return useLiveQuery(async () => {
    const items = linkCode
      ? await residentDb.outbox.where('linkCode').equals(linkCode).toArray()
      : await residentDb.outbox.toArray();
    return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [linkCode]);
}
