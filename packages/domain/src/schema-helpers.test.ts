import Type from 'typebox';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { LanguageTag, PartialDate, Slug, StringEnum, Uuid } from './schema-helpers.ts';

describe('Slug', () => {
  it.each(['eving', 'marten-2', 'bank_atm', 'children_0_6', '0'])('accepts %j', (value) => {
    expect(Value.Check(Slug, value)).toBe(true);
  });
  it.each(['', 'Eving', 'eving nord', '-eving', '_eving', 'ä', 'a'.repeat(65)])('refuses %j', (value) => {
    expect(Value.Check(Slug, value)).toBe(false);
  });
});

describe('Uuid', () => {
  it('accepts a UUIDv7 in either case and refuses anything else', () => {
    expect(Value.Check(Uuid, '0190f3a2-7b1c-7d4e-9f00-1a2b3c4d5e6f')).toBe(true);
    expect(Value.Check(Uuid, '0190F3A2-7B1C-7D4E-9F00-1A2B3C4D5E6F')).toBe(true);
    expect(Value.Check(Uuid, '0190f3a27b1c7d4e9f001a2b3c4d5e6f')).toBe(false);
    expect(Value.Check(Uuid, ' 0190f3a2-7b1c-7d4e-9f00-1a2b3c4d5e6f')).toBe(false);
  });
});

describe('LanguageTag', () => {
  it.each(['de', 'tr', 'ar', 'uk', 'de-DE', 'und', 'sr-Latn-RS'])('accepts %j', (value) => {
    expect(Value.Check(LanguageTag, value)).toBe(true);
  });
  it.each(['', 'Deutsch', 'DE', 'de_DE', 'd'])('refuses %j', (value) => {
    expect(Value.Check(LanguageTag, value)).toBe(false);
  });
});

describe('PartialDate', () => {
  it.each(['2024', '2024-03', '2024-03-15', '1999-12-31'])('accepts %j', (value) => {
    expect(Value.Check(PartialDate, value)).toBe(true);
  });
  it.each(['24', '2024-3', '2024-00', '2024-13', '2024-03-32', '15.03.2024', '2024-03-15T00:00:00Z'])(
    'refuses %j',
    (value) => {
      expect(Value.Check(PartialDate, value)).toBe(false);
    },
  );
});

describe('StringEnum', () => {
  it('accepts exactly its values', () => {
    const schema = StringEnum(['low', 'high'] as const);
    expect(Value.Check(schema, 'low')).toBe(true);
    expect(Value.Check(schema, 'LOW')).toBe(false);
    expect(Value.Check(Type.Object({ u: schema }), { u: 'medium' })).toBe(false);
  });
});
