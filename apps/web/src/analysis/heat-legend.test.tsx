import { describe, expect, it } from 'vitest';
import { renderIn } from '../records/render-in.tsx';
import { HeatLegend, type LegendContext } from './heat-legend.tsx';
import { measureStyle } from './measures.ts';
import { sceneResult } from './test-result.ts';

const cells = sceneResult().grid.features.map((feature) => feature.properties);
const context: LegendContext = {
  method: '2sfca',
  supplyUnit: 'facilities',
  target: 0.5,
  weights: { deficit: 0.5, needs: 0.3, access: 0.2 },
};

function legend(measure: Parameters<typeof measureStyle>[0], language = 'de', extra = {}) {
  const style = measureStyle(measure, cells, context);
  const html = renderIn(
    language,
    <HeatLegend style={style} context={context} onMeasure={() => {}} hypothetical={false} demand={false} {...extra} />,
  );
  return { style, html, text: html.replace(/<[^>]+>/g, '\n') };
}

describe('HeatLegend', () => {
  it('names the unit and one value range per colour class', () => {
    const { style, html, text } = legend('supply');
    expect(text).toContain('Einrichtungen je 1.000 Menschen in Reichweite – Ziel 0,50');
    expect(text).toContain('unter 0,13');
    expect(text).toContain('0,25 bis unter 0,38');
    expect(text).toContain('ab 0,50');
    for (const range of style.classes) expect(html).toContain(`background:${range.colour}`);
    // Unreachable people are hatched and say so; cells without people too.
    expect(text).toContain('Kein Angebot in Reichweite');
    expect(text).toContain('Hier lebt niemand der Gruppe');
  });

  it('states deficits in people and shows the priority weights it is drawn with', () => {
    expect(legend('deficit').text).toContain('Menschen, die gemessen am Ziel nicht versorgt sind');
    const priority = legend('priority').text;
    expect(priority).toContain('Index von 0 (gering) bis 1 (hoch)');
    expect(priority).toMatch(/Gewichte: Defizit 50\s%, Bedarfe 30\s%, Erreichbarkeit 20\s%/);
    expect(priority).toContain('Je dunkler, desto dringender.');
  });

  it('offers every measure in the switch, the method’s own value by the method’s name', () => {
    const { html } = legend('priority');
    for (const label of [
      'Prioritätsindex',
      'Defizit',
      'Erreichbarkeit: 2SFCA (Standard)',
      'Angebot je 1.000 Menschen',
      'Abdeckung',
      'Gemeldete Bedarfe',
    ]) {
      expect(html).toContain(`>${label}</option>`);
    }
  });

  it('marks hypothetical services and the population circles when they are on the map', () => {
    const { text } = legend('coverage', 'de', { hypothetical: true, demand: true });
    expect(text).toContain('Gedachtes Angebot (nicht gespeichert)');
    expect(text).toContain('Kreis: Menschen der Gruppe je Zelle');
  });

  it('is translated, Arabic included', () => {
    const { html } = legend('supply', 'ar');
    expect(html).toContain('لا خدمة ضمن النطاق');
    expect(html).not.toMatch(/analysis\.(legend|unit|measure)\./);
  });
});
