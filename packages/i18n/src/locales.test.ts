import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LANGUAGE,
  extraKeys,
  isRtl,
  LANGUAGES,
  type LocaleTree,
  localeIssues,
  matchLanguage,
  missingKeys,
  resources,
  sourceMessages,
} from './index.ts';

const here = dirname(fileURLToPath(import.meta.url));

function lookup(tree: LocaleTree, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    node = node !== null && typeof node === 'object' ? (node as LocaleTree)[part] : undefined;
  }
  return node;
}

describe('locales', () => {
  it('registers exactly the locale files that exist, with German as the default', () => {
    const files = readdirSync(join(here, '../locales'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''))
      .sort();
    expect(LANGUAGES.map((language) => language.code).sort()).toEqual(files);
    expect(DEFAULT_LANGUAGE).toBe('de');
    expect(LANGUAGES.filter((language) => language.rtl).map((language) => language.code)).toEqual(['ar']);
  });

  for (const { code } of LANGUAGES) {
    it(`${code}: has every key of de.json, filled, with the same placeholders`, () => {
      expect(missingKeys(code)).toEqual([]);
    });

    it(`${code}: has no keys that de.json lacks`, () => {
      expect(extraKeys(code)).toEqual([]);
    });
  }

  it('catches a broken locale: a missing plural form, an extra key, an empty text, a changed placeholder', () => {
    const broken = structuredClone(resources.pl.translation);
    const kind = broken.kind as LocaleTree;
    delete kind.need_many;
    kind.need_two = 'Potrzeby';
    (broken.common as LocaleTree).retry = ' ';
    (broken.auth as LocaleTree).signedInAs = 'Zalogowano jako {{user}} ({{role}})';
    (broken.footer as LocaleTree).unused = 'Stopka';

    expect(localeIssues(broken, 'pl')).toEqual({
      missing: ['common.retry', 'kind.need_many'],
      extra: ['footer.unused', 'kind.need_two'],
      placeholders: ['auth.signedInAs'],
    });
  });

  it('asks each language for the plural forms its grammar uses', () => {
    const german = { items_one: '{{count}} Eintrag', items_other: '{{count}} Einträge' };
    expect(localeIssues({ items_one: 'a', items_other: '{{count}} b' }, 'tr', german).missing).toEqual([]);
    expect(localeIssues({ items_one: 'a', items_other: 'b' }, 'uk', german).missing).toEqual([
      'items_few',
      'items_many',
    ]);
    expect(localeIssues({ items_one: 'a', items_other: 'b' }, 'ar', german).missing).toEqual([
      'items_few',
      'items_many',
      'items_two',
      'items_zero',
    ]);
  });

  it('has a translation in de.json for every label key of data/taxonomy.json', () => {
    const taxonomy = JSON.parse(readFileSync(join(here, '../../../data/taxonomy.json'), 'utf8')) as {
      fields: { labelKey: string }[];
      categories: { labelKey: string; demandGroup: string }[];
    };
    const keys = [
      ...taxonomy.fields.map((field) => field.labelKey),
      ...taxonomy.categories.map((category) => category.labelKey),
      ...taxonomy.categories.map((category) => `demandGroup.${category.demandGroup}`),
    ];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => typeof lookup(sourceMessages, key) !== 'string')).toEqual([]);
  });
});

describe('language registry', () => {
  it('matches browser language tags to supported languages', () => {
    expect(matchLanguage('tr-TR')).toBe('tr');
    expect(matchLanguage('UK')).toBe('uk');
    expect(matchLanguage('pt-BR')).toBeUndefined();
  });

  it('marks only Arabic as right-to-left', () => {
    expect(isRtl('ar')).toBe(true);
    expect(isRtl('de')).toBe(false);
    expect(isRtl('xx')).toBe(false);
  });
});
