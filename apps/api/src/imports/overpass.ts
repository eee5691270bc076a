import type { Candidate } from './candidate.ts';
import type { RowSource } from './geojson.ts';
import { positionProblem } from './geometry.ts';
import { type Fallback, OSM_TYPES, type OsmObject, type OsmType, osmCandidate } from './osm-element.ts';
import type { RowProblems } from './report.ts';
import { isObject, unreadable } from './source-text.ts';

interface LatLon {
  lat?: unknown;
  lon?: unknown;
}

function stringTags(raw: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (isObject(raw)) for (const [key, value] of Object.entries(raw)) if (value !== null) tags[key] = String(value);
  return tags;
}

/** A way's geometry (`out geom;`) as a closed ring, when it is one. */
function ring(geometry: unknown): number[][] | null {
  if (!Array.isArray(geometry) || geometry.length < 4) return null;
  const points = (geometry as LatLon[]).map((p) => [p.lon, p.lat]);
  if (!points.every(([lon, lat]) => typeof lon === 'number' && typeof lat === 'number')) return null;
  const first = points[0] as number[];
  const last = points[points.length - 1] as number[];
  return first[0] === last[0] && first[1] === last[1] ? (points as number[][]) : null;
}

/** The mean of a way's geometry points, for exports made with `out geom;` instead of `out center;`. */
function meanPoint(geometry: unknown): LatLon | null {
  if (!Array.isArray(geometry) || geometry.length === 0) return null;
  let lon = 0;
  let lat = 0;
  for (const p of geometry as LatLon[]) {
    if (typeof p?.lon !== 'number' || typeof p?.lat !== 'number') return null;
    lon += p.lon;
    lat += p.lat;
  }
  return { lon: lon / geometry.length, lat: lat / geometry.length };
}

/**
 * The candidate records of an Overpass API JSON answer. Elements without tags are the bare nodes
 * of ways (`>; out skel;`) and not places: they are not rows. Ways and relations need their centre
 * (`out center;`) or geometry (`out geom;`); without it the row is rejected.
 */
export function overpassCandidates(document: unknown, fallback: Fallback, problems: RowProblems): RowSource {
  if (!isObject(document) || !Array.isArray(document.elements))
    throw unreadable('overpass', 'it is not an Overpass API answer in JSON ({"elements": […]}; use [out:json])');
  const candidates: Candidate[] = [];
  let row = 0;
  for (const element of document.elements as unknown[]) {
    if (!isObject(element) || !isObject(element.tags) || Object.keys(element.tags).length === 0) continue;
    row++;
    const type = element.type;
    const id = element.id;
    if (typeof type !== 'string' || !(OSM_TYPES as readonly string[]).includes(type) || typeof id !== 'number') {
      problems.reject({
        row,
        field: 'type',
        code: 'INVALID_ELEMENT',
        message: 'an element needs type node, way or relation and a numeric id',
      });
      continue;
    }
    const label = `${type}/${id}`;
    const at: LatLon | null =
      type === 'node' ? element : isObject(element.center) ? element.center : meanPoint(element.geometry);
    let position: [number, number] | null = null;
    if (at && (at.lat !== undefined || at.lon !== undefined)) {
      const problem = positionProblem(at.lon, at.lat, type === 'node' ? 'lat/lon' : 'center');
      if (problem) {
        problems.reject({ row, id: label, ...problem });
        continue;
      }
      position = [at.lon as number, at.lat as number];
    }
    const outline = type === 'way' ? ring(element.geometry) : null;
    const object: OsmObject = {
      row,
      type: type as OsmType,
      id,
      tags: stringTags(element.tags),
      position,
      ...(outline ? { outline: { type: 'Polygon', coordinates: [outline] } } : {}),
    };
    const candidate = osmCandidate(object, fallback, problems);
    if (candidate) candidates.push(candidate);
  }
  return { rows: row, candidates };
}
