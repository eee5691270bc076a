import { buildNetwork } from '@quartiersatlas/gap';
import { positionProblem } from './geometry.ts';
import type { RowProblems } from './report.ts';
import { isObject, unreadable } from './source-text.ts';

type Line = Array<[number, number]>;

export interface NetworkLines {
  rows: number;
  lines: Line[];
}

export interface NetworkSummary {
  /** Street pieces between junctions. */
  edgeCount: number;
  nodeCount: number;
  lengthM: number;
  bbox: [number, number, number, number];
  /** Separate parts: streets that touch nothing else (a footpath drawn without a junction) form their own. */
  components: number;
  /** Share of the street length in the largest connected part; points snapped elsewhere reach little. */
  mainShare: number;
}

// Motorways and trunk roads are not walked; OSM exports of "all highways" contain them.
const NOT_WALKABLE = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link', 'construction', 'proposed']);

// Seven decimals are about a centimetre: what OSM stores, and enough to keep junctions apart.
const round = (value: number) => Math.round(value * 1e7) / 1e7;

function readLine(coordinates: unknown, row: number, field: string, problems: RowProblems): Line | null {
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    problems.reject({ row, field, code: 'INVALID_LINE', message: 'a street needs at least two positions' });
    return null;
  }
  const line: Line = [];
  for (const [i, position] of coordinates.entries()) {
    const [lon, lat] = Array.isArray(position) ? position : [];
    const problem = positionProblem(lon, lat, `${field}[${i}]`);
    if (problem) {
      problems.reject({ row, ...problem });
      return null;
    }
    line.push([round(lon as number), round(lat as number)]);
  }
  return line;
}

/**
 * The streets of a GeoJSON FeatureCollection of LineStrings and MultiLineStrings (WGS84), e.g. an
 * OSM highway export. Points and areas in the file are skipped, as are roads nobody walks along
 * (`highway=motorway`, `foot=no`); a line with a broken position is rejected.
 */
export function networkLines(document: unknown, problems: RowProblems): NetworkLines {
  if (!isObject(document) || document.type !== 'FeatureCollection' || !Array.isArray(document.features))
    throw unreadable('network', 'it is not a GeoJSON FeatureCollection (type "FeatureCollection" with features)');
  const lines: Line[] = [];
  document.features.forEach((feature: unknown, index) => {
    const row = index + 1;
    const geometry = isObject(feature) && isObject(feature.geometry) ? feature.geometry : null;
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
    if (geometry?.type !== 'LineString' && geometry?.type !== 'MultiLineString') {
      const type = geometry ? String(geometry.type) : 'no geometry';
      problems.skip({ row, code: 'NOT_A_STREET', reason: `${type} is not a line` });
      return;
    }
    const highway = typeof properties.highway === 'string' ? properties.highway : undefined;
    if ((highway && NOT_WALKABLE.has(highway)) || properties.foot === 'no') {
      const reason = highway && NOT_WALKABLE.has(highway) ? `highway=${highway}` : 'foot=no';
      problems.skip({ row, code: 'NOT_WALKABLE', reason: `not walkable (${reason})` });
      return;
    }
    if (geometry.type === 'LineString') {
      const line = readLine(geometry.coordinates, row, 'geometry.coordinates', problems);
      if (line) lines.push(line);
      return;
    }
    const parts = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
    if (parts.length === 0)
      problems.reject({ row, field: 'geometry.coordinates', code: 'INVALID_LINE', message: 'holds no lines' });
    parts.forEach((part: unknown, k) => {
      const line = readLine(part, row, `geometry.coordinates[${k}]`, problems);
      if (line) lines.push(line);
    });
  });
  return { rows: document.features.length, lines };
}

/** The street graph's size and connectedness, as the analysis will build it. */
export function summarizeNetwork(lines: readonly Line[]): NetworkSummary {
  const network = buildNetwork(lines);
  let lengthM = 0;
  for (const length of network.edgeLength) lengthM += length;
  const bbox: [number, number, number, number] = [180, 90, -180, -90];
  for (const line of lines)
    for (const [lon, lat] of line) {
      bbox[0] = Math.min(bbox[0], lon);
      bbox[1] = Math.min(bbox[1], lat);
      bbox[2] = Math.max(bbox[2], lon);
      bbox[3] = Math.max(bbox[3], lat);
    }
  return {
    edgeCount: network.edgeCount,
    nodeCount: network.nodeCount,
    lengthM: Math.round(lengthM),
    bbox,
    components: network.components.count,
    mainShare: lengthM > 0 ? (network.components.lengths[0] ?? 0) / lengthM : 0,
  };
}
