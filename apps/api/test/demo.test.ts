import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../src/seed.ts';
import { deleteRecord, listRecords } from '../src/store/records.ts';
import { countRows, createTestDatabase, DATABASES, type TestDatabase } from './helpers.ts';

describe.each(DATABASES)('demo data on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('loads once, marked as demo, and never again — even after demo records were deleted', async () => {
    const summary = await loadDemoData(database.db);
    expect(summary).toMatchObject({ quarters: 2 });
    expect(summary?.records).toBeGreaterThan(600);
    const records = await countRows(database, 'records');
    expect(records).toBe(summary?.records);
    const { records: eving } = await listRecords(database.db, { quarterId: 'eving', limit: 10_000 });
    expect(eving.length).toBeGreaterThan(300);
    expect(eving.every((r) => r.demo && r.status === 'published')).toBe(true);
    expect(new Set(eving.filter((r) => r.kind === 'need').map((r) => r.fields.lang)).size).toBeGreaterThanOrEqual(6);

    await deleteRecord(database.db, eving[0]?.id as string);
    expect(await loadDemoData(database.db)).toBeNull();
    expect(await countRows(database, 'records')).toBe(records);
    expect(await countRows(database, 'survey_sessions')).toBe(summary?.sessions);
  });
});
