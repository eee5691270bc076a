import 'maplibre-gl/dist/maplibre-gl.css';
import '../map/map.css';
import type { HexFeatureCollection } from '@quartiersatlas/gap';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapButton } from '../map/map-button.tsx';
import { pixelRatio } from '../map/map-images.ts';
import { LAYERS, type LayerVisibility } from '../map/map-layers.ts';
import type { MapQuarter, MapRecord, Position } from '../map/types.ts';
import { useMapInstance } from '../map/use-map-instance.ts';
import { useQuarterLayer } from '../map/use-quarter-layer.ts';
import { useRecordLayers } from '../map/use-record-layers.ts';
import {
  applyMeasure,
  CELL_LAYERS,
  HEAT_SOURCES,
  installHeatLayers,
  setCells,
  setDemandVisible,
  setPoints,
  setSelectedCell,
} from './heatmap-layers.ts';
import { demandFeatures, hypotheticalFeatures, pointFeatures, rankFeatures } from './map-data.ts';
import type { MeasureStyle } from './measures.ts';

/** Fingers are less precise than a mouse: pins within this many CSS pixels count as hit. */
const TAP_TOLERANCE = 10;

export interface AnalysisMapProps {
  quarters: MapQuarter[];
  focusQuarterId?: string;
  basemapStyleUrl: string | null;
  grid: HexFeatureCollection | null;
  style: MeasureStyle | null;
  heatVisible: boolean;
  demandVisible: boolean;
  records: MapRecord[];
  recordVisibility: LayerVisibility;
  selectedCell: string | null;
  onCellSelect(h3: string | null): void;
  /** A tap on a vacancy or brownfield pin. */
  onSiteSelect(id: string): void;
  /** The potential site being looked at, ringed on the map. */
  site: { lng: number; lat: number } | null;
  /** The picked potential sites, numbered by rank on the map. */
  ranked: ReadonlyArray<{ lng: number; lat: number; rank: number | null }>;
  /** Changes of `key` move the map there. */
  flyTo: { lng: number; lat: number; key: number } | null;
  hypothetical: ReadonlyArray<{ lon: number; lat: number }>;
  hypotheticalIcon: string;
  /** While true, a tap places a hypothetical service instead of choosing a cell. */
  placing: boolean;
  onPlace(position: Position): void;
  /** Notices over the map (hypothetical result, placing hint). */
  notices?: ReactNode;
  /** More map buttons under zoom (the layer switch). */
  controls?: ReactNode;
  /** The legend, at the map's lower start corner. */
  legend?: ReactNode;
  className?: string;
  /** For the benchmark and tests: the map once its first style has loaded. */
  onMapReady?(map: MapLibreMap): void;
}

function round(value: number): number {
  // 7 decimals are about 1 cm: more is noise from the projection, not precision.
  return Math.round(value * 1e7) / 1e7;
}

/** Taps: place a hypothetical service, open a candidate site, or explain a cell. */
function useTaps(map: MapLibreMap | null, props: AnalysisMapProps): void {
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    if (!map) return;
    const onClick = (event: MapMouseEvent) => {
      const current = latest.current;
      if (current.placing) {
        current.onPlace([round(event.lngLat.lng), round(event.lngLat.lat)]);
        return;
      }
      const { x, y } = event.point;
      const box: [[number, number], [number, number]] = [
        [x - TAP_TOLERANCE, y - TAP_TOLERANCE],
        [x + TAP_TOLERANCE, y + TAP_TOLERANCE],
      ];
      const pins = map.getLayer(LAYERS.pins) ? map.queryRenderedFeatures(box, { layers: [LAYERS.pins] }) : [];
      const site = pins.find((pin) => pin.properties.kind === 'vacancy' || pin.properties.kind === 'brownfield');
      if (site) {
        current.onSiteSelect(String(site.properties.id));
        return;
      }
      const layers = CELL_LAYERS.filter((layer) => map.getLayer(layer));
      const cell = map.queryRenderedFeatures(event.point, { layers })[0];
      current.onCellSelect(cell ? String(cell.properties.h3) : null);
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [map]);

  useEffect(() => {
    if (!map) return;
    map.getCanvas().style.cursor = props.placing ? 'crosshair' : '';
  }, [map, props.placing]);
}

