import { parseRecord } from '@quartiersatlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/database.ts';
import { AppError } from '../src/errors.ts';
import { putQuarter } from '../src/store/quarters.ts';
import { deleteRecord, getRecord, insertRecords, listRecords, updateRecord } from '../src/store/records.ts';
import { getTaxonomy } from '../src/store/taxonomy.ts';
import { createTestDatabase, DATABASES, serviceFeature, TEST_QUARTER, type TestDatabase } from './helpers.ts';

describe.each(DATABASES)('record store on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await putQuarter(database.db, TEST_QUARTER);
  });
  afterAll(() => database.dispose());

  async function valid(coordinates?: [number, number]) {
    const parsed = parseRecord(serviceFeature({ coordinates }), await getTaxonomy(database.db));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.value;
  }

  it('migrates once: a second run applies nothing and keeps the data', async () => {
    await insertRecords(database.db, [await valid()], { createdBy: null, status: 'published' });
    expect(await migrate(database.db)).toEqual([]);
    const { records } = await listRecords(database.db, { limit: 100 });
    expect(records.length).toBeGreaterThan(0);
  });

  it('writes a batch all or nothing', async () => {
    const existing = await valid();
    await insertRecords(database.db, [existing], { createdBy: null, status: 'published' });
    const batch = [await valid(), await valid(), existing, await valid()];
    await expect(insertRecords(database.db, batch, { createdBy: null, status: 'published' })).rejects.toMatchObject({
      code: 'RECORD_EXISTS',
    });
    for (const record of [batch[0], batch[1], batch[3]]) {
      expect(await getRecord(database.db, record?.id as string)).toBeUndefined();
    }
  });

  it('gives a batch consecutive versions above everything before', async () => {
    const before = await insertRecords(database.db, [await valid()], { createdBy: null, status: 'published' });
    const batch = await insertRecords(database.db, await Promise.all([valid(), valid(), valid()]), {
      createdBy: null,
      status: 'published',
    });
    const first = before[0]?.version as number;
    expect(batch.map((r) => r.version)).toEqual([first + 1, first + 2, first + 3]);
  });

  it('rolls back the version counter with a failed write', async () => {
    const [record] = await insertRecords(database.db, [await valid()], { createdBy: null, status: 'published' });
    const stale = record?.version as number;
    const next = await valid();
    await updateRecord(database.db, record?.id as string, { ...next, id: record?.id as string }, stale);
    await expect(
      updateRecord(database.db, record?.id as string, { ...next, id: record?.id as string }, stale),
    ).rejects.toBeInstanceOf(AppError);
    const [after] = await insertRecords(database.db, [await valid()], { createdBy: null, status: 'published' });
    expect(after?.version).toBe(stale + 2);
  });

  it('keeps deleted records as tombstones with a new version', async () => {
    const [record] = await insertRecords(database.db, [await valid()], { createdBy: null, status: 'published' });
    const tombstone = await deleteRecord(database.db, record?.id as string);
    expect(tombstone.deleted).toBe(true);
    expect(tombstone.version).toBeGreaterThan(record?.version as number);
    expect((await getRecord(database.db, record?.id as string))?.deleted).toBe(true);
  });

  it('finds records by bbox, including polygons that only overlap its edge', async () => {
    const far = await valid([7.9, 51.9]);
    await insertRecords(database.db, [far], { createdBy: null, status: 'published' });
    const { records } = await listRecords(database.db, { bbox: [7.89, 51.89, 7.91, 51.91], limit: 10 });
    expect(records.map((r) => r.id)).toEqual([far.id]);
    const edge = await listRecords(database.db, { bbox: [7.9, 51.9, 7.95, 51.95], limit: 10 });
    expect(edge.records.map((r) => r.id)).toEqual([far.id]);
  });
});
