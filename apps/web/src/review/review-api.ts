import type { Geometry, RecordKind } from '@quartiersatlas/domain';
import { request } from '../api/client.ts';

/** A record as the API sends it, with the fields the server keeps. */
export interface ServerRecord {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: {
    kind: RecordKind;
    quarterId: string;
    category?: string;
    status: 'published' | 'pending' | 'rejected';
    version: number;
    createdAt: string;
    updatedAt: string;
    deleted: boolean;
    [field: string]: unknown;
  };
}

/** Who wrote a conflicting value: a device or `account:<id>`, with the account behind it when known. */
export interface ConflictWriter {
  writer: string;
  account: { id: string; username: string; displayName: string } | null;
}

export type ConflictKind = 'field' | 'edit-after-delete' | 'delete-after-edit';

export interface Conflict {
  id: string;
  recordId: string;
  kind: ConflictKind;
  /** `geometry`, a property name, or `*` for a whole record. */
  field: string;
  keptValue: unknown;
  /** A field value; for whole-record conflicts the changes `{ properties?, geometry? }`. */
  lostValue: unknown;
  keptBy: ConflictWriter | null;
  lostBy: ConflictWriter | null;
  baseVersion: number | null;
  version: number;
  createdAt: string;
  status: 'open' | 'resolved';
}

export const HISTORY_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'publish',
  'reject',
  'resolve',
  'erase',
  'anonymise',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export interface HistoryEvent {
  version: number;
  action: HistoryAction;
  at: string;
  by: { accountId: string | null; name: string | null; deviceId: string | null };
  changes: Record<string, { before: unknown; after: unknown }>;
  note: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const id = (value: string) => encodeURIComponent(value);

/** Submissions waiting for moderation, in id order (UUIDv7: the order they were made). */
export async function fetchPending(
  filter: { quarterId?: string; cursor?: string | null },
  signal?: AbortSignal,
): Promise<Page<ServerRecord>> {
  const query = new URLSearchParams({ status: 'pending', limit: '100' });
  if (filter.quarterId) query.set('quarter', filter.quarterId);
  if (filter.cursor) query.set('cursor', filter.cursor);
  const page = await request<{ features: ServerRecord[]; nextCursor: string | null }>(`/api/v1/records?${query}`, {
    signal,
  });
  return { items: page.features, nextCursor: page.nextCursor };
}

export async function fetchRecord(recordId: string, signal?: AbortSignal): Promise<ServerRecord> {
  return request<ServerRecord>(`/api/v1/records/${id(recordId)}`, { signal });
}

/** Publishes a submission; its text is shown publicly only when `showText` (the planner ticked it). */
export async function publishRecord(record: ServerRecord, showText = false): Promise<ServerRecord> {
  const answer = await request<{ record: ServerRecord }>(`/api/v1/records/${id(record.id)}/publish`, {
    method: 'POST',
    body: showText
      ? { baseVersion: record.properties.version, showText: true }
      : { baseVersion: record.properties.version },
  });
  return answer.record;
}

export async function rejectRecord(record: ServerRecord, reason: string): Promise<ServerRecord> {
  const answer = await request<{ record: ServerRecord }>(`/api/v1/records/${id(record.id)}/reject`, {
    method: 'POST',
    body: { reason, baseVersion: record.properties.version },
  });
  return answer.record;
}

export async function fetchConflicts(cursor: string | null, signal?: AbortSignal): Promise<Page<Conflict>> {
  const query = new URLSearchParams({ status: 'open', limit: '100' });
  if (cursor) query.set('cursor', cursor);
  const page = await request<{ conflicts: Conflict[]; nextCursor: string | null }>(`/api/v1/conflicts?${query}`, {
    signal,
  });
  return { items: page.conflicts, nextCursor: page.nextCursor };
}

export async function resolveConflict(conflictId: string, action: 'keep' | 'restore-lost'): Promise<void> {
  await request(`/api/v1/conflicts/${id(conflictId)}/resolve`, { method: 'POST', body: { action } });
}

export async function fetchHistory(recordId: string, signal?: AbortSignal): Promise<HistoryEvent[]> {
  const answer = await request<{ events: HistoryEvent[] }>(`/api/v1/records/${id(recordId)}/history`, { signal });
  return answer.events;
}
