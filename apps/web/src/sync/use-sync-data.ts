import type { RejectedOp } from '@quartiersatlas/sync';
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type LocalRecord, type LocalSession } from '../data/index.ts';

const SESSION_OPS = new Set(['create-session', 'update-session']);

/** What waits on this device for the server. */
export interface Waiting {
  /** Records with changes in the outbox. */
  records: number;
  sessions: number;
  photos: number;
  voiceNotes: number;
}

export const NOTHING_WAITING: Waiting = { records: 0, sessions: 0, photos: 0, voiceNotes: 0 };

export async function waiting(): Promise<Waiting> {
  const [ops, media] = await Promise.all([db.outbox.toArray(), db.media.filter((item) => !item.uploaded).toArray()]);
  const records = new Set<string>();
  const sessions = new Set<string>();
  for (const op of ops) (SESSION_OPS.has(op.type) ? sessions : records).add(op.recordId);
  return {
    records: records.size,
    sessions: sessions.size,
    photos: media.filter((item) => item.kind === 'photo').length,
    voiceNotes: media.filter((item) => item.kind === 'audio').length,
  };
}

export function useWaiting(): Waiting {
  return useLiveQuery(waiting, [], NOTHING_WAITING);
}

/** A refused op with what the sheet shows of its record or session (gone when discarded meanwhile). */
export interface RejectedEntry {
  op: RejectedOp;
  record: LocalRecord | undefined;
  session: LocalSession | undefined;
}

export async function rejectedEntries(): Promise<RejectedEntry[]> {
  const ops = (await db.rejected.toArray()).sort((a, b) => a.rejectedAt.localeCompare(b.rejectedAt));
  const ids = ops.map((op) => op.recordId);
  const [records, sessions] = await Promise.all([db.records.bulkGet(ids), db.sessions.bulkGet(ids)]);
  return ops.map((op, i) => ({ op, record: records[i], session: sessions[i] }));
}

export function useRejected(): RejectedEntry[] {
  return useLiveQuery(rejectedEntries, [], []);
}
