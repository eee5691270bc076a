import { describe, expect, it } from 'vitest';
import { renderIn } from '../records/render-in.tsx';
import { orderPotentials, PotentialsPanel } from './potentials-panel.tsx';
import { sceneResult } from './test-result.ts';

const result = sceneResult();
const titles: Record<string, string> = { site0: 'Ehemaliger Schlecker, Bergstraße 12', site1: 'Zechenbrache Nord' };

describe('PotentialsPanel', () => {
  it('lists picked sites by rank, then the others by the people they would reach', () => {
    const sites = [
      { ...result.potentials[0], id: 'a', rank: 2 },
      { ...result.potentials[0], id: 'b', rank: null, alonePeople: 10 },
      { ...result.potentials[0], id: 'c', rank: 1 },
      { ...result.potentials[0], id: 'd', rank: null, alonePeople: 300 },
      { ...result.potentials[0], id: 'e', rank: null, alonePeople: 0 },
    ] as typeof result.potentials;
    const { ranked, others } = orderPotentials(sites);
    expect(ranked.map((site) => site.id)).toEqual(['c', 'a']);
    // A site that would reach nobody without a service is no potential.
    expect(others.map((site) => site.id)).toEqual(['d', 'b']);
  });

  it('shows each ranked site with its name, the people it newly reaches and a what-if button', () => {
    const html = renderIn(
      'de',
      <PotentialsPanel
        sites={result.potentials}
        summary={result.summary.potentials}
        categoryLabel="Lebensmittel"
        titleOf={(id) => titles[id]}
        selectedSite={null}
        whatIfSites={new Set()}
        onShow={() => {}}
        onWhatIf={() => {}}
      />,
    );
    const text = html.replace(/<[^>]+>/g, '\n');
    expect(text).toContain('Potenziale für Lebensmittel');
    expect(text).toContain('Ehemaliger Schlecker, Bergstraße 12');
    expect(text).toMatch(/Neu erreichte Menschen\n+1\.450/);
    expect(text).toMatch(
      /Heute haben 66\s% der Gruppe ein Angebot in Reichweite. Mit den ausgewählten Standorten \(Anzahl: 1\) wären es 100\s%/,
    );
    expect(text).toContain('Was wäre, wenn hier …');
    // The brownfield reaches nobody without a service: not offered.
    expect(text).not.toContain('Zechenbrache Nord');
  });
});