/**
 * The analysis map: the map module's base (style with offline fallback, quarter outlines, record
 * pins) plus the heatmap of H3 cells, population circles and hypothetical services. Data goes in
 * with setData only when it changes; switching the measure or the weights changes paint
 * properties and filters, so 20,000 cells are not re-tiled for it.
 */
export default function AnalysisMap(props: AnalysisMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { map, generation, basemapFailed } = useMapInstance(container, props.basemapStyleUrl);
  const [installed, setInstalled] = useState(0);

  // After every style load, once the map module's layers are in: ours go between them.
  useEffect(() => {
    if (!map || generation === 0) return;
    if (!map.getSource(HEAT_SOURCES.cells)) installHeatLayers(map, pixelRatio());
    setInstalled(generation);
  }, [map, generation]);
  const ready = map !== null && installed > 0 && installed === generation;

  useQuarterLayer(map, generation, props.quarters, props.focusQuarterId);
  useRecordLayers(map, generation, props.records, null, props.recordVisibility);
  useTaps(map, props);

  const { grid, style, heatVisible, selectedCell, demandVisible, hypothetical, hypotheticalIcon, site, ranked } = props;
  useEffect(() => {
    if (ready && map) setCells(map, grid);
  }, [ready, map, grid]);
  useEffect(() => {
    if (ready && map && style) applyMeasure(map, style, heatVisible);
  }, [ready, map, style, heatVisible]);
  useEffect(() => {
    if (ready && map) setSelectedCell(map, selectedCell);
  }, [ready, map, selectedCell]);

  const demand = useMemo(() => demandFeatures(grid), [grid]);
  useEffect(() => {
    if (!ready || !map) return;
    setPoints(map, HEAT_SOURCES.demand, demand);
  }, [ready, map, demand]);
  useEffect(() => {
    if (ready && map) setDemandVisible(map, demandVisible);
  }, [ready, map, demandVisible]);
  useEffect(() => {
    if (ready && map) setPoints(map, HEAT_SOURCES.whatIf, hypotheticalFeatures(hypothetical, hypotheticalIcon));
  }, [ready, map, hypothetical, hypotheticalIcon]);
  useEffect(() => {
    if (ready && map) setPoints(map, HEAT_SOURCES.site, pointFeatures(site ? [site] : []));
  }, [ready, map, site]);
  useEffect(() => {
    if (ready && map) setPoints(map, HEAT_SOURCES.ranks, rankFeatures(ranked));
  }, [ready, map, ranked]);

  const flyTo = props.flyTo;
  useEffect(() => {
    if (!map || !flyTo) return;
    map.flyTo({ center: [flyTo.lng, flyTo.lat], zoom: Math.max(map.getZoom(), 14), duration: 600 });
  }, [map, flyTo]);

  const onMapReady = useRef(props.onMapReady);
  onMapReady.current = props.onMapReady;
  useEffect(() => {
    if (map && ready) onMapReady.current?.(map);
  }, [map, ready]);

  return (
    <section
      className={props.className ? `qa-map ${props.className}` : 'qa-map'}
      aria-label={t('analysis.map.label')}
      data-heat-ready={ready && grid !== null ? 'true' : undefined}
    >
      <div ref={container} className="qa-map__canvas" />
      <div className="qa-map__status" role="status">
        {basemapFailed && <p className="qa-map__notice">{t('map.basemapUnavailable')}</p>}
        {props.notices}
      </div>
      <div className="qa-map__controls">
        <MapButton icon="plus" label={t('map.zoomIn')} onClick={() => map?.zoomIn()} />
        <MapButton icon="minus" label={t('map.zoomOut')} onClick={() => map?.zoomOut()} />
        {props.controls}
      </div>
      {props.legend}
    </section>
  );
}
