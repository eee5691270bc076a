import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { CLUSTER_COLOR, KIND_COLORS, LOCATION_COLOR, MAP_KINDS, QUARTER_COLOR, SELECTED_COLOR } from './kind-style.ts';
import type { MapRecordKind } from './types.ts';

/** Source and layer ids; everything of ours starts with `qa-` so it never collides with a basemap. */
export const SOURCES = {
  quarters: 'qa-quarters',
  polygons: 'qa-polygons',
  points: 'qa-points',
  draw: 'qa-draw',
  location: 'qa-location',
} as const;

export const LAYERS = {
  quarterFill: 'qa-quarter-fill',
  quarterLine: 'qa-quarter-line',
  polygonFill: 'qa-polygon-fill',
  polygonLine: 'qa-polygon-line',
  polygonPendingLine: 'qa-polygon-pending-line',
  polygonSelected: 'qa-polygon-selected',
  clusters: 'qa-clusters',
  clusterCount: 'qa-cluster-count',
  selected: 'qa-selected',
  pins: 'qa-pins',
  drawFill: 'qa-draw-fill',
  drawLine: 'qa-draw-line',
  accuracyFill: 'qa-accuracy-fill',
  accuracyLine: 'qa-accuracy-line',
  locationDot: 'qa-location-dot',
} as const;

/** Records of one kind are individual pins from this zoom on; below it they may cluster. */
const CLUSTER_MAX_ZOOM = 16;

function empty() {
  return { type: 'FeatureCollection' as const, features: [] };
}

const kindColor: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'service',
  KIND_COLORS.service,
  'vacancy',
  KIND_COLORS.vacancy,
  'brownfield',
  KIND_COLORS.brownfield,
  'need',
  KIND_COLORS.need,
  '#555555',
];

const NOTHING_SELECTED = '\u0000';

function selectedFilter(id: string | null | undefined): ExpressionSpecification {
  return ['==', ['get', 'id'], id ?? NOTHING_SELECTED];
}

function polygonKindFilter(kinds: readonly MapRecordKind[], extra?: ExpressionSpecification): ExpressionSpecification {
  const byKind: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', [...kinds]]];
  return extra ? ['all', byKind, extra] : byKind;
}

/**
 * All records share one clustered source: one cluster per spot instead of four overlapping ones,
 * and a quarter of the tiling work while panning. Hiding a kind filters the data before clustering
 * (see use-record-layers.ts), so cluster counts only ever count what is shown.
 */
function addPointLayers(map: MapLibreMap): void {
  const source = SOURCES.points;
  map.addSource(source, {
    type: 'geojson',
    data: empty(),
    cluster: true,
    clusterRadius: 50,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
  });
  map.addLayer({
    id: LAYERS.clusters,
    type: 'circle',
    source,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': CLUSTER_COLOR,
      'circle-radius': ['step', ['get', 'point_count'], 15, 10, 18, 100, 21, 1000, 24],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 3,
    },
  });
  map.addLayer({
    id: LAYERS.clusterCount,
    type: 'symbol',
    source,
    filter: ['has', 'point_count'],
    layout: {
      'icon-image': ['concat', 'qa-count/', ['get', 'point_count_abbreviated']],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  });
  map.addLayer({
    id: LAYERS.selected,
    type: 'circle',
    source,
    filter: ['all', ['!', ['has', 'point_count']], selectedFilter(null)],
    paint: {
      'circle-radius': 24,
      'circle-color': SELECTED_COLOR,
      'circle-opacity': 0.25,
      'circle-stroke-color': SELECTED_COLOR,
      'circle-stroke-width': 3,
    },
  });
  map.addLayer({
    id: LAYERS.pins,
    type: 'symbol',
    source,
    filter: ['!', ['has', 'point_count']],
    layout: {
      'icon-image': ['get', 'img'],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      // Unsynced records on top, so the badge is never hidden under a neighbour.
      'symbol-sort-key': ['case', ['get', 'pending'], 1, 0],
    },
  });
}

