import { readFileSync } from 'node:fs';
import { CATEGORIZED_KINDS, type Taxonomy } from '@quartiersatlas/domain';
import { describe, expect, it } from 'vitest';
import { matchOsmTags, osmTagRules } from './osm-tags.ts';

const taxonomy = JSON.parse(
  readFileSync(new URL('../../../../data/taxonomy.json', import.meta.url), 'utf8'),
) as Taxonomy;

describe('OSM tag mapping (data/osm-tags.json)', () => {
  it('maps only to categories of the shipped taxonomy, and covers all but the two without an OSM tag', () => {
    const mapped = new Set(osmTagRules().rules.flatMap((rule) => (rule.category ? [rule.category] : [])));
    const known = new Set(taxonomy.categories.map((c) => c.id));
    expect([...mapped].filter((id) => !known.has(id))).toEqual([]);
    expect([...known].filter((id) => !mapped.has(id)).sort()).toEqual(['delivery', 'household_help']);
    for (const rule of osmTagRules().rules)
      expect(rule.category !== undefined).toBe(
        (CATEGORIZED_KINDS as readonly string[]).includes(rule.kind ?? 'service'),
      );
  });

  it('maps the everyday tags to the categories planners expect', () => {
    expect(matchOsmTags({ shop: 'supermarket', name: 'Lidl' })).toMatchObject({
      kind: 'service',
      category: 'groceries',
    });
    expect(matchOsmTags({ amenity: 'kindergarten' })).toMatchObject({
      category: 'kita',
      matched: 'amenity=kindergarten',
    });
    expect(matchOsmTags({ highway: 'bus_stop', public_transport: 'platform' })?.category).toBe('bus_tram_stop');
    expect(matchOsmTags({ amenity: 'school' })).toBeNull();
  });

  it('prefers the specific rule and reads lists of values', () => {
    expect(matchOsmTags({ amenity: 'doctors', 'healthcare:speciality': 'paediatrics;general' })?.category).toBe(
      'paediatrician',
    );
    expect(matchOsmTags({ amenity: 'doctors', 'healthcare:speciality': 'general' })?.category).toBe('gp');
    expect(matchOsmTags({ amenity: 'doctors', 'healthcare:speciality': 'dermatology' })).toBeNull();
    expect(
      matchOsmTags({ amenity: 'social_facility', social_facility: 'day_care', 'social_facility:for': 'senior' })
        ?.category,
    ).toBe('senior_day_care');
    expect(matchOsmTags({ amenity: 'community_centre', community_centre: 'youth_centre' })?.category).toBe(
      'youth_centre',
    );
  });

  it('finds empty shops and brownfields, but not a shop that merely has an old tag left', () => {
    expect(matchOsmTags({ 'disused:shop': 'bakery' })).toEqual({
      kind: 'vacancy',
      category: null,
      matched: 'disused:shop=bakery',
    });
    expect(matchOsmTags({ 'disused:shop': 'no' })).toBeNull();
    expect(matchOsmTags({ shop: 'bakery', 'disused:amenity': 'bank' })?.category).toBe('bakery');
    expect(matchOsmTags({ landuse: 'brownfield' })?.kind).toBe('brownfield');
  });
});
