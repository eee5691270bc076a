// @vitest-environment jsdom
import type { Taxonomy } from '@quartiersatlas/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import taxonomy from '../../../../data/taxonomy.json' with { type: 'json' };
import type { MapViewProps } from '../map/index.ts';
import { renderLive } from '../report/render-live.tsx';
import { fakeApi, ok, QUARTERS } from '../review/test-support.tsx';
import { PublicMap } from './public-map.tsx';

// MapLibre needs WebGL, which jsdom lacks: a stand-in offers each record as a button, as a tap would.
vi.mock('../shell/map-frame.tsx', () => ({
  MapFrame: ({ records, onSelect }: Omit<MapViewProps, 'onMapReady'>) => (
    <div data-testid="map">
      {records.map((record) => (
        <button key={record.id} type="button" data-map-record={record.id} onClick={() => onSelect?.(record.id)}>
          {record.label}
        </button>
      ))}
    </div>
  ),
}));

const NEED = {
  type: 'Feature',
  id: 'need-0a1b2c3d4e5f60718293a4b5',
  geometry: { type: 'Point', coordinates: [7.4651, 51.5604] },
  properties: {
    kind: 'need',
    category: 'kita',
    quarterId: 'eving',
    targetGroups: ['families'],
    urgency: 'high',
    supporters: 2,
    lang: null,
  },
};
const NEED_WITH_TEXT = {
  ...NEED,
  id: 'need-ffffffffffffffffffffffff',
  properties: { ...NEED.properties, category: 'youth_centre', text: 'Ein Treff für Jugendliche am Abend', lang: 'de' },
};
const SERVICE = {
  type: 'Feature',
  id: '0196f3a2-0000-7000-8000-0000000000a1',
  geometry: { type: 'Point', coordinates: [7.46, 51.56] },
  properties: {
    kind: 'service',
    category: 'kita',
    quarterId: 'eving',
    name: 'Kita Regenbogen',
    openingHours: 'Mo–Fr 7–17',
  },
};

function collections(needs: unknown[]) {
  const items = (features: unknown[]) => () => ok({ type: 'FeatureCollection', features });
  return fakeApi({
    'GET /ogc/collections/services/items': items([SERVICE]),
    'GET /ogc/collections/vacancies/items': items([]),
    'GET /ogc/collections/brownfields/items': items([]),
    'GET /ogc/collections/needs/items': items(needs),
  });
}

function renderMap(language = 'de') {
  return renderLive(language, <PublicMap quarters={QUARTERS} taxonomy={taxonomy as Taxonomy} basemapStyleUrl={null} />);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('public map', () => {
  it('asks the public OGC API for every kind without a token and counts them in the legend', async () => {
    const api = collections([NEED]);
    renderMap();
    expect(await screen.findByTestId('map')).toBeTruthy();
    await waitFor(() => expect(api.calls).toHaveLength(4));
    for (const call of api.calls) expect(call.query.get('limit')).toBe('10000');
    const fetch = vi.mocked(globalThis.fetch);
    for (const [, init] of fetch.mock.calls) {
      expect((init?.headers as Record<string, string> | undefined)?.authorization).toBeUndefined();
    }
    const legend = await screen.findByRole('list', { name: 'Was die Karte zeigt' });
    await waitFor(() => expect(within(legend).getAllByText('1')).toHaveLength(2));
    expect(screen.getByText(/Bedarfe zeigen wir nur ungefähr/)).toBeTruthy();
  });

  it('shows a tapped need’s category and target groups, and no text when the API sent none', async () => {
    collections([NEED, NEED_WITH_TEXT]);
    const view = renderMap();
    fireEvent.click(await within(await screen.findByTestId('map')).findByRole('button', { name: 'Kita' }));
    const card = view.container.querySelector('.public-map__selected .feature-card') as HTMLElement;
    expect(within(card).getByRole('heading', { name: 'Kita' })).toBeTruthy();
    expect(within(card).getByText('Familien')).toBeTruthy();
    expect(within(card).getByText('2 Personen unterstützen das')).toBeTruthy();
    expect(within(card).getByText('Ort nur ungefähr (etwa 500 m)')).toBeTruthy();
    expect(card.querySelector('blockquote')).toBeNull();
  });

  it('shows a need’s text, in its language, only when the API returned one', async () => {
    collections([NEED, NEED_WITH_TEXT]);
    const view = renderMap();
    fireEvent.click(await within(await screen.findByTestId('map')).findByRole('button', { name: 'Jugendzentrum' }));
    const card = view.container.querySelector('.public-map__selected .feature-card') as HTMLElement;
    const quote = card.querySelector('blockquote') as HTMLElement;
    expect(quote.textContent).toBe('Ein Treff für Jugendliche am Abend');
    expect(quote.getAttribute('lang')).toBe('de');
  });

  it('offers keyboard users the same content as a list', async () => {
    collections([NEED]);
    const view = renderMap('ar');
    // Two entries: Arabic has a dual form for them.
    const summary = await screen.findByText('عرض الإدخالين (2) كقائمة');
    fireEvent.click(summary);
    const list = view.container.querySelector('.public-list') as HTMLElement;
    const toggle = within(list).getByRole('button', { name: /Kita Regenbogen/ });
    expect(toggle.textContent).toContain('Eving');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(list).getByText('Mo–Fr 7–17')).toBeTruthy();
  });

  it('says the map needs a network instead of showing an empty map offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const api = collections([NEED]);
    renderMap();
    expect(await screen.findByText(/Die Karte braucht eine Internetverbindung/)).toBeTruthy();
    expect(screen.queryByTestId('map')).toBeNull();
    expect(api.calls).toHaveLength(0);
    vi.restoreAllMocks();
  });

  it('says so when the server cannot be reached', async () => {
    fakeApi({ 'GET /ogc/collections/services/items': () => 'network' });
    renderMap('en');
    expect(await screen.findByText(/The map needs an internet connection/)).toBeTruthy();
  });
});
