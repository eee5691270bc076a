import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalRecord, LocalSession } from '../data/index.ts';
import { renderIn } from '../records/render-in.tsx';
import { SupportersBoard } from './supporters-board.tsx';

const state = vi.hoisted(() => ({ session: null as LocalSession | null, needs: [] as LocalRecord[] }));

vi.mock('../data/index.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../data/index.ts')>()),
  useActiveSession: () => state.session,
  useLocalRecords: () => state.needs,
  useMeta: () => undefined,
}));

function need(id: string, text: string, supporters: number, createdAt: string): LocalRecord {
  return {
    id,
    feature: {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [7.47, 51.55] },
      properties: { kind: 'need', quarterId: 'eving', category: 'kita', text, supporters },
    },
    kind: 'need',
    quarterId: 'eving',
    sessionId: 's1',
    serverVersion: null,
    deleted: false,
    createdAt,
    localUpdatedAt: new Date().toISOString(),
    mediaIds: [],
  };
}

const zirkel: LocalSession = {
  id: 's1',
  kind: 'quartierszirkel',
  title: 'Quartierszirkel 21.11.2026',
  quarterId: 'eving',
  startedAt: '2026-11-21T17:00:00.000Z',
  endedAt: null,
};

beforeEach(() => {
  state.session = zirkel;
  state.needs = [
    need('n2', 'Ein Treffpunkt für Jugendliche am Abend', 3, '2026-11-21T17:20:00.000Z'),
    need('n1', 'Mehr Kita-Plätze in der Bergstraße', 1, '2026-11-21T17:10:00.000Z'),
  ];
});

describe('SupportersBoard', () => {
  it('shows the session needs as buttons in a stable order with their vote counts', () => {
    const html = renderIn('de', <SupportersBoard quarterId="eving" />);
    const first = html.indexOf('Mehr Kita-Plätze');
    const second = html.indexOf('Ein Treffpunkt');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(html).toContain('1 Stimme');
    expect(html).toContain('3 Stimmen');
    expect(html.match(/<button type="button" class="supporter"/g)).toHaveLength(2);
  });

  it('asks for a Quartierszirkel when none runs in this quarter', () => {
    state.session = { ...zirkel, quarterId: 'marten' };
    const html = renderIn('de', <SupportersBoard quarterId="eving" />);
    expect(html).toContain('Starten Sie einen Quartierszirkel');
    expect(html).not.toContain('Mehr Kita-Plätze');
  });
});
