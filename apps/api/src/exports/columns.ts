import { type RecordKind, RecordPropertiesSchemas } from '@quartiersatlas/domain';
import type { StoredRecord } from '../store/records.ts';

/**
 * Typed attribute columns of a GIS layer. The same list types the GeoPackage tables and the JSON
 * schema of each OGC collection, so QGIS sees an integer capacity as an integer in both.
 */
export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'datetime' | 'list';

export interface Column {
  name: string;
  type: ColumnType;
}

interface JsonSchemaLike {
  type?: string;
  format?: string;
}

function columnType(schema: JsonSchemaLike): ColumnType {
  switch (schema.type) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'real';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'list';
    default:
      // Strings, enums and "uuid or null" unions all arrive as text.
      return schema.format === 'date-time' ? 'datetime' : 'text';
  }
}

const SERVER_COLUMNS: readonly Column[] = [
  { name: 'status', type: 'text' },
  { name: 'version', type: 'integer' },
  { name: 'createdAt', type: 'datetime' },
  { name: 'updatedAt', type: 'datetime' },
  { name: 'createdBy', type: 'text' },
  { name: 'demo', type: 'boolean' },
];

const columnCache = new Map<RecordKind, Column[]>();

/**
 * Every attribute a record of this kind can have, in a stable order: kind, category and quarter
 * first, the kind's own fields as the domain schema lists them, the server's fields last. Derived
 * from the schema, so a field added to the domain appears in every export without a change here.
 */
export function recordColumns(kind: RecordKind): Column[] {
  const cached = columnCache.get(kind);
  if (cached) return cached;
  const properties = RecordPropertiesSchemas[kind].properties as Record<string, JsonSchemaLike>;
  const first = ['kind', 'category', 'quarterId', 'sessionId'].filter((name) => name in properties);
  const last = ['note', 'media'];
  const own = Object.keys(properties).filter((name) => !first.includes(name) && !last.includes(name));
  const columns: Column[] = [...first, ...own, ...last].map((name) => ({
    name,
    type: columnType(properties[name] ?? {}),
  }));
  // Computed by the server from the outline, so it is not part of the input schema.
  if (kind === 'brownfield') columns.push({ name: 'areaM2', type: 'real' });
  columns.push(...SERVER_COLUMNS);
  columnCache.set(kind, columns);
  return columns;
}

/** The value of one column of a record; null where the record does not have it. */
export function recordValue(record: StoredRecord, name: string): unknown {
  switch (name) {
    case 'kind':
      return record.kind;
    case 'category':
      return record.category;
    case 'quarterId':
      return record.quarterId;
    case 'sessionId':
      return record.sessionId;
    case 'status':
      return record.status;
    case 'version':
      return record.version;
    case 'createdAt':
      return record.createdAt;
    case 'updatedAt':
      return record.updatedAt;
    case 'createdBy':
      return record.createdBy;
    case 'demo':
      return record.demo;
    default:
      return record.fields[name] ?? null;
  }
}

/** A record's attributes as a flat object with every column present (null when empty). */
export function recordProperties(record: StoredRecord, columns: readonly Column[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const column of columns) properties[column.name] = recordValue(record, column.name);
  return properties;
}
