import { RECORD_KINDS, type RecordKind, SERVER_FIELDS, UuidPattern } from '@quartiersatlas/domain';
import { ATTRIBUTE_NAMES, attributeValues, type Candidate, findKey, kindFields } from './candidate.ts';
import { representativePoint } from './geometry.ts';
import { type Fallback, OSM_TYPES, type OsmObject, type OsmType, osmCandidate } from './osm-element.ts';
import { hasOsmTags, matchOsmTags } from './osm-tags.ts';
import type { RowProblems } from './report.ts';
import { isObject, stableId, unreadable } from './source-text.ts';

export interface RowSource {
  /** Data rows or features in the file. */
  rows: number;
  candidates: Candidate[];
}

const UUID = new RegExp(UuidPattern);
const OSM_REF = /^(node|way|relation)\/(\d+)$/;

/** The OSM identity of a feature in the shapes Overpass turbo, osmtogeojson and QGIS write. */
function osmIdentity(
  feature: Record<string, unknown>,
  properties: Record<string, unknown>,
): { type: OsmType; id: number } | null {
  for (const ref of [feature.id, properties['@id'], properties.id]) {
    const match = typeof ref === 'string' ? OSM_REF.exec(ref) : null;
    if (match) return { type: match[1] as OsmType, id: Number(match[2]) };
  }
  const typed = (type: unknown, id: unknown) =>
    typeof type === 'string' && (OSM_TYPES as readonly string[]).includes(type) && /^\d+$/.test(String(id))
      ? { type: type as OsmType, id: Number(id) }
      : null;
  return typed(properties.osm_type, properties.osm_id) ?? typed(properties.type, properties.id);
}

const META_KEYS = new Set(['@id', 'id', 'type', 'osm_type', 'osm_id', 'meta', 'relations', 'timestamp', 'version']);

/** The tags of an OSM feature: nested in `tags`, flattened as `tags/<key>`, or the properties themselves. */
function tagsOf(properties: Record<string, unknown>): Record<string, string> {
  const tags: Record<string, string> = {};
  if (isObject(properties.tags)) {
    for (const [key, value] of Object.entries(properties.tags)) if (value !== null) tags[key] = String(value);
    return tags;
  }
  const flattened = Object.keys(properties).some((key) => key.startsWith('tags/'));
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || typeof value === 'object') continue;
    if (flattened) {
      if (key.startsWith('tags/')) tags[key.slice(5)] = String(value);
    } else if (!META_KEYS.has(key) && !key.startsWith('@')) tags[key] = String(value);
  }
  return tags;
}

/** A feature of our own export (properties.kind): the whole record, under its own id. */
function ownCandidate(
  row: number,
  feature: Record<string, unknown>,
  properties: Record<string, unknown>,
  problems: RowProblems,
): Candidate | null {
  const id = feature.id;
  if (typeof id !== 'string' || !UUID.test(id)) {
    problems.reject({
      row,
      field: 'id',
      code: 'INVALID_ID',
      message: 'a feature with properties.kind is read as a Quartiersatlas record and needs its UUID as id',
    });
    return null;
  }
  const point = representativePoint(feature.geometry);
  if (!point.ok) {
    problems.reject({ row, id, field: point.field, code: point.code, message: point.message });
    return null;
  }
  const { kind, category, quarterId, sessionId, ...rest } = properties;
  for (const key of SERVER_FIELDS) delete rest[key];
  return {
    row,
    id: id.toLowerCase(),
    label: id,
    kind: kind as RecordKind,
    category: typeof category === 'string' ? category : null,
    geometry: feature.geometry as Candidate['geometry'],
    position: point.position,
    fields: rest,
    ...(typeof quarterId === 'string' ? { quarterId } : {}),
    sessionId: typeof sessionId === 'string' ? sessionId.toLowerCase() : null,
    replace: true,
  };
}

