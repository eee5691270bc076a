/**
 * Aggregation on the H3 hexagon grid for the heatmap: every cell that holds a demand point or a
 * voiced need becomes a GeoJSON polygon feature with all measures in its properties.
 */
import { cellToBoundary, latLngToCell } from 'h3-js';
import type { PointLayer } from '../types.ts';
import type { PointGaps } from './point-gaps.ts';
import { ringAreaKm2 } from './polygon.ts';
import type { PriorityWeights } from './priority.ts';
import { aggregateUnits, type UnitMeasures } from './units.ts';

export const DEFAULT_H3_RESOLUTION = 9;

export interface HexProperties extends UnitMeasures {
  /** The H3 cell index. */
  h3: string;
  areaKm2: number;
}

export interface HexFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Polygon'; coordinates: Array<Array<[number, number]>> };
  properties: HexProperties;
}

export interface HexFeatureCollection {
  type: 'FeatureCollection';
  features: HexFeature[];
}

// Analyses of several categories share one population grid: its points' cells are computed once
// per coordinate array and resolution (H3 takes about 1.5 µs a point).
const cellCache = new WeakMap<Float64Array, { y: Float64Array; resolution: number; cells: string[] }>();

/** H3 cell of every point of a WGS84 layer (x = longitude, y = latitude). */
export function cellsOf(layer: PointLayer, resolution: number): string[] {
  const cached = cellCache.get(layer.x);
  if (cached && cached.y === layer.y && cached.resolution === resolution) return cached.cells;
  const out = new Array<string>(layer.x.length);
  for (let i = 0; i < layer.x.length; i++)
    out[i] = latLngToCell(layer.y[i] as number, layer.x[i] as number, resolution);
  cellCache.set(layer.x, { y: layer.y, resolution, cells: out });
  return out;
}

// Cell outlines never change; a few hundred thousand cover any city at resolution 9.
const boundaryCache = new Map<string, Array<[number, number]>>();
const BOUNDARY_CACHE_LIMIT = 200_000;

function boundaryOf(cell: string): Array<[number, number]> {
  let ring = boundaryCache.get(cell);
  if (!ring) {
    ring = cellToBoundary(cell, true) as Array<[number, number]>;
    if (boundaryCache.size >= BOUNDARY_CACHE_LIMIT) boundaryCache.clear();
    boundaryCache.set(cell, ring);
  }
  return ring;
}

// The demand points' cell numbering, reused with their cells (cellsOf) by the next category.
const unitCache = new WeakMap<string[], { cells: string[]; units: Int32Array }>();

export interface HexGridInput {
  demand: PointLayer;
  gaps: PointGaps;
  needs: PointLayer;
  supplyIds: readonly string[];
  resolution: number;
  /** Priority weights as applied (summing to 1). */
  weights: PriorityWeights;
}

export function hexGrid(input: HexGridInput): HexFeatureCollection {
  const { demand, needs, resolution } = input;
  const index = new Map<string, number>();
  const cells: string[] = [];
  const unitOf = (cell: string): number => {
    let u = index.get(cell);
    if (u === undefined) {
      u = cells.length;
      index.set(cell, u);
      cells.push(cell);
    }
    return u;
  };
  const demandCells = cellsOf(demand, resolution);
  const known = unitCache.get(demandCells);
  if (known) {
    for (const cell of known.cells) unitOf(cell);
  }
  const demandUnit = known ? known.units : Int32Array.from(demandCells, unitOf);
  if (!known) unitCache.set(demandCells, { cells: [...cells], units: demandUnit });
  const needUnit = Int32Array.from(cellsOf(needs, resolution), unitOf);
  // formatAsGeoJson: [lng, lat] pairs with the first vertex repeated at the end. The area comes
  // from the same ring: at 0.1 km² the local projection is exact to a few millionths, and it
  // saves a second call into H3 per cell.
  const rings = cells.map(boundaryOf);
  const areaKm2 = Float64Array.from(rings, ringAreaKm2);
  const measures = aggregateUnits(
    { count: cells.length, demandUnit, needUnit, areaKm2 },
    demand,
    input.gaps,
    needs,
    input.supplyIds,
    input.weights,
  );
  const features = cells.map(
    (h3, u): HexFeature => ({
      type: 'Feature',
      id: h3,
      geometry: { type: 'Polygon', coordinates: [rings[u] as Array<[number, number]>] },
      properties: { h3, areaKm2: areaKm2[u] as number, ...(measures[u] as UnitMeasures) },
    }),
  );
  return { type: 'FeatureCollection', features };
}
