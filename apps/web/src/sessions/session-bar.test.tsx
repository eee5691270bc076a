import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalRecord, LocalSession } from '../data/index.ts';
import { renderIn } from '../records/render-in.tsx';
import { SessionBar } from './session-bar.tsx';

const state = vi.hoisted(() => ({ session: null as LocalSession | null, records: [] as LocalRecord[] }));

vi.mock('../data/index.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../data/index.ts')>()),
  useActiveSession: () => state.session,
  useLocalRecords: () => state.records,
}));

const walk: LocalSession = {
  id: 's1',
  kind: 'walkabout',
  title: 'Begehung 21.11.2026',
  quarterId: 'eving',
  startedAt: '2026-11-21T09:00:00.000Z',
  endedAt: null,
};

beforeEach(() => {
  state.session = null;
  state.records = [];
});

describe('SessionBar', () => {
  it('offers to start a walkabout or a Quartierszirkel when none runs', () => {
    const html = renderIn('de', <SessionBar quarterId="eving" />);
    expect(html).toContain('Keine Erhebung läuft.');
    expect(html).toContain('Begehung starten');
    expect(html).toContain('Quartierszirkel starten');
  });

  it('shows the running session with its kind and how many records it got', () => {
    state.session = walk;
    state.records = [{} as LocalRecord, {} as LocalRecord, {} as LocalRecord];
    const html = renderIn('de', <SessionBar quarterId="eving" />);
    expect(html).toContain('Begehung 21.11.2026');
    expect(html).toContain('>Begehung<');
    expect(html).toContain('3 Einträge');
    expect(html).toContain('>Beenden</button>');
    expect(html).not.toContain('anderen Quartier');
  });

  it('warns when the session belongs to another quarter', () => {
    state.session = { ...walk, quarterId: 'marten' };
    expect(renderIn('uk', <SessionBar quarterId="eving" />)).toContain('Це обстеження триває в іншому районі.');
  });
});
