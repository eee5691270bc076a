import { normalizeReceipt } from '@quartiersatlas/domain';
import type { Db } from '../db/schema.ts';
import { sha256 } from './auth.ts';
import {
  type FoundSubmission,
  findSubmissionByReceipt,
  findSubmissionByRecord,
  type ReceiptExport,
  receiptExport,
} from './receipts.ts';
import { fromRow, type RecordFeature, toFeature } from './records.ts';

/**
 * Everything the server holds about one person, for an access request (Art. 15 GDPR): an account,
 * one resident submission (found by its receipt code), or everything sent through one resident
 * link. Built by picking fields one by one, so nothing secret (password hash, token hashes,
 * receipt hashes) can slip in when a table gains a column.
 */

/** One submission as the resident's own receipt export shows it, and when retention anonymised it. */
export type SubmissionExport = Omit<ReceiptExport, 'exportedAt'> & { anonymisedAt: string | null };

export interface AccountExport {
  account: {
    id: string;
    username: string;
    displayName: string;
    role: string;
    disabled: boolean;
    createdAt: string;
    updatedAt: string;
    failedLogins: number;
    lockedUntil: string | null;
  };
  deviceTokens: Array<{ name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }>;
  signInSessions: Array<{ createdAt: string; expiresAt: string }>;
  records: RecordFeature[];
  historyEvents: Array<{
    recordId: string;
    version: number;
    action: string;
    at: string;
    deviceId: string | null;
    changes: unknown;
    note: string | null;
  }>;
  surveySessions: Array<{ id: string; kind: string; title: string; quarterId: string; startedAt: string }>;
  residentLinks: Array<{ id: string; title: string; quarterId: string; createdAt: string }>;
  media: Array<{ sha256: string; type: string; size: number; createdAt: string }>;
  imports: Array<{ id: string; format: string; fileName: string; status: string; createdAt: string }>;
}

export interface LinkExport {
  link: {
    id: string;
    code: string;
    title: string;
    quarterId: string;
    sessionId: string | null;
    languages: string[];
    createdAt: string;
    revokedAt: string | null;
  };
  /** Anonymous devices that opened the link: only their times exist. */
  devices: Array<{ createdAt: string; lastUsedAt: string | null }>;
  submissions: SubmissionExport[];
}

async function submissionExport(db: Db, found: FoundSubmission): Promise<SubmissionExport> {
  const { exportedAt: _, ...document } = await receiptExport(db, found);
  return { ...document, anonymisedAt: found.submission.anonymised_at };
}

/** The submission behind a receipt code; undefined when the code is unknown, erased or anonymised. */
export async function exportReceipt(db: Db, receipt: string): Promise<SubmissionExport | undefined> {
  const code = normalizeReceipt(receipt);
  const found = code === null ? undefined : await findSubmissionByReceipt(db, sha256(code));
  return found ? submissionExport(db, found) : undefined;
}

export async function exportLink(db: Db, linkId: string): Promise<LinkExport | undefined> {
  const link = await db
    .selectFrom('resident_links')
    .selectAll()
    .where('id', '=', linkId.toLowerCase())
    .executeTakeFirst();
  if (!link) return undefined;
  const [devices, rows] = await Promise.all([
    db
      .selectFrom('resident_devices')
      .select(['created_at', 'last_used_at'])
      .where('link_id', '=', link.id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('resident_submissions')
      .select('record_id')
      .where('link_id', '=', link.id)
      .orderBy('submitted_at')
      .execute(),
  ]);
  const submissions: SubmissionExport[] = [];
  for (const { record_id } of rows) {
    const found = await findSubmissionByRecord(db, record_id);
    if (found) submissions.push(await submissionExport(db, found));
  }
  return {
    link: {
      id: link.id,
      code: link.code,
      title: link.title,
      quarterId: link.quarter_id,
      sessionId: link.session_id,
      languages: JSON.parse(link.languages) as string[],
      createdAt: link.created_at,
      revokedAt: link.revoked_at,
    },
    devices: devices.map((d) => ({ createdAt: d.created_at, lastUsedAt: d.last_used_at })),
    submissions,
  };
}

export async function exportAccount(db: Db, accountId: string): Promise<AccountExport | undefined> {
  const id = accountId.toLowerCase();
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [tokens, sessions, records, events, surveySessions, links, media, imports] = await Promise.all([
    db
      .selectFrom('device_tokens')
      .select(['name', 'created_at', 'last_used_at', 'revoked_at'])
      .where('account_id', '=', id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('login_sessions')
      .select(['created_at', 'expires_at'])
      .where('account_id', '=', id)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('records').selectAll().where('created_by', '=', id).orderBy('id').execute(),
    db
      .selectFrom('record_events')
      .select(['record_id', 'version', 'action', 'created_at', 'device_id', 'changes', 'note'])
      .where('account_id', '=', id)
      .orderBy('created_at')
      .orderBy('version')
      .execute(),
    db
      .selectFrom('survey_sessions')
      .select(['id', 'kind', 'title', 'quarter_id', 'started_at'])
      .where('created_by', '=', id)
      .orderBy('started_at')
      .execute(),
    db
      .selectFrom('resident_links')
      .select(['id', 'title', 'quarter_id', 'created_at'])
      .where('created_by', '=', id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('media')
      .select(['sha256', 'mime', 'size', 'created_at'])
      .where('created_by', '=', id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('imports')
      .select(['id', 'format', 'file_name', 'status', 'created_at'])
      .where('created_by', '=', id)
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    account: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      disabled: row.disabled === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      failedLogins: Number(row.failed_logins ?? 0),
      lockedUntil: row.locked_until ?? null,
    },
    deviceTokens: tokens.map((t) => ({
      name: t.name,
      createdAt: t.created_at,
      lastUsedAt: t.last_used_at,
      revokedAt: t.revoked_at,
    })),
    signInSessions: sessions.map((s) => ({ createdAt: s.created_at, expiresAt: s.expires_at })),
    records: records.map((r) => toFeature(fromRow(r))),
    historyEvents: events.map((e) => ({
      recordId: e.record_id,
      version: Number(e.version),
      action: e.action,
      at: e.created_at,
      deviceId: e.device_id,
      changes: JSON.parse(e.changes) as unknown,
      note: e.note,
    })),
    surveySessions: surveySessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      quarterId: s.quarter_id,
      startedAt: s.started_at,
    })),
    residentLinks: links.map((l) => ({ id: l.id, title: l.title, quarterId: l.quarter_id, createdAt: l.created_at })),
    media: media.map((m) => ({ sha256: m.sha256, type: m.mime, size: Number(m.size), createdAt: m.created_at })),
    imports: imports.map((i) => ({
      id: i.id,
      format: i.format,
      fileName: i.file_name,
      status: i.status,
      createdAt: i.created_at,
    })),
  };
}
