import type { Taxonomy } from '@quartiersatlas/domain';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import taxonomy from '../../../../data/taxonomy.json' with { type: 'json' };
import type { LocalRecord, MediaSummary, RecordFeature } from '../data/index.ts';
import { RecordList } from './record-list.tsx';
import { renderIn } from './render-in.tsx';

const state = vi.hoisted(() => ({
  records: [] as LocalRecord[],
  pending: new Set<string>(),
  media: new Map<string, MediaSummary>(),
}));

vi.mock('../data/index.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../data/index.ts')>()),
  useLocalRecords: () => state.records,
  usePendingIds: () => state.pending,
  useMediaCounts: () => state.media,
  useMeta: () => taxonomy as Taxonomy,
}));

function local(id: string, properties: RecordFeature['properties'], extra: Partial<LocalRecord> = {}): LocalRecord {
  const now = new Date().toISOString();
  return {
    id,
    feature: { type: 'Feature', id, geometry: { type: 'Point', coordinates: [7.47, 51.55] }, properties },
    kind: properties.kind,
    quarterId: properties.quarterId,
    sessionId: null,
    serverVersion: null,
    deleted: false,
    createdAt: now,
    localUpdatedAt: now,
    mediaIds: [],
    ...extra,
  };
}

const longAgo = '2020-01-01T10:00:00.000Z';

beforeEach(() => {
  state.records = [
    local('a', { kind: 'service', quarterId: 'eving', category: 'bakery', name: 'Bäckerei Özdemir' }),
    local('b', { kind: 'need', quarterId: 'eving', category: 'kita' }),
    local('c', { kind: 'vacancy', quarterId: 'eving', address: 'Evinger Platz 3' }, { deleted: true }),
    local(
      'd',
      { kind: 'vacancy', quarterId: 'eving', address: 'Alte Post' },
      { deleted: true, localUpdatedAt: longAgo },
    ),
  ];
  state.pending = new Set(['a']);
  state.media = new Map([
    ['a', { photo: 2, audio: 1, waiting: 1, remote: 0 }],
    ['b', { photo: 1, audio: 0, waiting: 0, remote: 0 }],
  ]);
});

describe('RecordList', () => {
  it('lists the records with their category, sync state and media, and offers undo for recent deletes', () => {
    const html = renderIn('de', <RecordList quarterId="eving" onOpen={() => {}} />);
    expect(html).toContain('Bäckerei Özdemir');
    expect(html).toContain('Noch nicht übertragen');
    expect(html).toContain('2 Fotos');
    expect(html).toContain('1 Sprachnachricht');
    // One file of the bakery still waits for its upload; the need's photo is on the server.
    expect(html.match(/Upload wartet/g)).toHaveLength(1);
    expect(html.match(/Hochgeladen/g)).toHaveLength(1);
    // A need without text reads as its category.
    expect(html).toContain('>Kita<');
    expect(html).toContain('2 Einträge');
    expect(html).toContain('Kürzlich gelöscht');
    expect(html).toContain('„Evinger Platz 3“ wiederherstellen');
    expect(html).not.toContain('Alte Post');
    expect(html.match(/Noch nicht übertragen/g)).toHaveLength(1);
  });

  it('labels the search and the kind filter', () => {
    const html = renderIn('de', <RecordList quarterId="eving" onOpen={() => {}} />);
    const searchId = html.match(/<label for="([^"]+)">Suchen<\/label>/)?.[1];
    expect(searchId).toBeDefined();
    expect(html).toContain(`id="${searchId}" type="search"`);
    expect(html).toMatch(/<label for="[^"]+">Art<\/label>/);
    expect(html).toContain('<option value="need">Bedarfe</option>');
  });

  it('uses the grammar and digits of Arabic', () => {
    const html = renderIn('ar', <RecordList quarterId="eving" onOpen={() => {}} />);
    expect(html).toContain('صورتان');
    expect(html).toContain('إدخالان');
    expect(html).toContain('الإدخالات على هذا الجهاز');
  });

  it('says so when the quarter has no records', () => {
    state.records = [];
    expect(renderIn('en', <RecordList quarterId="eving" onOpen={() => {}} />)).toContain(
      'This device has no entries for this neighbourhood yet.',
    );
  });
});
