import type { Consent, Point } from '@quartiersatlas/domain';
import type { Db, ResidentSubmissionsTable } from '../db/schema.ts';
import { coarsePosition } from './coarsen.ts';
import { mediaOf } from './erase.ts';
import { fromRow, type StoredRecord } from './records.ts';
import { now } from './time.ts';

/** A resident's submission and what the server keeps beside it. */
export interface FoundSubmission {
  record: StoredRecord;
  submission: ResidentSubmissionsTable;
  publicText: boolean;
}

/** What a resident sees with their receipt: their own data, never a planner's name or remark. */
export interface ReceiptView {
  id: string;
  status: 'pending' | 'published' | 'rejected';
  submittedAt: string;
  consent: Consent;
  feature: { type: 'Feature'; id: string; geometry: Point; properties: Record<string, unknown> };
  /** Where the public map shows the need once published: the centre of its coarse cell, [lon, lat]. */
  publicLocation: [number, number];
  /** Whether a planner approved showing the text publicly. */
  textPublic: boolean;
}

export interface ReceiptExport {
  exportedAt: string;
  submission: ReceiptView;
  /** What happened to the submission, when: no names, no remarks. */
  statusChanges: Array<{ at: string; action: string }>;
  /** Photos and voice notes listed; type and size null for those that never reached the server. */
  media: Array<{ sha256: string; type: string | null; size: number | null }>;
}

/** The fields a resident wrote (the team's `note` and `supporters` are not theirs). */
const RESIDENT_FIELDS = ['text', 'lang', 'targetGroups', 'urgency', 'media'] as const;

async function find(db: Db, column: 'receipt_hash' | 'record_id', value: string) {
  const submission = await db
    .selectFrom('resident_submissions')
    .selectAll()
    .where(column, '=', value)
    .executeTakeFirst();
  if (!submission) return undefined;
  const row = await db.selectFrom('records').selectAll().where('id', '=', submission.record_id).executeTakeFirst();
  if (!row) return undefined;
  return { record: fromRow(row), submission, publicText: row.public_text === 1 };
}

/** The submission behind a receipt (its SHA-256, see receiptHash); undefined once erased. */
export async function findSubmissionByReceipt(db: Db, receiptHash: string): Promise<FoundSubmission | undefined> {
  return find(db, 'receipt_hash', receiptHash);
}

/** The submission of a record, for planners answering an access request; undefined for other records. */
export async function findSubmissionByRecord(db: Db, recordId: string): Promise<FoundSubmission | undefined> {
  return find(db, 'record_id', recordId.toLowerCase());
}

export function receiptView({ record, submission, publicText }: FoundSubmission): ReceiptView {
  const [lon, lat] = record.geometry.coordinates as [number, number];
  const properties: Record<string, unknown> = {
    kind: record.kind,
    category: record.category,
    quarterId: record.quarterId,
  };
  for (const field of RESIDENT_FIELDS) {
    if (record.fields[field] !== undefined) properties[field] = record.fields[field];
  }
  // A need a planner deleted instead of rejecting will not be shown either; its data is still here
  // until the resident or retention erases it.
  const status = record.deleted ? 'rejected' : record.status;
  return {
    id: record.id,
    status,
    submittedAt: submission.submitted_at,
    consent: JSON.parse(submission.consent) as Consent,
    feature: { type: 'Feature', id: record.id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties },
    publicLocation: coarsePosition(lon, lat),
    textPublic: publicText,
  };
}

/** Whether the submission lists this photo or voice note (only then may its receipt fetch it). */
export function listsMedia(found: FoundSubmission, sha256: string): boolean {
  return mediaOf(found.record.fields).includes(sha256);
}

/** Everything the server holds about one submission, as the resident downloads it. */
export async function receiptExport(db: Db, found: FoundSubmission): Promise<ReceiptExport> {
  const events = await db
    .selectFrom('record_events')
    .select(['action', 'created_at'])
    .where('record_id', '=', found.record.id)
    .orderBy('version')
    .orderBy('created_at')
    .execute();
  const hashes = mediaOf(found.record.fields);
  const stored =
    hashes.length === 0
      ? []
      : await db.selectFrom('media').select(['sha256', 'mime', 'size']).where('sha256', 'in', hashes).execute();
  const byHash = new Map(stored.map((m) => [m.sha256, m]));
  return {
    exportedAt: now(),
    submission: receiptView(found),
    statusChanges: events.map((e) => ({ at: e.created_at, action: e.action })),
    media: hashes.map((sha256) => {
      const media = byHash.get(sha256);
      return { sha256, type: media?.mime ?? null, size: media ? Number(media.size) : null };
    }),
  };
}
