import Type, { type Static } from 'typebox';
import { type FieldIssue, schemaIssues } from './issues.ts';
import { Slug, StringEnum } from './schema-helpers.ts';

/** Who a category serves; the gap analysis weights population by it. */
export const DEMAND_GROUPS = [
  'all',
  'children_0_6',
  'children_6_10',
  'youth_10_18',
  'seniors_65',
  'seniors_80',
  'families',
] as const;
export type DemandGroup = (typeof DEMAND_GROUPS)[number];

/** `places`: a service counts with its capacity (Kita places); `facilities`: each service counts once. */
export const SUPPLY_UNITS = ['facilities', 'places'] as const;
export type SupplyUnit = (typeof SUPPLY_UNITS)[number];

/** Record kinds a category can describe: vacancies and brownfields have former uses, not categories. */
export const CATEGORIZED_KINDS = ['service', 'need'] as const;

export const TaxonomyFieldSchema = Type.Object(
  {
    id: Slug,
    icon: Type.String({ minLength: 1, maxLength: 64 }),
    labelKey: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

export const CategorySchema = Type.Object(
  {
    id: Slug,
    field: Slug,
    icon: Type.String({ minLength: 1, maxLength: 64, description: 'pictogram name' }),
    labelKey: Type.String({ minLength: 1, maxLength: 128, description: 'translation key in packages/i18n' }),
    demandGroup: StringEnum(DEMAND_GROUPS),
    catchmentM: Type.Integer({ minimum: 50, maximum: 20_000, description: 'default walking catchment in metres' }),
    catchmentSource: Type.String({
      minLength: 1,
      maxLength: 400,
      description: 'where the default catchment comes from',
    }),
    supplyUnit: StringEnum(SUPPLY_UNITS, {
      description: 'what a service counts as: one facility, or its capacity in places (Kita places, day-care places)',
    }),
    targetPer1000: Type.Number({
      exclusiveMinimum: 0,
      maximum: 100_000,
      description: 'default target: supply units per 1,000 people of the demand group',
    }),
    targetSource: Type.String({ minLength: 1, maxLength: 400, description: 'where the default target comes from' }),
  },
  { additionalProperties: false },
);

export const TaxonomySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    fields: Type.Array(TaxonomyFieldSchema, { minItems: 1 }),
    categories: Type.Array(CategorySchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type TaxonomyField = Static<typeof TaxonomyFieldSchema>;
export type Category = Static<typeof CategorySchema>;
export type Taxonomy = Static<typeof TaxonomySchema>;

/** Checks a taxonomy document: schema, unique ids, and every category in a known field. */
export function taxonomyIssues(value: unknown): FieldIssue[] {
  const issues = schemaIssues(TaxonomySchema, value);
  if (issues.length > 0) return issues;
  const taxonomy = value as Taxonomy;
  const fieldIds = new Set<string>();
  taxonomy.fields.forEach((field, i) => {
    if (fieldIds.has(field.id))
      issues.push({ field: `fields[${i}].id`, code: 'DUPLICATE_ID', message: `"${field.id}" appears twice` });
    fieldIds.add(field.id);
  });
  const categoryIds = new Set<string>();
  taxonomy.categories.forEach((category, i) => {
    if (categoryIds.has(category.id)) {
      issues.push({ field: `categories[${i}].id`, code: 'DUPLICATE_ID', message: `"${category.id}" appears twice` });
    }
    categoryIds.add(category.id);
    if (!fieldIds.has(category.field)) {
      issues.push({
        field: `categories[${i}].field`,
        code: 'UNKNOWN_FIELD_ID',
        message: `no field "${category.field}"`,
      });
    }
  });
  return issues;
}

export function findCategory(taxonomy: Taxonomy, id: string): Category | undefined {
  return taxonomy.categories.find((category) => category.id === id);
}
