import {
  type Consent,
  type MultiPolygon,
  normalizeReceipt,
  type Polygon,
  PRIVACY_NOTICE_VERSION,
  type RecordStatus,
  type ValidRecord,
} from '@quartiersatlas/domain';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Db } from '../db/schema.ts';
import { AppError, invalidInput, summarize } from '../errors.ts';
import { sha256 } from './auth.ts';
import { insertRecordsIn } from './records.ts';
import { residentAuthorId } from './resident-devices.ts';

/** What a resident's phone hears back, the first time and on every replay. */
export interface ResidentSubmission {
  id: string;
  status: RecordStatus;
  submittedAt: string;
}

/** A 400 naming one field of the resident's request. */
export function refused(field: string, code: string, message: string): AppError {
  return invalidInput([{ field, code, message }]);
}

/**
 * The SHA-256 under which a receipt is kept. Text that is no receipt code is refused naming the
 * field `receipt`: 400 VALIDATION_FAILED in a body, INVALID_QUERY in the address.
 */
export function receiptHash(receipt: string, from: 'body' | 'path' = 'body'): string {
  const normalized = normalizeReceipt(receipt);
  if (normalized) return sha256(normalized);
  const issue = {
    field: 'receipt',
    code: 'INVALID_RECEIPT',
    message: 'is not a receipt code (12 letters and digits, like 7KQM-4XPT-9BRC)',
  };
  if (from === 'body') throw invalidInput([issue]);
  throw new AppError('INVALID_QUERY', { summary: summarize([issue]) }, [issue]);
}

/**
 * The notice a resident agreed to must be this server's or an earlier one (a phone may hold a
 * submission offline across a new version); versions are dates, so they compare as text.
 */
export function checkConsent(consent: Consent): void {
  const version = consent.noticeVersion;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version) || version > PRIVACY_NOTICE_VERSION) {
    throw refused(
      'consent.noticeVersion',
      'UNKNOWN_NOTICE_VERSION',
      `is not a version of this server's privacy notice (the current one is ${PRIVACY_NOTICE_VERSION})`,
    );
  }
}

/** The quarter holding the point: the link's own if it does (or if none does), else the other one. */
export async function quarterAt(db: Db, lon: number, lat: number, linkQuarter: string): Promise<string> {
  const candidates = await db
    .selectFrom('quarters')
    .select(['id', 'geometry'])
    .where('min_lon', '<=', lon)
    .where('max_lon', '>=', lon)
    .where('min_lat', '<=', lat)
    .where('max_lat', '>=', lat)
    .orderBy('id')
    .execute();
  const containing = candidates.filter((q) =>
    booleanPointInPolygon([lon, lat], JSON.parse(q.geometry) as Polygon | MultiPolygon),
  );
  if (containing.length === 0 || containing.some((q) => q.id === linkQuarter)) return linkQuarter;
  return (containing[0] as { id: string }).id;
}

/**
 * The earlier answer when the phone sends a submission again (its first answer was lost): same id,
 * same receipt, same link. Undefined when the id is new; RECORD_EXISTS when it belongs to anything else.
 */
async function replayOf(db: Db, id: string, hash: string, linkId: string): Promise<ResidentSubmission | undefined> {
  const row = await db
    .selectFrom('records')
    .leftJoin('resident_submissions', 'resident_submissions.record_id', 'records.id')
    .select([
      'records.id',
      'records.status',
      'resident_submissions.receipt_hash',
      'resident_submissions.link_id',
      'resident_submissions.submitted_at',
    ])
    .where('records.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.receipt_hash !== hash || row.link_id !== linkId || !row.submitted_at) {
    throw new AppError('RECORD_EXISTS', { id });
  }
  return { id: row.id, status: row.status as RecordStatus, submittedAt: row.submitted_at };
}

/**
 * Stores a resident's need, pending moderation, with the consent given and the receipt's hash: the
 * record, its 'create' event and the submission row in one transaction. Sending the same submission
 * again answers as the first time and writes nothing (`created: false`).
 */
export async function submitResidentNeed(
  db: Db,
  submission: { record: ValidRecord; consent: Consent; receiptHash: string; linkId: string },
): Promise<{ created: boolean; submission: ResidentSubmission }> {
  const { record, consent, receiptHash: hash, linkId } = submission;
  const earlier = await replayOf(db, record.id, hash, linkId);
  if (earlier) return { created: false, submission: earlier };
  try {
    const stored = await db.transaction().execute(async (trx) => {
      // First: it claims the record version, which serialises writers until commit (see claimVersions).
      const [written] = await insertRecordsIn(trx, [record], {
        createdBy: residentAuthorId(linkId),
        status: 'pending',
      });
      const taken = await trx
        .selectFrom('resident_submissions')
        .select('record_id')
        .where('receipt_hash', '=', hash)
        .executeTakeFirst();
      if (taken) {
        throw refused('receipt', 'RECEIPT_IN_USE', 'belongs to another submission; the phone makes a new one');
      }
      const time = (written as { createdAt: string }).createdAt;
      await trx
        .insertInto('resident_submissions')
        .values({
          record_id: record.id,
          link_id: linkId,
          receipt_hash: hash,
          consent: JSON.stringify({
            noticeVersion: consent.noticeVersion,
            lang: consent.lang,
            givenAt: consent.givenAt,
          }),
          submitted_at: time,
          anonymised_at: null,
        })
        .execute();
      return time;
    });
    return { created: true, submission: { id: record.id, status: 'pending', submittedAt: stored } };
  } catch (error) {
    // The same submission sent twice at once: one wins, the other answers like a replay.
    if (error instanceof AppError && error.code === 'RECORD_EXISTS') {
      const replay = await replayOf(db, record.id, hash, linkId);
      if (replay) return { created: false, submission: replay };
    }
    throw error;
  }
}
