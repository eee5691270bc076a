import type { RecordKind } from '@quartiersatlas/domain';
import { type Candidate, kindFields, operatorType, wholeNumber, yesNo } from './candidate.ts';
import { describeTags, matchOsmTags, osmTagRules } from './osm-tags.ts';
import type { RowProblems } from './report.ts';
import { stableId } from './source-text.ts';

export const OSM_TYPES = ['node', 'way', 'relation'] as const;
export type OsmType = (typeof OSM_TYPES)[number];

/** An OSM object as both Overpass JSON and Overpass-turbo GeoJSON describe it. */
export interface OsmObject {
  row: number;
  type: OsmType;
  id: number;
  tags: Record<string, string>;
  /** Its point (a node, or a way's centre); null when the export left it out. */
  position: [number, number] | null;
  /** Its outline when it has one (closed ways), for vacancies and brownfields. */
  outline?: { type: 'Polygon'; coordinates: number[][][] };
}

/** What a row becomes when its tags map to nothing: the `category` and `kind` of the request, if given. */
export interface Fallback {
  category?: string;
  kind: RecordKind;
}

function address(tags: Record<string, string>): string | undefined {
  const street = [tags['addr:street'], tags['addr:housenumber']].filter(Boolean).join(' ');
  const place = [tags['addr:postcode'], tags['addr:city']].filter(Boolean).join(' ');
  const text = [street, place].filter(Boolean).join(', ');
  return text === '' ? undefined : text;
}

function formerUse(tags: Record<string, string>): string | undefined {
  const key = Object.keys(tags).find((k) => k.startsWith('disused:') && tags[k] !== 'no');
  return key === undefined ? undefined : `${key.slice('disused:'.length)}=${tags[key]}`;
}

/**
 * The candidate record of an OSM object, or null after rejecting the row: its tags must map to a
 * category (data/osm-tags.json) unless the request gave one, and it must have a position.
 */
export function osmCandidate(object: OsmObject, fallback: Fallback, problems: RowProblems): Candidate | null {
  const label = `${object.type}/${object.id}`;
  const match =
    matchOsmTags(object.tags) ??
    (fallback.category ? { kind: fallback.kind, category: fallback.category, matched: '' } : null);
  if (!match) {
    problems.reject({
      row: object.row,
      id: label,
      field: 'tags',
      code: 'UNMAPPED_TAGS',
      message: `its tags (${describeTags(object.tags)}) map to no category; give a category for such rows or add a rule to data/osm-tags.json`,
    });
    return null;
  }
  if (!object.position) {
    problems.reject({
      row: object.row,
      id: label,
      field: 'geometry',
      code: 'NO_POSITION',
      message: `the ${object.type} has no position: export it with "out center;" (or "out geom;")`,
    });
    return null;
  }
  const tags = object.tags;
  const name = tags.name ?? tags.brand ?? tags.operator ?? tags.ref ?? `OSM ${object.type} ${object.id}`;
  const fields = kindFields(match.kind, {
    name,
    openingHours: tags.opening_hours,
    stepFree: yesNo(tags.wheelchair),
    capacity: wholeNumber(tags.capacity),
    operatorType: operatorType(tags['operator:type']),
    address: address(tags),
    formerUse: formerUse(tags),
    note: `OpenStreetMap ${object.type} ${object.id}${match.matched ? ` (${match.matched})` : ''}, ${osmTagRules().attribution}`,
  });
  const areal = match.kind === 'vacancy' || match.kind === 'brownfield';
  return {
    row: object.row,
    label,
    id: stableId(`osm:${label}`),
    kind: match.kind,
    category: match.category,
    geometry: areal && object.outline ? object.outline : { type: 'Point', coordinates: object.position },
    position: object.position,
    fields,
    replace: false,
  };
}
