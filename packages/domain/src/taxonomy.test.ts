import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCategory, type Taxonomy, taxonomyIssues } from './taxonomy.ts';

const shipped = JSON.parse(readFileSync(new URL('../../../data/taxonomy.json', import.meta.url), 'utf8')) as Taxonomy;

/** A fresh copy of the shipped taxonomy to break in one place. */
const copy = (): Taxonomy => structuredClone(shipped);

describe('data/taxonomy.json', () => {
  it('is valid', () => {
    expect(taxonomyIssues(shipped)).toEqual([]);
  });

  it('covers the four project fields plus health and culture', () => {
    expect(shipped.fields.map((f) => f.id)).toEqual([
      'local_supply',
      'mobility',
      'household',
      'care',
      'health',
      'culture',
    ]);
  });

  it('has the categories and catchments the design names', () => {
    expect(findCategory(shipped, 'groceries')).toMatchObject({ field: 'local_supply', catchmentM: 800 });
    expect(findCategory(shipped, 'bus_tram_stop')).toMatchObject({ field: 'mobility', catchmentM: 400 });
    expect(findCategory(shipped, 'kita')).toMatchObject({ field: 'care', catchmentM: 1000 });
    for (const id of ['bakery', 'pharmacy', 'laundry', 'senior_day_care', 'gp', 'library', 'community_centre']) {
      expect(findCategory(shipped, id), id).toBeDefined();
    }
  });

  it('gives every category a pictogram, a translation key and a source for its catchment', () => {
    for (const category of shipped.categories) {
      expect(category.icon, category.id).not.toBe('');
      expect(category.labelKey, category.id).toBe(`category.${category.id}`);
      expect(category.catchmentSource.length, category.id).toBeGreaterThan(10);
    }
  });
});

describe('taxonomyIssues', () => {
  it('reports a duplicate category id at its second occurrence', () => {
    const taxonomy = copy();
    const first = taxonomy.categories[0];
    if (!first) throw new Error('the shipped taxonomy has no categories');
    taxonomy.categories.push({ ...first, labelKey: 'category.groceries_2' });
    expect(taxonomyIssues(taxonomy)).toEqual([
      {
        field: `categories[${taxonomy.categories.length - 1}].id`,
        code: 'DUPLICATE_ID',
        message: `"${first.id}" appears twice`,
      },
    ]);
  });

  it('reports a duplicate field id', () => {
    const taxonomy = copy();
    taxonomy.fields.push({ id: 'care', icon: 'heart', labelKey: 'field.care2' });
    expect(taxonomyIssues(taxonomy)).toEqual([
      { field: `fields[${taxonomy.fields.length - 1}].id`, code: 'DUPLICATE_ID', message: '"care" appears twice' },
    ]);
  });

  it('reports a category in a field that does not exist', () => {
    const taxonomy = copy();
    const index = taxonomy.categories.findIndex((c) => c.id === 'kita');
    (taxonomy.categories[index] as { field: string }).field = 'childcare';
    expect(taxonomyIssues(taxonomy)).toEqual([
      { field: `categories[${index}].field`, code: 'UNKNOWN_FIELD_ID', message: 'no field "childcare"' },
    ]);
  });

  it('reports schema problems with the field path and stops there', () => {
    const taxonomy = copy() as unknown as { categories: Record<string, unknown>[] };
    taxonomy.categories[2] = { ...taxonomy.categories[2], demandGroup: 'teenagers', catchmentM: 10, colour: 'red' };
    expect(taxonomyIssues(taxonomy)).toEqual([
      { field: 'categories[2].colour', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
      {
        field: 'categories[2].demandGroup',
        code: 'INVALID_ENUM',
        message: 'must be one of all, children_0_6, children_6_10, youth_10_18, seniors_65, seniors_80, families',
      },
      { field: 'categories[2].catchmentM', code: 'INVALID_MINIMUM', message: 'must be >= 50' },
    ]);
  });

  it('refuses an upper-case or spaced category id', () => {
    const taxonomy = copy();
    (taxonomy.categories[0] as { id: string }).id = 'Weekly Market';
    expect(taxonomyIssues(taxonomy)).toEqual([
      expect.objectContaining({ field: 'categories[0].id', code: 'INVALID_PATTERN' }),
    ]);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['an empty object', {}],
  ])('refuses %s without throwing', (_label, value) => {
    expect(taxonomyIssues(value).length).toBeGreaterThan(0);
  });

  it('refuses a taxonomy without categories', () => {
    expect(taxonomyIssues({ ...copy(), categories: [] })).toEqual([
      expect.objectContaining({ field: 'categories', code: 'INVALID_MINITEMS' }),
    ]);
  });
});

describe('findCategory', () => {
  it('finds a category by id and nothing for an unknown id', () => {
    expect(findCategory(shipped, 'pharmacy')?.icon).toBe('pharmacy');
    expect(findCategory(shipped, 'casino')).toBeUndefined();
  });
});
