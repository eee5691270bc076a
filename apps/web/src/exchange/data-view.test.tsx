// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, renderLive } from '../report/render-live.tsx';
import { analysis, imports, workspace } from '../report/report-fixtures.ts';
import { ExchangeView } from './data-view.tsx';

/** Stands in for XMLHttpRequest: the test decides how far the upload gets and what the server answers. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.last = this;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

beforeEach(() => {
  FakeXhr.last = null;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal(
    'fetch',
    fakeFetch({
      '/api/v1/imports': { imports },
      '/api/v1/analyses': { analyses: [{ ...analysis, result: undefined }] },
    }).fetch,
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function chooseFile(name: string, text: string) {
  const input = screen.getByLabelText('Datei') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
}

describe('imports', () => {
  it('uploads with visible progress and lists every refused row when nothing was imported', async () => {
    renderLive('de', <ExchangeView {...workspace} />);
    const form = screen.getByRole('region', { name: 'Importieren' });
    fireEvent.click(within(form).getByRole('radio', { name: /CSV mit Koordinaten/ }));
    fireEvent.change(within(form).getByLabelText('Art der Einträge'), { target: { value: 'service' } });
    fireEvent.change(within(form).getByLabelText('Kategorie'), { target: { value: 'bus_tram_stop' } });
    chooseFile('haltestellen.csv', 'name;lon;lat\nA;7.46;51.55\nB;7.47;x\n');
    fireEvent.click(screen.getByRole('button', { name: 'Importieren' }));

    // The upload starts once the device token was looked up.
    const xhr = await waitFor(() => FakeXhr.last ?? Promise.reject(new Error('nothing was uploaded yet')));
    if (!xhr) throw new Error('nothing was uploaded');
    const url = new URL(xhr.url, 'http://localhost');
    expect(url.pathname).toBe('/api/v1/imports');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'csv',
      fileName: 'haltestellen.csv',
      kind: 'service',
      category: 'bus_tram_stop',
    });
    expect(xhr.body).toBeInstanceOf(File);

    act(() => xhr.progress(40, 100));
    expect(screen.getByText('Wird hochgeladen … 40 %')).toBeTruthy();
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(40);
    act(() => xhr.progress(100, 100));
    expect(screen.getByText('Hochgeladen. Jede Zeile wird geprüft …')).toBeTruthy();

    await act(async () =>
      xhr.answer(422, {
        code: 'IMPORT_INVALID',
        message: 'Nothing was imported: 2 of 2 rows have problems',
        details: {
          import: {
            id: 'imp-9',
            format: 'csv',
            fileName: 'haltestellen.csv',
            status: 'failed',
            rowsTotal: 2,
            rowsImported: 0,
            createdAt: '2026-11-21T10:00:00.000Z',
            report: {
              created: 0,
              updated: 0,
              skipped: [],
              rejected: [
                { row: 2, field: 'lat', code: 'INVALID_NUMBER', message: '"x" is not a number' },
                { row: 2, field: 'name', code: 'REQUIRED', message: 'is required' },
              ],
              rejectedRows: 1,
            },
          },
        },
      }),
    );
    expect(screen.getByText('Nichts wurde importiert.')).toBeTruthy();
    expect(screen.getByText(/1 von 2 Zeilen haben Fehler/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Fehlerhafte Zeilen' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((tr) => Array.from(tr.querySelectorAll('td'), (cell) => cell.textContent));
    expect(rows).toEqual([
      ['2', 'lat', 'Keine gültige Zahl"x" is not a number'],
      ['2', 'name', 'Pflichtangabe fehltis required'],
    ]);
  });

  it('reports what an accepted file created and asks for a layer name for population grids', async () => {
    renderLive('de', <ExchangeView {...workspace} />);
    const form = screen.getByRole('region', { name: 'Importieren' });
    fireEvent.click(within(form).getByRole('radio', { name: /Zensus-Gitter/ }));
    expect(within(form).queryByLabelText('Kategorie')).toBeNull();
    fireEvent.change(screen.getByLabelText('Name der Ebene'), { target: { value: 'Zensus 2022' } });
    chooseFile('zensus.csv', 'Gitter_ID_100m;x_mp_100m;y_mp_100m;Einwohner\n');
    fireEvent.click(screen.getByRole('button', { name: 'Importieren' }));
    // The upload starts once the device token was looked up.
    const xhr = await waitFor(() => FakeXhr.last ?? Promise.reject(new Error('nothing was uploaded yet')));
    if (!xhr) throw new Error('nothing was uploaded');
    expect(new URL(xhr.url, 'http://localhost').searchParams.get('name')).toBe('Zensus 2022');
    await act(async () =>
      xhr.answer(201, {
        import: {
          id: 'imp-10',
          format: 'zensus',
          fileName: 'zensus.csv',
          status: 'done',
          rowsTotal: 5120,
          rowsImported: 5120,
          createdAt: '2026-11-21T10:00:00.000Z',
          report: {
            created: 5120,
            updated: 0,
            skipped: [{ row: 7, code: 'WITHHELD', reason: 'figure withheld (-1)' }],
            rejected: [],
            layer: { name: 'Zensus 2022', population: 61234, cellCount: 5120 },
          },
        },
      }),
    );
    expect(screen.getByText('„zensus.csv“ wurde importiert.')).toBeTruthy();
    expect(screen.getByText('Neue Ebene „Zensus 2022“ · 61.234 Personen · 5.120 Zellen')).toBeTruthy();
    expect(screen.getByText('1 übersprungene Zeile zeigen')).toBeTruthy();
  });

  it('translates a refusal of the whole file by its code', async () => {
    renderLive('de', <ExchangeView {...workspace} />);
    chooseFile('kaputt.geojson', '{');
    fireEvent.click(screen.getByRole('button', { name: 'Importieren' }));
    const xhr = await waitFor(() => FakeXhr.last ?? Promise.reject(new Error('nothing was uploaded yet')));
    await act(async () =>
      xhr.answer(400, { code: 'IMPORT_UNREADABLE', message: 'The file could not be read as geojson' }),
    );
    const alert = screen.getByRole('alert').textContent;
    expect(alert).toContain('Die Datei lässt sich in diesem Format nicht lesen.');
    // The server's own words name what it stumbled over.
    expect(alert).toContain('The file could not be read as geojson');
  });

  it('shows the recent imports and opens a refused one’s report', async () => {
    renderLive('de', <ExchangeView {...workspace} />);
    const item = (await screen.findByText('haltestellen-kaputt.csv')).closest('li');
    if (!item) throw new Error('no list item');
    expect(within(item).getByText('Abgelehnt')).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: 'Bericht zeigen' }));
    expect(within(item).getByText('Keine gültige Zahl')).toBeTruthy();
  });
});

describe('exports', () => {
  let fetched: URL[] = [];
  let refusal: { status: number; body: unknown } | null = null;

  beforeEach(() => {
    fetched = [];
    refusal = null;
    const api = fakeFetch({
      '/api/v1/imports': { imports },
      '/api/v1/analyses': { analyses: [{ ...analysis, result: undefined }] },
    }).fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (!url.pathname.startsWith('/api/v1/exports/') && !url.pathname.endsWith('/export')) return api(input);
      fetched.push(url);
      if (refusal) return new Response(JSON.stringify(refusal.body), { status: refusal.status });
      return new Response('GPKG', {
        status: 200,
        headers: { 'content-disposition': 'attachment; filename="quartiersatlas-export.gpkg"' },
      });
    });
    URL.createObjectURL = vi.fn(() => 'blob:http://localhost/export');
    URL.revokeObjectURL = vi.fn();
  });

  /** Clicks a download button and returns the address the app fetched. */
  async function download(scope: HTMLElement, name: string): Promise<URL> {
    const before = fetched.length;
    await act(async () => fireEvent.click(within(scope).getByRole('button', { name })));
    await waitFor(() => expect(fetched.length).toBe(before + 1));
    return fetched.at(-1) as URL;
  }

  it('downloads with the chosen layer, quarter, category, status and format', async () => {
    renderLive('de', <ExchangeView {...workspace} />);
    const records = screen.getByRole('region', { name: 'Einträge exportieren' });
    expect(Object.fromEntries((await download(records, 'Herunterladen')).searchParams)).toEqual({
      format: 'geojson',
      status: 'published',
    });
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);

    fireEvent.change(within(records).getByLabelText('Ebene'), { target: { value: 'need' } });
    fireEvent.change(within(records).getByLabelText('Quartier'), { target: { value: 'marten' } });
    fireEvent.change(within(records).getByLabelText('Kategorie'), { target: { value: 'kita' } });
    fireEvent.change(within(records).getByLabelText('Status'), { target: { value: 'pending' } });
    fireEvent.click(within(records).getByRole('radio', { name: /GeoPackage/ }));
    const url = await download(records, 'Herunterladen');
    expect(url.pathname).toBe('/api/v1/exports/records');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'gpkg',
      kind: 'need',
      quarter: 'marten',
      category: 'kita',
      status: 'pending',
    });

    // Vacancies have no category: the filter goes away rather than filtering everything out.
    fireEvent.change(within(records).getByLabelText('Ebene'), { target: { value: 'vacancy' } });
    expect(within(records).queryByLabelText('Kategorie')).toBeNull();
    expect((await download(records, 'Herunterladen')).searchParams.get('category')).toBeNull();
  });

  it('says why an export was refused instead of saving the error as the file', async () => {
    refusal = {
      status: 413,
      body: { code: 'EXPORT_TOO_LARGE', message: 'More than 200000 records match; narrow the export' },
    };
    renderLive('de', <ExchangeView {...workspace} />);
    const records = screen.getByRole('region', { name: 'Einträge exportieren' });
    await download(records, 'Herunterladen');
    const alert = await within(records).findByRole('alert');
    expect(alert.textContent).toContain('Der Export hat nicht geklappt.');
    expect(alert.textContent).toContain('Zu viele Einträge für eine Datei.');
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });

  it('downloads the results of a finished analysis; a GeoPackage holds all layers', async () => {
    renderLive('de', <ExchangeView {...workspace} />);
    const results = screen.getByRole('region', { name: 'Analyseergebnisse exportieren' });
    const choice = (await within(results).findByLabelText('Analyse')) as HTMLSelectElement;
    expect(choice.selectedOptions[0]?.textContent).toContain('Lebensmittel');
    fireEvent.change(within(results).getByLabelText('Ergebnis'), { target: { value: 'potentials' } });
    fireEvent.click(within(results).getByRole('radio', { name: /CSV für Excel/ }));
    const button = within(results).getByRole('button', { name: /herunterladen/i }).textContent ?? '';
    const csv = await download(results, button);
    expect(csv.pathname).toBe(`/api/v1/analyses/${analysis.id}/export`);
    expect(Object.fromEntries(csv.searchParams)).toEqual({ format: 'csv', layer: 'potentials' });

    fireEvent.click(within(results).getByRole('radio', { name: /GeoPackage/ }));
    const gpkg = await download(results, button);
    expect(Object.fromEntries(gpkg.searchParams)).toEqual({ format: 'gpkg' });
    expect((within(results).getByLabelText('Ergebnis') as HTMLSelectElement).disabled).toBe(true);
  });
});

describe('QGIS connection', () => {
  it('shows this installation’s OGC address and copies it', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderLive('de', <ExchangeView {...workspace} />);
    const field = screen.getByLabelText('Adresse für QGIS') as HTMLInputElement;
    expect(field.value).toBe(`${window.location.origin}/ogc`);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kopieren' })));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/ogc`);
    expect(screen.getByText('Adresse kopiert.')).toBeTruthy();
  });
});
