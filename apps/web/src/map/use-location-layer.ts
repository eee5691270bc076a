import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { circlePolygon } from './geo.ts';
import { SOURCES } from './map-layers.ts';
import type { LocationState } from './use-geolocation.ts';

/** Zoom the map goes to on the first fix, unless it is already closer. */
const LOCATE_ZOOM = 16.5;

/** Shows the position dot and the accuracy circle, and centres the map once on the first fix. */
export function useLocationLayer(map: MapLibreMap | null, generation: number, state: LocationState): void {
  useEffect(() => {
    if (!map || generation === 0) return;
    const features =
      state.status === 'on'
        ? [
            { type: 'Feature' as const, properties: {}, geometry: circlePolygon(state.position, state.accuracyM) },
            {
              type: 'Feature' as const,
              properties: {},
              geometry: { type: 'Point' as const, coordinates: state.position },
            },
          ]
        : [];
    map.getSource<GeoJSONSource>(SOURCES.location)?.setData({ type: 'FeatureCollection', features });
  }, [map, generation, state]);

  const firstFix = state.status === 'on' && state.first ? state.position : null;
  useEffect(() => {
    if (!map || !firstFix) return;
    map.easeTo({ center: firstFix, zoom: Math.max(map.getZoom(), LOCATE_ZOOM) });
  }, [map, firstFix]);
}
