import type { Geometry } from '@quartiersatlas/domain';
import { describe, expect, it } from 'vitest';
import type { LocalRecord } from '../data/index.ts';
import { emptyValues, valuesFromRecord } from './form-values.ts';
import type { DraftMedia } from './media-draft.ts';
import { type SaveDeps, saveProblem, saveRecord } from './save-record.ts';

const ID = '0190f3a2-7b1c-7d4e-9f00-1a2b3c4d5e6f';
const point: Geometry = { type: 'Point', coordinates: [7.4735, 51.5466] };

function fakeDeps(fail?: { addMedia?: number }) {
  const calls: string[] = [];
  let added = 0;
  const deps: SaveDeps = {
    createRecord: async (feature, media) => {
      calls.push(`create ${feature.properties.kind} ${media.map((m) => m.kind).join(',')}`);
      return {} as LocalRecord;
    },
    updateRecord: async (id, changes) => {
      calls.push(`update ${id} ${JSON.stringify(changes)}`);
      return {} as LocalRecord;
    },
    addMedia: async (recordId, _blob, kind) => {
      added += 1;
      if (fail?.addMedia === added) throw Object.assign(new Error('full'), { code: 'STORAGE_FULL' });
      calls.push(`add ${recordId} ${kind}`);
    },
    removeMedia: async (mediaId, recordId) => {
      calls.push(`remove ${mediaId} from ${recordId}`);
    },
  };
  return { deps, calls };
}

const voice: DraftMedia = { key: 'draft-1', kind: 'audio', blob: new Blob(['x']), mime: 'audio/webm', size: 1 };
const photo: DraftMedia = { key: 'draft-2', kind: 'photo', blob: new Blob(['y']), mime: 'image/jpeg', size: 1 };

describe('saveRecord', () => {
  it('creates a need from a category, a location and a voice note in one write', async () => {
    const { deps, calls } = fakeDeps();
    const values = { ...emptyValues('eving', null, 'tr'), geometry: point, category: 'youth_centre' };
    const id = await saveRecord({ kind: 'need', id: ID, values, media: { added: [voice], removed: [] } }, deps);
    expect(id).toBe(ID);
    expect(calls).toEqual(['create need audio']);
  });

  it('updates only what changed, then adds and removes media', async () => {
    const { deps, calls } = fakeDeps();
    const feature = {
      type: 'Feature' as const,
      id: ID,
      geometry: point,
      properties: { kind: 'service' as const, quarterId: 'eving', category: 'kita', name: 'Kita' },
    };
    const values = { ...valuesFromRecord(feature, 'de'), capacity: '40' };
    await saveRecord(
      { kind: 'service', id: ID, values, existing: { id: ID, feature }, media: { added: [photo], removed: ['abc'] } },
      deps,
    );
    expect(calls).toEqual([`update ${ID} {"properties":{"capacity":40}}`, `add ${ID} photo`, `remove abc from ${ID}`]);
  });

  it('writes nothing for an unchanged record', async () => {
    const { deps, calls } = fakeDeps();
    const feature = {
      type: 'Feature' as const,
      id: ID,
      geometry: point,
      properties: {
        kind: 'need' as const,
        quarterId: 'eving',
        category: 'kita',
        targetGroups: [],
        urgency: 'medium',
        lang: 'de',
      },
    };
    await saveRecord(
      {
        kind: 'need',
        id: ID,
        values: valuesFromRecord(feature, 'de'),
        existing: { id: ID, feature },
        media: { added: [], removed: [] },
      },
      deps,
    );
    expect(calls).toEqual([]);
  });

  it('reports each written media item, so a retry after a full device does not add it twice', async () => {
    const { deps } = fakeDeps({ addMedia: 2 });
    const feature = {
      type: 'Feature' as const,
      id: ID,
      geometry: point,
      properties: { kind: 'vacancy' as const, quarterId: 'eving' },
    };
    const settled: unknown[] = [];
    const attempt = saveRecord(
      {
        kind: 'vacancy',
        id: ID,
        values: valuesFromRecord(feature, 'de'),
        existing: { id: ID, feature },
        media: { added: [voice, photo], removed: [] },
        onSettled: (change) => settled.push(change),
      },
      deps,
    );
    await expect(attempt).rejects.toMatchObject({ code: 'STORAGE_FULL' });
    expect(settled).toEqual([{ addedKey: 'draft-1' }]);
  });
});

describe('saveProblem', () => {
  it('tells validation, a full device, a known data error and anything else apart', () => {
    expect(saveProblem(Object.assign(new Error('x'), { issues: [] }))).toEqual({ type: 'validation' });
    expect(
      saveProblem(Object.assign(new Error('x'), { code: 'STORAGE_FULL', messageKey: 'data.storageFull' })),
    ).toEqual({
      type: 'storageFull',
    });
    expect(
      saveProblem(Object.assign(new Error('x'), { code: 'RECORD_DELETED', messageKey: 'data.recordDeleted' })),
    ).toEqual({
      type: 'data',
      messageKey: 'data.recordDeleted',
    });
    expect(saveProblem(new TypeError('boom'))).toEqual({ type: 'failed' });
    expect(saveProblem(undefined)).toEqual({ type: 'failed' });
  });
});
