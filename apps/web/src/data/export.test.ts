import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { db, SCHEMA_VERSION } from './db.ts';
import { EXPORT_FORMAT, exportLocalData } from './export.ts';
import { META, setMeta } from './meta.ts';
import { createRecord, deleteRecord } from './records.ts';
import { startSession } from './sessions.ts';
import { bakery, need, resetDb } from './test-helpers.ts';

beforeEach(() => resetDb());

it('exports records, outbox, refused changes, sessions and media with their bytes, but never the device token', async () => {
  await setMeta(META.deviceToken, 'secret-device-token');
  const session = await startSession({ kind: 'walkabout', title: 'Begehung', quarterId: 'eving' });
  const kept = await createRecord(need(), [{ blob: new Blob(['hi']), kind: 'audio', mime: 'audio/webm' }]);
  const deleted = await createRecord(bakery());
  await deleteRecord(deleted.id);
  const refused = {
    opId: '019bb227-0000-7000-8000-0000000000aa',
    type: 'create' as const,
    recordId: deleted.id,
    baseVersion: null,
    payload: deleted.feature,
    reason: { code: 'UNKNOWN_CATEGORY', message: 'The category is not in the taxonomy' },
    rejectedAt: '2026-11-21T10:00:00.000Z',
  };
  await db.rejected.add(refused);

  const blob = await exportLocalData();
  const text = await blob.text();
  const data = JSON.parse(text);
  expect(blob.type).toBe('application/json');
  expect(data).toMatchObject({ format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION });
  expect(Date.parse(data.exportedAt)).not.toBeNaN();
  expect(data.records.map((r: { id: string }) => r.id).sort()).toEqual([kept.id, deleted.id].sort());
  expect(data.outbox.map((op: { type: string }) => op.type)).toEqual(['create-session', 'create', 'create', 'delete']);
  expect(data.rejected).toEqual([refused]);
  expect(data.sessions).toEqual([session]);
  expect(data.media).toEqual([
    expect.objectContaining({ recordId: kept.id, kind: 'audio', size: 2, dataUrl: 'data:audio/webm;base64,aGk=' }),
  ]);
  expect(text).not.toContain('secret-device-token');
});
