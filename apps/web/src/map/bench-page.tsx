/**
 * A page with nothing but the map, for scripts/bench/web-map.bench.ts and for looking at the map in
 * a browser without the app shell (apps/web/map-bench.html). Query parameters:
 *   n=5000            number of generated records (seeded, around Eving and Marten)
 *   lang=ar           interface language
 *   mode=browse|place|draw
 *   select=r-12       the selected record
 *   basemap=<url>     a MapLibre style URL (none by default: the offline style)
 *   offline=1         also show the "download this quarter" panel (needs basemap)
 *   z=17              start at this zoom over the middle of Eving instead of the whole quarter
 */
import '../i18n.ts';
import '../styles/base.css';
import { isLanguageCode } from '@quartiersatlas/i18n';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { StrictMode, Suspense, useState } from 'react';
import { createRoot } from 'react-dom/client';
import demoQuarters from '../../../../data/demo/quarters.geojson?raw';
import { changeLanguage } from '../i18n.ts';
import { MapView, OfflineMapDownload } from './index.ts';
import type { MapMode, MapQuarter, MapRecord, MapRecordKind, Position } from './types.ts';

// The demo's quarter outlines, as the server loads them (the bench page runs without a server).
const QUARTERS: MapQuarter[] = (
  JSON.parse(demoQuarters) as {
    features: Array<{ id: string; properties: { name: string }; geometry: MapQuarter['geometry'] }>;
  }
).features.map((f) => ({ id: f.id, name: f.properties.name, geometry: f.geometry }));

function outerRing(id: string): Position[] {
  const geometry = QUARTERS.find((q) => q.id === id)?.geometry;
  return (geometry?.type === 'Polygon' ? geometry.coordinates[0] : []) as Position[];
}
const EVING = outerRing('eving');
const MARTEN = outerRing('marten');

const ICONS = ['shopping-cart', 'bread', 'pharmacy', 'bus-stop', 'kita', 'senior', 'chat', 'stethoscope', 'book'];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(count: number): MapRecord[] {
  const next = random(42);
  const records: MapRecord[] = [];
  for (let i = 0; i < count; i++) {
    const ring = i % 5 < 3 ? EVING : MARTEN;
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const lon = Math.min(...lons) + next() * (Math.max(...lons) - Math.min(...lons));
    const lat = Math.min(...lats) + next() * (Math.max(...lats) - Math.min(...lats));
    const roll = next();
    const kind: MapRecordKind = roll < 0.45 ? 'service' : roll < 0.8 ? 'need' : roll < 0.92 ? 'vacancy' : 'brownfield';
    const polygon = (kind === 'vacancy' || kind === 'brownfield') && next() < 0.5;
    const size = 0.0002 + next() * 0.0006;
    records.push({
      id: `r-${i}`,
      kind,
      icon: kind === 'service' || kind === 'need' ? (ICONS[i % ICONS.length] as string) : kind,
      label: `${kind} ${i}`,
      pending: next() < 0.15,
      geometry: polygon
        ? {
            type: 'Polygon',
            coordinates: [
              [
                [lon, lat],
                [lon + size, lat],
                [lon + size, lat + size * 0.6],
                [lon, lat + size * 0.6],
                [lon, lat],
              ],
            ],
          }
        : { type: 'Point', coordinates: [lon, lat] },
    });
  }
  return records;
}

interface Bench {
  map?: MapLibreMap;
  /** Pans for `ms` milliseconds at `zoom` and returns the time between animation frames. */
  pan(ms: number, zoom: number): Promise<number[]>;
}

declare global {
  interface Window {
    __qaBench?: Bench;
  }
}

const bench: Bench = {
  async pan(ms, zoom) {
    const map = bench.map;
    if (!map) throw new Error('map not ready');
    map.jumpTo({ center: [7.4755, 51.5535], zoom });
    await new Promise((resolve) => {
      map.once('idle', resolve);
      map.triggerRepaint();
    });
    return new Promise((resolve) => {
      const deltas: number[] = [];
      let start = 0;
      let last = 0;
      const frame = (now: number) => {
        if (start === 0) start = now;
        else deltas.push(now - last);
        last = now;
        // Back and forth across the quarter, 3 px per frame (about 180 px/s at 60 fps).
        const direction = Math.floor((now - start) / 1000) % 2 === 0 ? 1 : -1;
        map.panBy([3 * direction, 2 * direction], { duration: 0 });
        if (now - start < ms) requestAnimationFrame(frame);
        else resolve(deltas);
      };
      requestAnimationFrame(frame);
    });
  },
};
window.__qaBench = bench;

const params = new URLSearchParams(location.search);
const records = generate(Number(params.get('n') ?? 5000));

function BenchPage() {
  const [selected, setSelected] = useState<string | null>(params.get('select'));
  const [point, setPoint] = useState<Position | null>([7.4702, 51.5531]);
  const [corners, setCorners] = useState<Position[] | null>([
    [7.4668, 51.5522],
    [7.4712, 51.5519],
    [7.4716, 51.5541],
  ]);
  const modeName = params.get('mode');
  const mode: MapMode =
    modeName === 'place'
      ? { type: 'place-point', value: point, onChange: setPoint }
      : modeName === 'draw'
        ? { type: 'draw-polygon', value: corners, onChange: setCorners, kind: 'brownfield' }
        : { type: 'browse' };
  const basemap = params.get('basemap');
  return (
    <main style={{ display: 'grid', gridTemplateRows: params.has('offline') ? '1fr auto' : '1fr', blockSize: '100vh' }}>
      <Suspense>
        <MapView
          quarters={QUARTERS}
          focusQuarterId="eving"
          records={records}
          selectedId={selected}
          onSelect={setSelected}
          mode={mode}
          basemapStyleUrl={basemap}
          onMapReady={(map) => {
            bench.map = map;
            if (params.has('z')) map.jumpTo({ center: [7.4702, 51.5531], zoom: Number(params.get('z')) });
          }}
        />
      </Suspense>
      {params.has('offline') && (
        <div style={{ padding: '1rem' }}>
          <OfflineMapDownload quarterId="eving" bbox={[7.4552, 51.5406, 7.4965, 51.5668]} styleUrl={basemap} />
        </div>
      )}
    </main>
  );
}

const lang = params.get('lang');
if (isLanguageCode(lang)) await changeLanguage(lang);

const root = document.getElementById('root');
if (!root) throw new Error('map-bench.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <BenchPage />
  </StrictMode>,
);