/** Adds every source and layer of ours, empty; called again after each style (re)load. */
export function installLayers(map: MapLibreMap): void {
  map.addSource(SOURCES.quarters, { type: 'geojson', data: empty() });
  map.addLayer({
    id: LAYERS.quarterFill,
    type: 'fill',
    source: SOURCES.quarters,
    paint: { 'fill-color': QUARTER_COLOR, 'fill-opacity': ['case', ['get', 'focus'], 0.08, 0.03] },
  });
  map.addLayer({
    id: LAYERS.quarterLine,
    type: 'line',
    source: SOURCES.quarters,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': QUARTER_COLOR, 'line-width': ['case', ['get', 'focus'], 3, 1.5], 'line-opacity': 0.85 },
  });

  map.addSource(SOURCES.polygons, { type: 'geojson', data: empty() });
  map.addLayer({
    id: LAYERS.polygonFill,
    type: 'fill',
    source: SOURCES.polygons,
    paint: { 'fill-color': kindColor, 'fill-opacity': 0.22 },
  });
  map.addLayer({
    id: LAYERS.polygonLine,
    type: 'line',
    source: SOURCES.polygons,
    filter: polygonKindFilter(MAP_KINDS, ['!', ['get', 'pending']]),
    paint: { 'line-color': kindColor, 'line-width': 2 },
  });
  map.addLayer({
    id: LAYERS.polygonPendingLine,
    type: 'line',
    source: SOURCES.polygons,
    filter: polygonKindFilter(MAP_KINDS, ['get', 'pending']),
    paint: { 'line-color': kindColor, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
  });
  map.addLayer({
    id: LAYERS.polygonSelected,
    type: 'line',
    source: SOURCES.polygons,
    filter: selectedFilter(null),
    paint: { 'line-color': SELECTED_COLOR, 'line-width': 4 },
  });

  addPointLayers(map);

  map.addSource(SOURCES.draw, { type: 'geojson', data: empty() });
  map.addLayer({
    id: LAYERS.drawFill,
    type: 'fill',
    source: SOURCES.draw,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': SELECTED_COLOR, 'fill-opacity': 0.18 },
  });
  map.addLayer({
    id: LAYERS.drawLine,
    type: 'line',
    source: SOURCES.draw,
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': SELECTED_COLOR, 'line-width': 3 },
  });

  map.addSource(SOURCES.location, { type: 'geojson', data: empty() });
  map.addLayer({
    id: LAYERS.accuracyFill,
    type: 'fill',
    source: SOURCES.location,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': LOCATION_COLOR, 'fill-opacity': 0.12 },
  });
  map.addLayer({
    id: LAYERS.accuracyLine,
    type: 'line',
    source: SOURCES.location,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': LOCATION_COLOR, 'line-width': 1.5, 'line-opacity': 0.6 },
  });
  map.addLayer({
    id: LAYERS.locationDot,
    type: 'circle',
    source: SOURCES.location,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 8,
      'circle-color': LOCATION_COLOR,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 3,
    },
  });
}

export function setSelected(map: MapLibreMap, id: string | null | undefined): void {
  map.setFilter(LAYERS.polygonSelected, selectedFilter(id));
  map.setFilter(LAYERS.selected, ['all', ['!', ['has', 'point_count']], selectedFilter(id)]);
}

export interface LayerVisibility {
  kinds: Record<MapRecordKind, boolean>;
  quarters: boolean;
}

/** Quarter outlines and polygons by layer; points are filtered in their data (see addPointLayers). */
export function setVisibility(map: MapLibreMap, visibility: LayerVisibility): void {
  const show = (layer: string, on: boolean) => map.setLayoutProperty(layer, 'visibility', on ? 'visible' : 'none');
  show(LAYERS.quarterFill, visibility.quarters);
  show(LAYERS.quarterLine, visibility.quarters);
  const kinds = MAP_KINDS.filter((kind) => visibility.kinds[kind]);
  map.setFilter(LAYERS.polygonFill, polygonKindFilter(kinds));
  map.setFilter(LAYERS.polygonLine, polygonKindFilter(kinds, ['!', ['get', 'pending']]));
  map.setFilter(LAYERS.polygonPendingLine, polygonKindFilter(kinds, ['get', 'pending']));
}

/** The layers a tap can hit in browse mode, topmost first as queryRenderedFeatures returns them. */
export function tappableLayers(): string[] {
  return [LAYERS.pins, LAYERS.clusters, LAYERS.polygonFill];
}
