import type { Map as MapLibreMap } from 'maplibre-gl';
import { Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView } from '../map/index.ts';
import type { MapViewProps } from '../map/types.ts';
import { MapErrorBoundary } from './map-error-boundary.tsx';

declare global {
  interface Window {
    /** The MapLibre map, for the browser tests only (set when window.__QA_TEST__ is true). */
    __QA_MAP__?: MapLibreMap;
  }
}

// The outline, or its fill when the map is zoomed in inside the quarter.
const QUARTER_LAYERS = ['qa-quarter-line', 'qa-quarter-fill'];

type MapState = 'loading' | 'ready' | 'loaded';

/**
 * The lazily loaded map with a signal tests and benchmarks can wait for: `data-map-state` turns
 * `loaded` once the style is in and the quarter outline has been drawn at least once.
 */
export function MapFrame({
  onMap,
  ...props
}: Omit<MapViewProps, 'onMapReady'> & { onMap?: (map: MapLibreMap) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<MapState>('loading');
  const reportMap = useRef(onMap);
  reportMap.current = onMap;

  const onMapReady = useCallback((map: MapLibreMap) => {
    if (window.__QA_TEST__) window.__QA_MAP__ = map;
    reportMap.current?.(map);
    setState('ready');
    const check = () => {
      const layers = QUARTER_LAYERS.filter((layer) => map.getLayer(layer));
      const drawn = layers.length === 0 || map.queryRenderedFeatures({ layers }).length > 0;
      if (drawn) {
        map.off('idle', check);
        setState('loaded');
      }
    };
    map.on('idle', check);
    check();
  }, []);

  return (
    <div className="map-frame" data-map-state={state}>
      <MapErrorBoundary>
        <Suspense
          fallback={
            <p className="map-frame__loading" role="status">
              {t('shell.mapLoading')}
            </p>
          }
        >
          <MapView {...props} onMapReady={onMapReady} />
        </Suspense>
      </MapErrorBoundary>
    </div>
  );
}
