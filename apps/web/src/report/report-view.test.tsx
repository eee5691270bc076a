// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, renderLive } from './render-live.tsx';
import { ANALYSIS_ID, analysis, demandLayers, imports, overview, workspace } from './report-fixtures.ts';
import { ReportView } from './report-view.tsx';

let calls: string[] = [];

beforeEach(() => {
  const fake = fakeFetch({
    '/api/v1/reports/overview': overview,
    '/api/v1/demand-layers': { demandLayers },
    '/api/v1/imports': { imports },
    [`/api/v1/analyses/${ANALYSIS_ID}`]: analysis,
  });
  calls = fake.calls;
  vi.stubGlobal('fetch', fake.fetch);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The cells of the table row whose header reads `name`. */
function row(table: HTMLElement, name: string): string[] {
  const header = within(table).getByRole('rowheader', { name });
  const tr = header.closest('tr');
  if (!tr) throw new Error(`no row ${name}`);
  return Array.from(tr.querySelectorAll('td'), (cell) => cell.textContent ?? '');
}

describe('ReportView', () => {
  it('shows records per quarter with totals, pending submissions and the figures per category', async () => {
    renderLive('de', <ReportView {...workspace} />);
    const quarters = await screen.findByRole('table', { name: 'Einträge je Quartier und Art' });
    expect(row(quarters, 'Eving')).toEqual(['191', '36', '12', '145', '7']);
    expect(row(quarters, 'Summe')).toEqual(['300', '60', '21', '250', '9']);

    const categories = screen.getByRole('table', { name: 'Angebote und Bedarfe je Kategorie' });
    expect(row(categories, 'Lebensmittel')).toEqual(['12', '51']);
    expect(row(categories, 'Bibliothek')).toEqual(['0', '11']);

    const chart = screen.getByRole('img', { name: /Angebote und Bedarfe je Kategorie/ });
    expect(chart.querySelector('desc')?.textContent).toContain('Lebensmittel: Angebote 12, Bedarfe 51');
  });

  it('names the languages needs were written in and counts needs per target group', async () => {
    renderLive('de', <ReportView {...workspace} />);
    const languages = await screen.findByRole('table', { name: 'Nach Sprache' });
    const rows = within(languages)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(rows).toEqual(['Deutsch', 'Türkisch', 'Arabisch', 'Sprache unbekannt']);
    expect(row(languages, 'Türkisch')).toEqual(['45']);
    const groups = screen.getByRole('table', { name: 'Nach Zielgruppe' });
    expect(row(groups, 'Kinder')).toEqual(['30']);
  });

  it('lists sessions with their format and coverage from the newest analysis, and narrows to one quarter', async () => {
    renderLive('de', <ReportView {...workspace} />);
    const sessions = await screen.findByRole('table', { name: 'Einträge je Erhebung und Art' });
    expect(row(sessions, 'Begehung Evinger Platz')).toEqual(['Begehung', 'Eving', '14.04.2026', '48', '9', '2', '0']);
    expect(row(sessions, 'Quartierszirkel Marten Mai')[2]).toBe('seit 06.05.2026');

    const coverage = screen.getByRole('table', { name: 'Versorgung je Kategorie' });
    const groceries = row(coverage, 'Lebensmittel');
    expect(groceries.slice(0, 4).map((text) => text.replace(/\s/g, ' '))).toEqual(['62 %', '55 %', '13.500', '30.000']);
    expect(groceries.at(-1)).toContain('Daten seitdem geändert');
    expect(screen.getByText('Noch nicht analysiert:')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Quartiere'), { target: { value: 'marten' } });
    const narrowed = screen.getByRole('table', { name: 'Versorgung je Kategorie' });
    expect(
      row(narrowed, 'Lebensmittel')
        .slice(0, 3)
        .map((text) => text.replace(/\s/g, ' ')),
    ).toEqual(['30 %', '28 %', '7.800']);
    expect(within(screen.getByRole('table', { name: 'Einträge je Quartier und Art' })).queryByText('Eving')).toBeNull();
    expect(screen.queryByText('Begehung Evinger Platz')).toBeNull();
  });

  it('says what failed when the figures cannot be loaded, and tries again', async () => {
    vi.stubGlobal('fetch', fakeFetch({}).fetch);
    renderLive('de', <ReportView {...workspace} />);
    expect(await screen.findByText('Die Zahlen für den Überblick konnten nicht geladen werden.')).toBeTruthy();
    vi.stubGlobal('fetch', fakeFetch({ '/api/v1/reports/overview': overview }).fetch);
    fireEvent.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByRole('table', { name: 'Einträge je Quartier und Art' })).toBeTruthy();
  });
});

describe('the printable report', () => {
  async function openPrint(language = 'de') {
    renderLive(language, <ReportView {...workspace} />);
    const open = await screen.findByRole('button', { name: language === 'de' ? 'Bericht drucken' : 'طباعة التقرير' });
    fireEvent.click(open);
  }

  it('holds the map of the chosen analysis with its legend and unit', async () => {
    await openPrint();
    const map = await screen.findByRole('img', { name: 'Prioritätsindex: Lebensmittel' });
    const cells = map.querySelectorAll('.hex-map__cells path');
    expect(cells).toHaveLength(3);
    // The most urgent cell takes the darkest colour, the least urgent the lightest.
    expect(cells[0]?.getAttribute('fill')).toBe('#440154');
    expect(cells[2]?.getAttribute('fill')).toBe('#fde725');
    expect(screen.getByText('Index von 0 (gering) bis 1 (hoch). Dunkler heißt dringender.')).toBeTruthy();
    expect(calls).toContain(`/api/v1/analyses/${ANALYSIS_ID}`);

    fireEvent.change(screen.getByLabelText('Karte: Messgröße'), { target: { value: 'coverageShare' } });
    const coverage = await screen.findByRole('img', { name: 'Abgedeckter Anteil: Lebensmittel' });
    const shares = coverage.querySelectorAll('.hex-map__cells path');
    // Low coverage is the worse end, so it takes the dark colour; where nobody lives there is no share: grey.
    expect(shares[0]?.getAttribute('fill')).toBe('#440154');
    expect(shares[1]?.getAttribute('fill')).toBe('#fde725');
    expect(shares[2]?.getAttribute('fill')).toBe('#d9ded8');
    expect(screen.getByText('Niemand aus der Zielgruppe wohnt hier')).toBeTruthy();
  });

  it('names the data sources and licences of what is loaded', async () => {
    await openPrint();
    const sources = await screen.findByRole('region', { name: 'Datenquellen und Lizenzen' });
    await within(sources).findByText(/Zensus 2022, Gitterzellen 100 m/);
    const text = sources.textContent ?? '';
    expect(text).toContain('© Statistische Ämter des Bundes und der Länder');
    expect(text).toContain('dl-de/by-2.0');
    // The Lidl stores came from OpenStreetMap: its licence must be named.
    expect(text).toContain('© OpenStreetMap contributors');
    expect(text).toContain('dortmund_area_lidl_osm.geojson');
    // A refused import brought nothing in and is no source.
    expect(text).not.toContain('haltestellen-kaputt.csv');
    expect(text).toContain('Sketched by the Quartiersatlas project for the demo');
    expect(text).toContain('© GeoBasis-DE / BKG (2026)');
    expect(text).toContain('Project default: 10 minutes on foot');
    expect(text).toContain('Demodaten');
  });

  it('goes back to the overview', async () => {
    await openPrint();
    fireEvent.click(await screen.findByRole('button', { name: 'Zurück zum Überblick' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Datenquellen und Lizenzen' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Bericht drucken' })).toBeTruthy();
  });

  it('reads right to left in Arabic: bars grow from the right edge', async () => {
    renderLive('ar', <ReportView {...workspace} />);
    const chart = await screen.findByRole('img', { name: /الخدمات والاحتياجات حسب الفئة/ });
    const bars = Array.from(chart.querySelectorAll('rect'));
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) {
      const x = Number.parseFloat(bar.getAttribute('x') ?? '');
      const width = Number.parseFloat(bar.getAttribute('width') ?? '');
      expect(x + width).toBeCloseTo(100);
    }
  });
});
