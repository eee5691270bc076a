import type { Map as MapLibreMap } from 'maplibre-gl';

/** GeoJSON geometries, typed loosely so the domain's and the API's geometries fit without casts. */
export interface PointGeometry {
  type: 'Point';
  coordinates: number[];
}
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: number[][][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

/** [longitude, latitude] in WGS84. */
export type Position = [number, number];

export type MapMode =
  | { type: 'browse' }
  /**
   * Tap to place, drag the marker to adjust. `panel: false` leaves out the hint and the "use my
   * location" button, for pages that offer their own (the resident flow's "near me").
   */
  | { type: 'place-point'; value: Position | null; onChange(value: Position): void; panel?: boolean }
  | {
      type: 'draw-polygon';
      /** Open ring (the first corner is not repeated); at least three corners when done. */
      value: Position[] | null;
      onChange(value: Position[]): void;
      onAreaChange?(m2: number | null): void;
      /** Called with the corners when the user taps "finish" (or the first corner again). */
      onFinish?(value: Position[]): void;
      /** Whose geometry rules the live checks apply (area bounds); brownfield unless given. */
      kind?: 'vacancy' | 'brownfield';
    };

export type MapRecordKind = 'service' | 'vacancy' | 'brownfield' | 'need';

export interface MapRecord {
  id: string;
  kind: MapRecordKind;
  category?: string;
  /** Pictogram name (see icons/pictograms.tsx). */
  icon: string;
  label: string;
  geometry: PointGeometry | PolygonGeometry;
  /** Not yet synced. */
  pending: boolean;
}

export interface MapQuarter {
  id: string;
  name: string;
  geometry: PolygonGeometry | MultiPolygonGeometry;
}

export interface MapViewProps {
  quarters: MapQuarter[];
  focusQuarterId?: string;
  records: MapRecord[];
  selectedId?: string | null;
  onSelect?(id: string | null): void;
  mode: MapMode;
  /** A MapLibre style URL, or null to show only our own layers on a plain background. */
  basemapStyleUrl: string | null;
  className?: string;
  /** For tests and benchmarks: the MapLibre map once its first style has loaded. */
  onMapReady?(map: MapLibreMap): void;
}
