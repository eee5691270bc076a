import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { boundsOf } from './geo.ts';
import { SOURCES } from './map-layers.ts';
import type { MapQuarter } from './types.ts';

/** Draws the quarter outlines and frames the focused quarter (or all of them) once per focus. */
export function useQuarterLayer(
  map: MapLibreMap | null,
  generation: number,
  quarters: readonly MapQuarter[],
  focusQuarterId: string | undefined,
): void {
  useEffect(() => {
    if (!map || generation === 0) return;
    map.getSource<GeoJSONSource>(SOURCES.quarters)?.setData({
      type: 'FeatureCollection',
      features: quarters.map((quarter) => ({
        type: 'Feature',
        properties: { id: quarter.id, name: quarter.name, focus: quarter.id === focusQuarterId },
        geometry: quarter.geometry,
      })),
    });
  }, [map, generation, quarters, focusQuarterId]);

  const framed = useRef<{ map: MapLibreMap; key: string } | null>(null);
  useEffect(() => {
    if (!map || quarters.length === 0) return;
    const focus = quarters.find((quarter) => quarter.id === focusQuarterId);
    const key = focus ? focus.id : '*';
    if (framed.current?.map === map && framed.current.key === key) return;
    const bounds = boundsOf(focus ? [focus.geometry] : quarters.map((quarter) => quarter.geometry));
    if (!bounds) return;
    framed.current = { map, key };
    map.fitBounds(bounds, { padding: 24, duration: 0, maxZoom: 16 });
  }, [map, quarters, focusQuarterId]);
}