/** A feature of some other source: the request's (or a `category` property's) category and kind. */
function plainCandidate(
  row: number,
  feature: Record<string, unknown>,
  properties: Record<string, unknown>,
  fallback: Fallback,
  problems: RowProblems,
): Candidate | null {
  const point = representativePoint(feature.geometry);
  if (!point.ok) {
    problems.reject({ row, field: point.field, code: point.code, message: point.message });
    return null;
  }
  const keys = Object.keys(properties);
  const categoryKey = findKey(keys, ATTRIBUTE_NAMES.category);
  const category = fallback.category ?? (categoryKey ? String(properties[categoryKey]).trim() : undefined);
  if (!category && (fallback.kind === 'service' || fallback.kind === 'need')) {
    problems.reject({
      row,
      field: 'properties.category',
      code: 'NO_CATEGORY',
      message:
        'nothing says its category (no OSM tags that data/osm-tags.json knows, no category property); give a category for the file',
    });
    return null;
  }
  const { values, sources } = attributeValues(properties);
  const keyName = findKey(keys, ATTRIBUTE_NAMES.key);
  const ownKey = feature.id ?? (keyName ? properties[keyName] : undefined);
  const [lon, lat] = point.position;
  const key =
    ownKey !== undefined && ownKey !== null && String(ownKey).trim() !== ''
      ? String(ownKey).trim()
      : `${values.name ?? ''}@${lat.toFixed(6)},${lon.toFixed(6)}`;
  const areal = (fallback.kind === 'vacancy' || fallback.kind === 'brownfield') && point.type === 'Polygon';
  return {
    row,
    ...(ownKey !== undefined && ownKey !== null ? { label: String(ownKey) } : {}),
    id: stableId(`geojson:${fallback.kind}:${category ?? ''}:${key}`),
    kind: fallback.kind,
    category: category ?? null,
    geometry: areal ? (feature.geometry as Candidate['geometry']) : { type: 'Point', coordinates: point.position },
    position: point.position,
    fields: kindFields(fallback.kind, values),
    replace: false,
    sources,
  };
}

/** An OSM object of a feature: with an OSM id, mapped or rejected by its tags; null for a plain feature. */
function osmObject(row: number, feature: Record<string, unknown>, properties: Record<string, unknown>) {
  const identity = osmIdentity(feature, properties);
  if (!identity) return null;
  const point = representativePoint(feature.geometry);
  const geometry = feature.geometry as { type?: string; coordinates?: number[][][] } | null;
  const object: OsmObject = {
    row,
    type: identity.type,
    id: identity.id,
    tags: tagsOf(properties),
    position: point.ok ? point.position : null,
    ...(point.ok && geometry?.type === 'Polygon'
      ? { outline: { type: 'Polygon', coordinates: geometry.coordinates as number[][][] } }
      : {}),
  };
  return { object, problem: point.ok || point.code === 'NO_POSITION' ? null : point };
}

/** Tags without an OSM id (a trimmed export) still say what a feature is, when a rule knows them. */
function mappedFallback(properties: Record<string, unknown>, fallback: Fallback): Fallback {
  const tags = tagsOf(properties);
  const match = hasOsmTags(tags) ? matchOsmTags(tags) : null;
  return match ? { kind: match.kind, ...(match.category ? { category: match.category } : {}) } : fallback;
}

/**
 * The candidate records of a GeoJSON FeatureCollection. Each feature is read as our own record
 * (properties.kind), as an OSM object (an OSM id or OSM tags; mapped by data/osm-tags.json), or
 * as a plain point with the request's category.
 */
export function geojsonCandidates(document: unknown, fallback: Fallback, problems: RowProblems): RowSource {
  if (!isObject(document) || document.type !== 'FeatureCollection' || !Array.isArray(document.features))
    throw unreadable('geojson', 'it is not a GeoJSON FeatureCollection (type "FeatureCollection" with features)');
  const candidates: Candidate[] = [];
  document.features.forEach((feature: unknown, index) => {
    const row = index + 1;
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.reject({ row, code: 'INVALID_FEATURE', message: 'is not a GeoJSON Feature' });
      return;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    let candidate: Candidate | null;
    if ((RECORD_KINDS as readonly unknown[]).includes(properties.kind)) {
      candidate = ownCandidate(row, feature, properties, problems);
    } else {
      const osm = osmObject(row, feature, properties);
      if (osm?.problem) {
        const { field, code, message } = osm.problem;
        problems.reject({ row, id: `${osm.object.type}/${osm.object.id}`, field, code, message });
        return;
      }
      candidate = osm
        ? osmCandidate(osm.object, fallback, problems)
        : plainCandidate(row, feature, properties, mappedFallback(properties, fallback), problems);
    }
    if (candidate) candidates.push(candidate);
  });
  return { rows: document.features.length, candidates };
}
