import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db.ts';
import { LocalValidationError } from './errors.ts';
import { createRecord } from './records.ts';
import { activeSession, endSession, startSession } from './sessions.ts';
import { need, resetDb } from './test-helpers.ts';

beforeEach(() => resetDb());

describe('survey sessions', () => {
  it('starts a session, queues its creation and makes it active', async () => {
    const session = await startSession({ kind: 'walkabout', title: ' Begehung 21.11.2026 ', quarterId: 'eving' });
    expect(session).toMatchObject({ title: 'Begehung 21.11.2026', endedAt: null });
    expect(await activeSession()).toEqual(session);
    const [op] = await db.outbox.toArray();
    expect(op).toMatchObject({ type: 'create-session', recordId: session.id, payload: { id: session.id } });
  });

  it('attaches new records of the same quarter to the active session', async () => {
    const session = await startSession({ kind: 'quartierszirkel', title: 'Zirkel', quarterId: 'eving' });
    expect((await createRecord(need())).sessionId).toBe(session.id);
    expect((await createRecord(need('Bank fehlt', 'marten'))).sessionId).toBeNull();
    const explicit = need();
    explicit.properties.sessionId = null;
    expect((await createRecord(explicit)).sessionId).toBeNull();
  });

  it('ending folds into the unsent create, or queues an update once it was sent', async () => {
    const first = await startSession({ kind: 'walkabout', title: 'Erste', quarterId: 'eving' });
    await endSession(first.id);
    expect(await activeSession()).toBeNull();
    const ops = await db.outbox.toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]?.payload).toMatchObject({ endedAt: expect.any(String) });

    const second = await startSession({ kind: 'walkabout', title: 'Zweite', quarterId: 'eving' });
    await db.outbox.toCollection().modify({ sentAt: '2026-11-21T10:00:00.000Z' });
    await startSession({ kind: 'quartierszirkel', title: 'Dritte', quarterId: 'eving' });
    expect((await db.sessions.get(second.id))?.endedAt).not.toBeNull();
    const types = (await db.outbox.orderBy('seq').toArray()).map((op) => op.type);
    expect(types).toEqual(['create-session', 'create-session', 'update-session', 'create-session']);
  });

  it('refuses an empty title', async () => {
    await expect(startSession({ kind: 'walkabout', title: '  ', quarterId: 'eving' })).rejects.toBeInstanceOf(
      LocalValidationError,
    );
    expect(await db.sessions.count()).toBe(0);
  });
});
