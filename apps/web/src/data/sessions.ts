import { type SessionKind, SurveySessionInputSchema, schemaIssues } from '@quartiersatlas/domain';
import { db } from './db.ts';
import { guardQuota, LocalDataError, LocalValidationError } from './errors.ts';
import { META } from './meta.ts';
import type { LocalSession } from './types.ts';
import { newId } from './uuid.ts';

/** The running session, or null when none runs (or the stored one has ended meanwhile). */
export async function activeSession(): Promise<LocalSession | null> {
  const entry = await db.meta.get(META.activeSessionId);
  if (typeof entry?.value !== 'string') return null;
  const session = await db.sessions.get(entry.value);
  return session && session.endedAt === null ? session : null;
}

/** Inside a transaction over sessions and outbox: an unsent create is rewritten, else an update is queued. */
async function markEnded(session: LocalSession, endedAt: string): Promise<void> {
  await db.sessions.update(session.id, { endedAt });
  const pendingCreate = await db.outbox
    .where('recordId')
    .equals(session.id)
    .filter((op) => op.type === 'create-session' && op.sentAt === undefined)
    .first();
  if (pendingCreate?.seq !== undefined && pendingCreate.type === 'create-session') {
    await db.outbox.update(pendingCreate.seq, { payload: { ...pendingCreate.payload, endedAt } });
    return;
  }
  await db.outbox.add({
    opId: newId(),
    recordId: session.id,
    type: 'update-session',
    payload: { endedAt },
    baseVersion: null,
    createdAt: endedAt,
  });
}

/** Starts a session and makes it the active one; a session still running is ended first. */
export async function startSession(input: {
  kind: SessionKind;
  title: string;
  quarterId: string;
}): Promise<LocalSession> {
  const now = new Date().toISOString();
  const session: LocalSession = {
    id: newId(),
    kind: input.kind,
    title: input.title.trim(),
    quarterId: input.quarterId,
    startedAt: now,
    endedAt: null,
  };
  const issues = schemaIssues(SurveySessionInputSchema, session);
  if (issues.length > 0) throw new LocalValidationError(issues);
  await guardQuota(() =>
    db.transaction('rw', [db.sessions, db.outbox, db.meta], async () => {
      const running = await activeSession();
      if (running) await markEnded(running, now);
      await db.sessions.add(session);
      await db.outbox.add({
        opId: newId(),
        recordId: session.id,
        type: 'create-session',
        payload: { ...session },
        baseVersion: null,
        createdAt: now,
      });
      await db.meta.put({ key: META.activeSessionId, value: session.id });
    }),
  );
  return session;
}

export async function endSession(id: string): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', [db.sessions, db.outbox, db.meta], async () => {
      const session = await db.sessions.get(id);
      if (!session) throw new LocalDataError('SESSION_NOT_FOUND', `no session ${id}`);
      if (session.endedAt === null) await markEnded(session, new Date().toISOString());
      const active = await db.meta.get(META.activeSessionId);
      if (active?.value === id) await db.meta.delete(META.activeSessionId);
    }),
  );
}
