/**
 * Values for the route fuzzer (fuzz.test.ts): bodies shaped by a route's own JSON schema (so the
 * request gets past validation and into the handler), then bent out of shape, plus the hostile
 * strings, numbers and raw bodies that reach handlers most easily.
 */
import fc from 'fast-check';

type Schema = Record<string, unknown>;

/** Strings that have broken parsers, paths, SQL and templates somewhere. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '..',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '%ZZ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "'; drop table records; --",
  '" or 1=1 --',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("return 1")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '=cmd|" /C calc"!A0',
  '\u202eevil\u202c',
  '\ud800',
  '💥'.repeat(50),
  'ß'.repeat(300),
  'x'.repeat(5000),
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '-1',
  '9007199254740993',
  '0x1f',
  '2025-02-30T25:61:61Z',
  '1970-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

export const HOSTILE_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER - 2,
  2 ** 31,
  2 ** 63,
  5e-324,
  181,
  -91,
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** Any JSON value, including deep nesting and the keys that pollute prototypes. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      JSON.parse('{"__proto__": {"role": "admin", "polluted": true}}'),
      { constructor: { prototype: { polluted: true } } },
      nested(200),
      [],
      {},
      null,
    ),
  },
);

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** An object with the schema's keys where each has a value; undefined when the schema has none. */
function objectArbitrary(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) model[key] = fromSchema(property, depth + 1);
  const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
  const base = fc.record(model, { requiredKeys });
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(properties).length === 0) {
    return fc.dictionary(
      fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor')),
      fromSchema(extra as Schema, depth + 1),
      {
        maxKeys: 4,
      },
    );
  }
  return base;
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // A pattern this engine cannot read: plain strings only.
    }
  }
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    default:
  }
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, minLength + 200) : minLength + 60;
  return fc.oneof(
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length >= minLength && s.length <= maxLength)),
    fc.constant('x'.repeat(maxLength)),
  );
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + 1e-9
        : -1e6;
  const max =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - 1e-9
        : 1e6;
  return integer
    ? fc.integer({
        min: Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER)),
        max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)),
      })
    : fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max));
}

/** A value the schema accepts, most of the time (patterns and combinations are approximated). */
export function fromSchema(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 8) return hostileJson;
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0)
      return fc.oneof(...(options as Schema[]).map((option) => fromSchema(option, depth + 1)));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return fromSchema(schema.allOf[0] as Schema, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return objectArbitrary(schema, depth);
    case 'array': {
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxLength = typeof schema.maxItems === 'number' ? Math.min(schema.maxItems, minLength + 6) : minLength + 4;
      if (Array.isArray(schema.prefixItems))
        return fc.tuple(...(schema.prefixItems as Schema[]).map((item) => fromSchema(item, depth + 1)));
      return fc.array(fromSchema(schema.items as Schema | undefined, depth + 1), { minLength, maxLength });
    }
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return hostileJson;
  }
}

/** Replaces one value somewhere inside `value` (chosen by `pick`) with `replacement`. */
export function replaceSomewhere(value: unknown, pick: number, replacement: unknown): unknown {
  const slots: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        slots.push({ parent: node, key: index });
        walk(child);
      });
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        slots.push({ parent: node as Record<string, unknown>, key });
        walk(child);
      }
    }
  };
  const copy = structuredClone(value);
  walk(copy);
  if (slots.length === 0) return replacement;
  const slot = slots[pick % slots.length] as (typeof slots)[number];
  (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
  return copy;
}

/** Bodies no JSON parser should accept, or should accept only with care. */
export const RAW_BODIES = [
  '',
  '{',
  '{"a":',
  '[1,2',
  '"',
  'nul',
  '\u0000',
  '{"a":1}{"b":2}',
  '{"a":1,}',
  "{'a':1}",
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
  `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
  '1e400',
  '123456789012345678901234567890',
  '{"id":"x","id":"y"}',
  '\ufeff{}',
];

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/geo+json',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----fuzz',
  'application/octet-stream',
  'image/jpeg',
  'audio/webm',
  'text/csv',
  '',
  'application/json; charset=',
  '*/*',
];
