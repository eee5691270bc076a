import { readFileSync } from 'node:fs';
import { RECORD_KINDS, type RecordKind, Slug, StringEnum, schemaIssues } from '@quartiersatlas/domain';
import Type, { type Static } from 'typebox';
import { summarize } from '../errors.ts';

const TagValue = Type.Union([
  Type.String({ minLength: 1 }),
  Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
]);

const OsmTagRulesSchema = Type.Object({
  about: Type.String(),
  attribution: Type.String({ minLength: 1 }),
  rules: Type.Array(
    Type.Object(
      {
        category: Type.Optional(Slug),
        kind: Type.Optional(StringEnum(RECORD_KINDS)),
        tags: Type.Record(Type.String({ minLength: 1 }), TagValue, { minProperties: 1 }),
      },
      { additionalProperties: false },
    ),
    { minItems: 1 },
  ),
});
type OsmTagRules = Static<typeof OsmTagRulesSchema>;

const OSM_TAGS_FILE = new URL('../../../../data/osm-tags.json', import.meta.url);

let loaded: OsmTagRules | undefined;

/** The mapping in data/osm-tags.json, read and checked once. A broken file is the operator's to fix. */
export function osmTagRules(): OsmTagRules {
  if (loaded) return loaded;
  const document: unknown = JSON.parse(readFileSync(OSM_TAGS_FILE, 'utf8'));
  const issues = schemaIssues(OsmTagRulesSchema, document);
  if (issues.length > 0) throw new Error(`data/osm-tags.json is invalid: ${summarize(issues)}`);
  const rules = document as OsmTagRules;
  rules.rules.forEach((rule, i) => {
    const kind = rule.kind ?? 'service';
    const needsCategory = kind === 'service' || kind === 'need';
    if (needsCategory !== (rule.category !== undefined))
      throw new Error(
        `data/osm-tags.json rule ${i + 1}: a ${kind} rule ${needsCategory ? 'needs' : 'takes no'} category`,
      );
  });
  loaded = rules;
  return rules;
}

export interface OsmMatch {
  kind: RecordKind;
  category: string | null;
  /** The tags that matched, e.g. `shop=supermarket`, for notes and reports. */
  matched: string;
}

function valueMatches(actual: string | undefined, expected: string | string[]): boolean {
  if (actual === undefined) return false;
  const entries = actual.split(';').map((v) => v.trim());
  if (expected === '*') return entries.some((v) => v !== '' && v !== 'no');
  const wanted = Array.isArray(expected) ? expected : [expected];
  return entries.some((v) => wanted.includes(v));
}

/** The kind and category of an OSM object by its tags: the first rule whose tags all match, or null. */
export function matchOsmTags(tags: Readonly<Record<string, string>>): OsmMatch | null {
  for (const rule of osmTagRules().rules) {
    const pairs = Object.entries(rule.tags);
    if (pairs.every(([key, expected]) => valueMatches(tags[key], expected))) {
      return {
        kind: rule.kind ?? 'service',
        category: rule.category ?? null,
        matched: pairs.map(([key]) => `${key}=${tags[key]}`).join(' + '),
      };
    }
  }
  return null;
}

/** Keys that say what an OSM object is; shown when its tags map to nothing. */
const KIND_KEYS = [
  'amenity',
  'shop',
  'healthcare',
  'craft',
  'office',
  'leisure',
  'tourism',
  'highway',
  'railway',
  'public_transport',
  'social_facility',
  'landuse',
  'building',
];

/** `amenity=school, building=yes` — what the object is, for a rejected row's message. */
export function describeTags(tags: Readonly<Record<string, string>>): string {
  const shown = KIND_KEYS.filter((key) => tags[key] !== undefined).map((key) => `${key}=${tags[key]}`);
  return shown.length > 0 ? shown.join(', ') : 'no tags that say what it is';
}

/** Whether a set of attributes is OSM tags: any key a mapping rule or the description looks at. */
export function hasOsmTags(tags: Readonly<Record<string, unknown>>): boolean {
  const keys = new Set(osmTagRules().rules.flatMap((rule) => Object.keys(rule.tags)));
  for (const key of KIND_KEYS) keys.add(key);
  return Object.keys(tags).some((key) => keys.has(key));
}
