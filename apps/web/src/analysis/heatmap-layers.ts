import type { HexFeatureCollection } from '@quartiersatlas/gap';
import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { colourExpression, type MeasureStyle } from './measures.ts';

/**
 * The analysis' own MapLibre sources and layers, beside the map module's (`qa-quarter-*`,
 * `qa-polygon-*`, pins): the H3 cells under the quarter outlines and the records, the population
 * circles above the cells, hypothetical services and the chosen site on top of everything.
 */
export const HEAT_SOURCES = {
  cells: 'qa-heat',
  demand: 'qa-heat-demand',
  whatIf: 'qa-heat-whatif',
  site: 'qa-heat-site',
  ranks: 'qa-heat-ranks',
} as const;

export const HEAT_LAYERS = {
  fill: 'qa-heat-fill',
  unreachable: 'qa-heat-unreachable',
  empty: 'qa-heat-empty',
  line: 'qa-heat-line',
  selectedHalo: 'qa-heat-selected-halo',
  selected: 'qa-heat-selected',
  demand: 'qa-heat-demand',
  site: 'qa-heat-site',
  whatIfHalo: 'qa-heat-whatif-halo',
  whatIfPin: 'qa-heat-whatif-pin',
  rankBadge: 'qa-heat-rank-badge',
  rankNumber: 'qa-heat-rank-number',
} as const;

/** Rank badges sit at the upper end corner of a site's pin (pins are 34 px discs). */
const BADGE_OFFSET: [number, number] = [15, -15];

/** The layers a tap on a cell can hit. */
export const CELL_LAYERS = [HEAT_LAYERS.fill, HEAT_LAYERS.unreachable, HEAT_LAYERS.empty];

/** Hatching for cells without a value, so they never read as the low end of the colour scale. */
export const HATCH = {
  unreachable: { id: 'qa-hatch-unreachable', stripe: [77, 89, 90, 255], ground: [226, 229, 224, 255] },
  empty: { id: 'qa-hatch-empty', stripe: [150, 160, 156, 200], ground: [255, 255, 255, 110] },
} as const;

const HEAT_OPACITY = 0.8;
/** Black on a white halo: visible on every class colour, the darkest included. */
const SELECTED_LINE = '#111111';
export const WHAT_IF_COLOUR = '#1d5fd1';
const NOTHING = '\u0000';

