/**
 * The analysis map alone, for scripts/bench/heatmap.bench.ts (apps/web/heatmap-bench.html): the
 * real AnalysisMap with the real measure styles, fed a grid the benchmark hands in through
 * `window.__qaHeatBench.render(grid)`. Query parameters:
 *   measure=priority|deficit|accessibility|supply|coverage|needs   (default priority)
 *   lang=ar                                                         interface language
 */
import '../i18n.ts';
import '../styles/base.css';
import './analysis.css';
import type { HexFeatureCollection } from '@quartiersatlas/gap';
import { isLanguageCode } from '@quartiersatlas/i18n';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import demoQuarters from '../../../../data/demo/quarters.geojson?raw';
import { changeLanguage } from '../i18n.ts';
import type { MapQuarter } from '../map/types.ts';
import AnalysisMap from './analysis-map.tsx';
import { HeatLegend } from './heat-legend.tsx';
import { CELL_LAYERS, HEAT_SOURCES } from './heatmap-layers.ts';
import { DEFAULT_LAYERS, recordVisibility } from './layer-switch.tsx';
import { MEASURES, type MeasureContext, type MeasureId, measureStyle } from './measures.ts';

const QUARTERS: MapQuarter[] = (
  JSON.parse(demoQuarters) as {
    features: Array<{ id: string; properties: { name: string }; geometry: MapQuarter['geometry'] }>;
  }
).features.map((f) => ({ id: f.id, name: f.properties.name, geometry: f.geometry }));

const CONTEXT: MeasureContext = { method: '2sfca', weights: { deficit: 0.5, needs: 0.3, access: 0.2 }, target: 0.25 };
const NO_RECORDS: never[] = [];
const NO_POINTS: never[] = [];

interface HeatBench {
  map?: MapLibreMap;
  /** Hands the grid to the view; resolves with the ms until the map is idle with the cells drawn. */
  render(grid: HexFeatureCollection): Promise<number>;
  /** Pans `frames` animation frames at `zoom` over the middle of Dortmund; the time between frames. */
  pan(frames: number, zoom: number): Promise<number[]>;
}

declare global {
  interface Window {
    __qaHeatBench?: HeatBench;
  }
}

const params = new URLSearchParams(location.search);
const requested = params.get('measure');
const MEASURE: MeasureId = MEASURES.find((m) => m === requested) ?? 'priority';
const CENTRE: [number, number] = [7.465, 51.514];

let showGrid: (grid: HexFeatureCollection) => void = () => {
  throw new Error('the page has not rendered yet');
};

const bench: HeatBench = {
  render(grid) {
    const map = bench.map;
    if (!map) return Promise.reject(new Error('map not ready'));
    return new Promise((resolve) => {
      const start = performance.now();
      const check = () => {
        if (!map.isSourceLoaded(HEAT_SOURCES.cells)) return;
        if (map.queryRenderedFeatures({ layers: CELL_LAYERS }).length === 0) return;
        map.off('idle', check);
        resolve(performance.now() - start);
      };
      map.on('idle', check);
      showGrid(grid);
    });
  },
  async pan(frames, zoom) {
    const map = bench.map;
    if (!map) throw new Error('map not ready');
    map.jumpTo({ center: CENTRE, zoom });
    await new Promise((resolve) => {
      map.once('idle', resolve);
      map.triggerRepaint();
    });
    return new Promise((resolve) => {
      const deltas: number[] = [];
      let last = 0;
      let step = 0;
      const frame = (now: number) => {
        if (last > 0) deltas.push(now - last);
        last = now;
        // Back and forth, 4 px per frame (about 240 px/s at 60 fps), a steady drag across the city.
        const direction = Math.floor(step / 30) % 2 === 0 ? 1 : -1;
        map.panBy([4 * direction, 3 * direction], { duration: 0 });
        step += 1;
        if (step <= frames) requestAnimationFrame(frame);
        else resolve(deltas);
      };
      requestAnimationFrame(frame);
    });
  },
};
window.__qaHeatBench = bench;

function BenchPage() {
  const [grid, setGrid] = useState<HexFeatureCollection | null>(null);
  showGrid = setGrid;
  const cells = useMemo(() => (grid ? grid.features.map((feature) => feature.properties) : []), [grid]);
  const style = useMemo(() => (grid ? measureStyle(MEASURE, cells, CONTEXT) : null), [grid, cells]);
  return (
    <main className="analysis__map" style={{ position: 'absolute', inset: 0 }}>
      <AnalysisMap
        className="analysis__canvas"
        quarters={QUARTERS}
        basemapStyleUrl={null}
        grid={grid}
        style={style}
        heatVisible
        demandVisible={false}
        records={NO_RECORDS}
        recordVisibility={recordVisibility(DEFAULT_LAYERS)}
        selectedCell={null}
        onCellSelect={() => {}}
        onSiteSelect={() => {}}
        site={null}
        ranked={NO_POINTS}
        flyTo={null}
        hypothetical={NO_POINTS}
        hypotheticalIcon="shopping-cart"
        placing={false}
        onPlace={() => {}}
        legend={
          style && (
            <HeatLegend
              style={style}
              context={{ ...CONTEXT, supplyUnit: 'facilities' }}
              onMeasure={() => {}}
              hypothetical={false}
              demand={false}
            />
          )
        }
        onMapReady={(map) => {
          bench.map = map;
          map.jumpTo({ center: CENTRE, zoom: 11 });
        }}
      />
    </main>
  );
}

const lang = params.get('lang');
if (isLanguageCode(lang)) await changeLanguage(lang);

const root = document.getElementById('root');
if (!root) throw new Error('heatmap-bench.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <BenchPage />
  </StrictMode>,
);
