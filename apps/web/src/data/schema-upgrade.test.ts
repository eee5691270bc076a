import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_NAME, db, SCHEMA_VERSION } from './db.ts';

/**
 * Version 1 as it shipped, frozen here on purpose: `SCHEMA_V1` in db.ts could be edited by mistake,
 * and this test must keep checking that data written by the first release still opens.
 */
const FROZEN_V1 = {
  records: 'id, kind, quarterId, sessionId, localUpdatedAt, *mediaIds',
  outbox: '++seq, &opId, recordId, type',
  media: 'id, recordId',
  sessions: 'id, quarterId, startedAt',
  meta: 'key',
};

const recordV1 = {
  id: '019bb227-22ed-7309-9275-e4fa41435df6',
  feature: {
    type: 'Feature',
    id: '019bb227-22ed-7309-9275-e4fa41435df6',
    geometry: { type: 'Point', coordinates: [7.482257, 51.553495] },
    properties: { kind: 'need', quarterId: 'eving', category: 'kita', text: 'Kita fehlt', supporters: 4 },
  },
  kind: 'need',
  quarterId: 'eving',
  sessionId: '019bb227-0000-7000-8000-000000000001',
  serverVersion: null,
  deleted: false,
  createdAt: '2026-11-21T09:00:00.000Z',
  localUpdatedAt: '2026-11-21T09:00:00.000Z',
  mediaIds: ['ab'.repeat(32)],
};

describe('schema upgrade', () => {
  it('opens data written with the version-1 schema, links its media for sync and adds the rejected store', async () => {
    db.close();
    await Dexie.delete(DB_NAME);
    const old = new Dexie(DB_NAME);
    old.version(1).stores(FROZEN_V1);
    await old.table('records').add(recordV1);
    await old.table('outbox').add({
      opId: '019bb227-0000-7000-8000-000000000002',
      recordId: recordV1.id,
      type: 'create',
      payload: recordV1.feature,
      baseVersion: null,
      createdAt: recordV1.createdAt,
    });
    await old.table('media').add({ id: 'ab'.repeat(32), recordId: recordV1.id, kind: 'photo', uploaded: false });
    await old
      .table('sessions')
      .add({ id: recordV1.sessionId, kind: 'quartierszirkel', title: 'Zirkel', endedAt: null });
    await old.table('meta').add({ key: 'activeSessionId', value: recordV1.sessionId });
    old.close();

    await db.open();
    const linkedFeature = {
      ...recordV1.feature,
      properties: { ...recordV1.feature.properties, media: recordV1.mediaIds },
    };
    // The server learns a record's photos from `properties.media`: the unsent create must carry them.
    expect(await db.records.get(recordV1.id)).toEqual({ ...recordV1, feature: linkedFeature, status: null });
    expect((await db.outbox.toArray())[0]?.payload).toEqual(linkedFeature);
    expect(await db.records.where('sessionId').equals(recordV1.sessionId).count()).toBe(1);
    expect(await db.records.where('mediaIds').equals('ab'.repeat(32)).count()).toBe(1);
    expect(await db.outbox.where('recordId').equals(recordV1.id).first()).toMatchObject({ seq: 1, type: 'create' });
    expect(await db.media.count()).toBe(1);
    expect(await db.sessions.count()).toBe(1);
    expect((await db.meta.get('activeSessionId'))?.value).toBe(recordV1.sessionId);
    expect(await db.rejected.count()).toBe(0);
    expect(db.verno).toBe(SCHEMA_VERSION);
  });
});
