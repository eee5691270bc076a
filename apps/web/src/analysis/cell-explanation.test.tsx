import type { HexProperties } from '@quartiersatlas/gap';
import { describe, expect, it } from 'vitest';
import { renderIn } from '../records/render-in.tsx';
import { CellExplanation } from './cell-explanation.tsx';
import { SCENE_PARAMETERS, sceneResult } from './test-result.ts';

const cells = sceneResult().grid.features.map((feature) => feature.properties);
const near = cells.find((cell) => cell.population === 900) as HexProperties;
const far = cells.find((cell) => cell.unreachablePopulation > 0) as HexProperties;
const nobody = cells.find((cell) => cell.population === 0) as HexProperties;
const weights = { deficit: 0.5, needs: 0.3, access: 0.2 };

function explain(cell: HexProperties, language = 'de', nearestName: string | null = 'Supermarkt Eving Mitte') {
  // Plain text, with the Unicode isolates around names left out for readable expectations.
  return renderIn(
    language,
    <CellExplanation cell={cell} parameters={SCENE_PARAMETERS} weights={weights} nearestName={nearestName} />,
  )
    .replace(/<[^>]+>/g, '\n')
    .replace(/[\u2068\u2069]/g, '');
}

describe('CellExplanation', () => {
  it('tells why a served cell scores as it does: people, reach, supply against the target, deficit, nearest', () => {
    const text = explain(near);
    expect(text).toContain('Menschen der Gruppe „Alle“ in dieser Zelle: etwa 900.');
    expect(text).toContain('Alle hier haben ein Angebot innerhalb von 800 m.');
    expect(text).toContain('Erreichbares Angebot: 0,36 Einrichtungen je 1.000 Menschen – das Ziel sind 0,50.');
    expect(text).toContain('Defizit: 257 – so viele Menschen sind gemessen am Ziel nicht versorgt.');
    expect(text).toContain('Nächstes Angebot: Supermarkt Eving Mitte, 130 m entfernt.');
    expect(text).toContain('Gemeldete Bedarfe in dieser Zelle: 1, mit Unterstützenden gewichtet 2.');
    expect(text).toContain('Entfernungen: Luftlinie × 1,3');
  });

  it('shows how the priority adds up, part by part', () => {
    const text = explain(near);
    expect(text).toContain(`Priorität: ${near.priority.toFixed(2).replace('.', ',')} von 1`);
    // Deficit 50 % × 0.18, needs 30 % × 0.50, access 20 % × 0.29.
    expect(text).toMatch(/Defizit\n+50\s%\n+0,18\n+0,09/);
    expect(text).toMatch(/Gemeldete Bedarfe\n+30\s%\n+0,50\n+0,15/);
    expect(text).toMatch(/Erreichbarkeit\n+20\s%\n+0,29\n+0,06/);
  });

  it('says plainly when nobody has a service within reach', () => {
    const text = explain(far);
    expect(text).toContain('Niemand hier hat ein Angebot innerhalb von 800 m.');
    expect(text).toContain('Erreichbares Angebot: keines – das Ziel sind 0,50 Einrichtungen je 1.000 Menschen.');
    expect(text).toContain('Kein Angebot näher als 800 m.');
    expect(text).toContain('Erreichbarkeit: 2SFCA (Standard): kein Wert, weil nichts in Reichweite ist.');
    expect(text).toContain('Defizit: 1.450');
  });

  it('explains a cell where nobody of the group lives without per-person figures', () => {
    const text = explain(nobody);
    expect(text).toContain(
      'Hier lebt niemand der Gruppe „Alle“. Die Zelle ist nur wegen gemeldeter Bedarfe auf der Karte.',
    );
    expect(text).not.toMatch(/Defizit: \d/);
    expect(text).not.toContain('Erreichbares Angebot');
  });

  it('names a hypothetical service as such in a what-if result', () => {
    const text = explain({ ...far, nearestServiceId: 'what-if-2', nearestDistanceM: 412 });
    expect(text).toContain('Nächstes Angebot: das gedachte Angebot 2, 410 m entfernt.');
  });

  it('speaks Arabic and keeps a German name isolated inside the sentence', () => {
    const html = renderIn(
      'ar',
      <CellExplanation
        cell={near}
        parameters={SCENE_PARAMETERS}
        weights={weights}
        nearestName="Supermarkt Eving Mitte"
      />,
    );
    expect(html).toContain('أقرب خدمة: \u2068Supermarkt Eving Mitte\u2069');
    expect(html).not.toMatch(/analysis\.cell\./);
  });
});