function hatch(stripe: readonly number[], ground: readonly number[], ratio: number) {
  const size = 8 * ratio;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = (x + y) % size < 2.5 * ratio ? stripe : ground;
      data.set(colour, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

const empty = () => ({ type: 'FeatureCollection' as const, features: [] });

/** Adds our sources and layers, empty; after each style (re)load, like the map module's installLayers. */
export function installHeatLayers(map: MapLibreMap, ratio: number): void {
  for (const { id, stripe, ground } of Object.values(HATCH)) {
    if (!map.hasImage(id)) map.addImage(id, hatch(stripe, ground, ratio), { pixelRatio: ratio });
  }
  // Above the quarters' light fill, below their outlines and every record.
  const underOutlines = map.getLayer('qa-quarter-line') ? 'qa-quarter-line' : undefined;
  const underRecords = map.getLayer('qa-polygon-fill') ? 'qa-polygon-fill' : undefined;
  // Cells are simple hexagons: tiles beyond z14 add nothing MapLibre cannot over-zoom, and a small
  // tile buffer clips less geometry into each tile. With 20,000 cells the first render took about a
  // fifth less time in scripts/bench/heatmap.bench.ts (3.2 s against 4.0 s, SwiftShader).
  map.addSource(HEAT_SOURCES.cells, { type: 'geojson', data: empty(), maxzoom: 14, buffer: 32 });
  map.addLayer(
    {
      id: HEAT_LAYERS.fill,
      type: 'fill',
      source: HEAT_SOURCES.cells,
      paint: { 'fill-color': '#21918c', 'fill-opacity': HEAT_OPACITY },
    },
    underOutlines,
  );
  map.addLayer(
    {
      id: HEAT_LAYERS.unreachable,
      type: 'fill',
      source: HEAT_SOURCES.cells,
      filter: ['boolean', false],
      paint: { 'fill-pattern': HATCH.unreachable.id, 'fill-opacity': HEAT_OPACITY },
    },
    underOutlines,
  );
  map.addLayer(
    {
      id: HEAT_LAYERS.empty,
      type: 'fill',
      source: HEAT_SOURCES.cells,
      filter: ['boolean', false],
      paint: { 'fill-pattern': HATCH.empty.id, 'fill-opacity': 1 },
    },
    underOutlines,
  );
  map.addLayer(
    {
      id: HEAT_LAYERS.line,
      type: 'line',
      source: HEAT_SOURCES.cells,
      minzoom: 14,
      paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.7 },
    },
    underRecords,
  );
  for (const [id, colour, width] of [
    [HEAT_LAYERS.selectedHalo, '#ffffff', 6],
    [HEAT_LAYERS.selected, SELECTED_LINE, 2.5],
  ] as const) {
    map.addLayer(
      {
        id,
        type: 'line',
        source: HEAT_SOURCES.cells,
        filter: ['==', ['get', 'h3'], NOTHING],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': colour, 'line-width': width },
      },
      underRecords,
    );
  }

  map.addSource(HEAT_SOURCES.demand, { type: 'geojson', data: empty() });
  map.addLayer(
    {
      id: HEAT_LAYERS.demand,
      type: 'circle',
      source: HEAT_SOURCES.demand,
      layout: { visibility: 'none' },
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': '#1b2527',
        'circle-opacity': 0.55,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
    underRecords,
  );

  map.addSource(HEAT_SOURCES.site, { type: 'geojson', data: empty() });
  map.addLayer({
    id: HEAT_LAYERS.site,
    type: 'circle',
    source: HEAT_SOURCES.site,
    paint: {
      'circle-radius': 26,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': SELECTED_LINE,
      'circle-stroke-width': 3,
    },
  });

  map.addSource(HEAT_SOURCES.ranks, { type: 'geojson', data: empty() });
  map.addLayer({
    id: HEAT_LAYERS.rankBadge,
    type: 'circle',
    source: HEAT_SOURCES.ranks,
    paint: {
      'circle-radius': 10,
      'circle-color': '#1b2527',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
      'circle-translate': BADGE_OFFSET,
    },
  });
  map.addLayer({
    id: HEAT_LAYERS.rankNumber,
    type: 'symbol',
    source: HEAT_SOURCES.ranks,
    layout: {
      'icon-image': ['get', 'img'],
      'icon-offset': BADGE_OFFSET,
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  });

  map.addSource(HEAT_SOURCES.whatIf, { type: 'geojson', data: empty() });
  map.addLayer({
    id: HEAT_LAYERS.whatIfHalo,
    type: 'circle',
    source: HEAT_SOURCES.whatIf,
    paint: {
      'circle-radius': 24,
      'circle-color': WHAT_IF_COLOUR,
      'circle-opacity': 0.22,
      'circle-stroke-color': WHAT_IF_COLOUR,
      'circle-stroke-width': 3,
    },
  });
  map.addLayer({
    id: HEAT_LAYERS.whatIfPin,
    type: 'symbol',
    source: HEAT_SOURCES.whatIf,
    layout: { 'icon-image': ['get', 'img'], 'icon-allow-overlap': true, 'icon-ignore-placement': true },
  });
}

function source(map: MapLibreMap, id: string): GeoJSONSource | undefined {
  return map.getSource<GeoJSONSource>(id);
}

export function setCells(map: MapLibreMap, grid: HexFeatureCollection | null): void {
  // MapLibre's typings want its own GeoJSON type; the grid is plain GeoJSON of the same shape.
  source(map, HEAT_SOURCES.cells)?.setData((grid ?? empty()) as Parameters<GeoJSONSource['setData']>[0]);
}

/** Colours, filters and visibility for a measure: paint and filter changes only, the data stays. */
export function applyMeasure(map: MapLibreMap, style: MeasureStyle, visible: boolean): void {
  map.setPaintProperty(HEAT_LAYERS.fill, 'fill-color', colourExpression(style));
  map.setFilter(HEAT_LAYERS.fill, style.coloured as FilterSpecification);
  map.setFilter(HEAT_LAYERS.unreachable, (style.unreachable ?? ['boolean', false]) as FilterSpecification);
  map.setFilter(HEAT_LAYERS.empty, (style.empty ?? ['boolean', false]) as FilterSpecification);
  for (const layer of [HEAT_LAYERS.fill, HEAT_LAYERS.unreachable, HEAT_LAYERS.empty, HEAT_LAYERS.line]) {
    map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
  }
}

export function setSelectedCell(map: MapLibreMap, h3: string | null): void {
  const filter: ExpressionSpecification = ['==', ['get', 'h3'], h3 ?? NOTHING];
  map.setFilter(HEAT_LAYERS.selectedHalo, filter);
  map.setFilter(HEAT_LAYERS.selected, filter);
}

export interface PointFeatures {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: number[] };
    properties: Record<string, string | number>;
  }>;
}

export function setPoints(map: MapLibreMap, id: string, points: PointFeatures): void {
  source(map, id)?.setData(points as Parameters<GeoJSONSource['setData']>[0]);
}

export function setDemandVisible(map: MapLibreMap, visible: boolean): void {
  map.setLayoutProperty(HEAT_LAYERS.demand, 'visibility', visible ? 'visible' : 'none');
}
