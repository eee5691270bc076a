import type { TSchema } from 'typebox';
import Value from 'typebox/value';

/** One reason why an input was refused, named by the field it concerns (`properties.capacity`). */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** `/properties/languages/1` → `properties.languages[1]`. */
export function fieldPath(instancePath: string, prefix = ''): string {
  let path = prefix;
  for (const part of instancePath.split('/').slice(1)) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    path += /^\d+$/.test(key) ? `[${key}]` : path === '' ? key : `.${key}`;
  }
  return path;
}

function joinField(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}

/**
 * Checks `value` against a TypeBox schema and returns the issues in our form: one per offending
 * field, with unknown fields named one by one instead of TypeBox's two overlapping reports.
 */
export function schemaIssues(schema: TSchema, value: unknown, prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // A nullable field (`Union([X, Null])`) that fails gets one report per branch plus one for the
  // union; the first branch's report is the useful one, and "or null" stands for the rest.
  const nullable = new Set<string>();
  for (const error of Value.Errors(schema, value)) {
    if (error.keyword === 'boolean' && error.schemaPath.endsWith('additionalProperties')) continue;
    const field = fieldPath(error.instancePath, prefix);
    if (error.keyword === 'anyOf') continue;
    if (error.keyword === 'type' && (error.params as { type?: unknown }).type === 'null') {
      nullable.add(field);
      continue;
    }
    if (error.keyword === 'additionalProperties') {
      const extra = (error.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      for (const name of extra) {
        issues.push({ field: joinField(field, name), code: 'UNKNOWN_FIELD', message: 'is not a known field' });
      }
      continue;
    }
    if (error.keyword === 'required') {
      const missing = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      for (const name of missing) {
        issues.push({ field: joinField(field, name), code: 'REQUIRED', message: 'is required' });
      }
      continue;
    }
    if (issues.some((issue) => issue.field === field)) continue;
    if (error.keyword === 'enum') {
      const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      issues.push({ field, code: 'INVALID_ENUM', message: `must be one of ${allowed.join(', ')}` });
      continue;
    }
    issues.push({ field, code: `INVALID_${error.keyword.toUpperCase()}`, message: error.message });
  }
  return issues.map((issue) =>
    nullable.has(issue.field) ? { ...issue, message: `${issue.message}, or null` } : issue,
  );
}
