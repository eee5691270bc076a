import { lazy } from 'react';

/**
 * The map, loaded on first use: MapLibre (about 1 MB) stays out of the initial bundle. Render it
 * inside <Suspense>; it fills the element it gets, so give it a height (className or a parent).
 */
export const MapView = lazy(() => import('./map-view.tsx'));

export { OfflineMapDownload } from './offline-map-download.tsx';
export { BASEMAP_CACHE_PREFIX, basemapCacheName } from './offline-tiles.ts';
export type {
  MapMode,
  MapQuarter,
  MapRecord,
  MapRecordKind,
  MapViewProps,
  MultiPolygonGeometry,
  PointGeometry,
  PolygonGeometry,
  Position,
} from './types.ts';
