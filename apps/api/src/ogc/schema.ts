import type { Column, ColumnType } from '../exports/columns.ts';

const TYPES: Record<ColumnType, Record<string, unknown>> = {
  text: { type: 'string' },
  integer: { type: 'integer' },
  real: { type: 'number' },
  boolean: { type: 'boolean' },
  datetime: { type: 'string', format: 'date-time' },
  list: { type: 'array', items: { type: 'string' } },
};

/**
 * JSON Schema of one GeoJSON feature of a collection (the collection's `describedby` link). GIS
 * clients otherwise guess column types from the first page, where a capacity that happens to be
 * empty on ten services becomes a text column. One `type` per property, not `[type, "null"]`:
 * GDAL reads only single types; the description says that values may be null.
 */
export function featureSchema(
  id: string,
  title: string,
  geometry: string,
  columns: readonly Column[],
): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title,
    description: 'A GeoJSON feature in CRS84 (longitude, latitude). Every property is present; empty ones are null.',
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string' },
      geometry: { type: 'object', description: geometry },
      properties: {
        type: 'object',
        properties: Object.fromEntries(columns.map((column) => [column.name, TYPES[column.type]])),
      },
    },
  };
}
