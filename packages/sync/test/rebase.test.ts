import { describe, expect, it } from 'vitest';
import { type ClientRecord, type PendingOp, rebaseRecord, type SyncRow } from '../src/index.ts';

const ID = '01900000-0000-7000-8000-000000000001';

function row(version: number, properties: Record<string, unknown> = {}, deleted = false): SyncRow {
  if (deleted) return { id: ID, version, deleted: true };
  return {
    id: ID,
    version,
    deleted: false,
    feature: {
      type: 'Feature',
      id: ID,
      geometry: { type: 'Point', coordinates: [7.46, 51.55] },
      properties: {
        kind: 'service',
        quarterId: 'eving',
        category: 'bakery',
        name: 'Server',
        note: 'Server-Notiz',
        status: 'published',
        version,
        createdAt: '2025-05-01T10:00:00.000Z',
        updatedAt: '2025-05-01T10:00:00.000Z',
        createdBy: 'someone',
        demo: false,
        deleted: false,
        ...properties,
      },
    },
  };
}

function local(serverVersion: number | null, properties: Record<string, unknown> = {}, deleted = false): ClientRecord {
  return {
    id: ID,
    serverVersion,
    deleted,
    status: 'published',
    feature: {
      type: 'Feature',
      id: ID,
      geometry: { type: 'Point', coordinates: [7.47, 51.56] },
      properties: { kind: 'service', quarterId: 'eving', category: 'bakery', name: 'Lokal', ...properties },
    },
  };
}

let seq = 0;
function op(type: PendingOp['type'], payload: unknown = null): PendingOp {
  seq += 1;
  return { seq, opId: `op-${seq}`, type, recordId: ID, baseVersion: 3, payload, createdAt: '2025-05-01T10:00:00.000Z' };
}

describe('rebaseRecord', () => {
  it('takes the server row without its server fields when nothing is pending', () => {
    const action = rebaseRecord(local(3), row(5), []);
    expect(action).toEqual({
      kind: 'put',
      record: {
        id: ID,
        serverVersion: 5,
        deleted: false,
        status: 'published',
        feature: {
          type: 'Feature',
          id: ID,
          geometry: { type: 'Point', coordinates: [7.46, 51.55] },
          properties: { kind: 'service', quarterId: 'eving', category: 'bakery', name: 'Server', note: 'Server-Notiz' },
        },
      },
    });
  });

  it('keeps the fields of pending updates, sent or not, and takes the rest from the server', () => {
    const sent = { ...op('update', { properties: { name: 'Lokal' } }), sentAt: '2025-05-01T10:01:00.000Z' };
    const removal = op('update', { properties: { note: null } });
    const action = rebaseRecord(local(3), row(5, { openingHours: 'Mo-Fr' }), [sent, removal]);
    expect(action.kind).toBe('put');
    if (action.kind !== 'put') return;
    expect(action.record.serverVersion).toBe(5);
    expect(action.record.feature.geometry).toEqual({ type: 'Point', coordinates: [7.46, 51.55] });
    expect(action.record.feature.properties).toEqual({
      kind: 'service',
      quarterId: 'eving',
      category: 'bakery',
      name: 'Lokal',
      openingHours: 'Mo-Fr',
    });
  });

  it('keeps a pending geometry move', () => {
    const action = rebaseRecord(local(3), row(5), [
      op('update', { geometry: { type: 'Point', coordinates: [7.47, 51.56] } }),
    ]);
    expect(action.kind === 'put' && action.record.feature.geometry.coordinates).toEqual([7.47, 51.56]);
  });

  it('keeps the whole local record while its create or a restore is pending', () => {
    for (const pending of [op('create', {}), op('update', { restore: true, properties: {} })]) {
      const action = rebaseRecord(local(null, { note: 'mein' }), row(5), [pending]);
      expect(action.kind === 'put' && action.record.feature.properties).toMatchObject({ name: 'Lokal', note: 'mein' });
      expect(action.kind === 'put' && action.record.serverVersion).toBe(5);
    }
  });

  it('keeps a pending local delete', () => {
    const action = rebaseRecord(local(3, {}, true), row(5), [op('delete')]);
    expect(action.kind === 'put' && action.record.deleted).toBe(true);
  });

  it('removes the copy for a tombstone, unless the device still has ops for it', () => {
    expect(rebaseRecord(local(3), row(5, {}, true), [])).toEqual({ kind: 'remove' });
    expect(rebaseRecord(local(3), row(5, {}, true), [op('update', { properties: { name: 'x' } })])).toEqual({
      kind: 'keep',
    });
    expect(rebaseRecord(undefined, row(5, {}, true), [])).toEqual({ kind: 'keep' });
  });

  it('never goes back to an older version', () => {
    expect(rebaseRecord(local(6), row(5), [])).toEqual({ kind: 'keep' });
    expect(rebaseRecord(local(6), row(5, {}, true), [])).toEqual({ kind: 'keep' });
  });

  it('ignores session ops of the same id', () => {
    const action = rebaseRecord(local(3), row(5), [op('update-session', { endedAt: null })]);
    expect(action.kind === 'put' && action.record.feature.properties.name).toBe('Server');
  });
});
