import { isLanguageCode } from './languages.ts';
import { type LocaleTree, PLURAL_CATEGORIES, type PluralCategory, resources, sourceMessages } from './resources.ts';

export interface LocaleIssues {
  /** Keys of the source that the locale lacks or leaves empty (plural forms per the locale's own rules). */
  missing: string[];
  /** Keys the source does not have, including plural forms the locale's grammar never uses. */
  extra: string[];
  /** Keys whose `{{placeholders}}` differ from the source. */
  placeholders: string[];
}

type Flat = Map<string, unknown>;

function flatten(tree: LocaleTree, prefix = '', into: Flat = new Map()): Flat {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === 'object') flatten(value, path, into);
    else into.set(path, value);
  }
  return into;
}

export function pluralCategories(locale: string): PluralCategory[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as readonly string[];
  return PLURAL_CATEGORIES.filter((category) => categories.includes(category));
}

const PLURAL_SUFFIX = new RegExp(`^(.+)_(${PLURAL_CATEGORIES.join('|')})$`);

/** Splits `kind.service_one` into its base and category when `kind.service_other` exists in the same tree. */
function pluralParts(key: string, keys: Flat): { base: string; category: PluralCategory } | undefined {
  const match = PLURAL_SUFFIX.exec(key);
  if (!match?.[1] || !match[2] || !keys.has(`${match[1]}_other`)) return undefined;
  return { base: match[1], category: match[2] as PluralCategory };
}

/** Names of `{{name}}` and `{{name, format}}` placeholders. */
function placeholders(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(/\{\{\s*([^\s,}]+)[^}]*\}\}/g), (match) => match[1] ?? ''));
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((name) => b.has(name));
}

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Compares a locale with the German source. Plural keys are compared per group: `count` may be left
 * out of a form (Arabic says "two entries" as one word), other placeholders must all be there.
 */
export function localeIssues(target: LocaleTree, locale: string, source: LocaleTree = sourceMessages): LocaleIssues {
  const sourceKeys = flatten(source);
  const targetKeys = flatten(target);
  const categories = pluralCategories(locale);
  const missing = new Set<string>();
  const extra = new Set<string>();
  const mismatched = new Set<string>();
  const pluralBases = new Map<string, Set<string>>();

  for (const [key, value] of sourceKeys) {
    const plural = pluralParts(key, sourceKeys);
    if (plural) {
      const names = pluralBases.get(plural.base) ?? new Set<string>();
      for (const name of placeholders(String(value))) if (name !== 'count') names.add(name);
      pluralBases.set(plural.base, names);
      continue;
    }
    const translated = targetKeys.get(key);
    if (!isFilled(translated)) missing.add(key);
    else if (!sameSet(placeholders(String(value)), placeholders(translated))) mismatched.add(key);
  }

  for (const [base, names] of pluralBases) {
    for (const category of categories) {
      const key = `${base}_${category}`;
      const translated = targetKeys.get(key);
      if (!isFilled(translated)) {
        missing.add(key);
        continue;
      }
      const own = placeholders(translated);
      own.delete('count');
      if (!sameSet(names, own)) mismatched.add(key);
    }
  }

  for (const key of targetKeys.keys()) {
    const plural = pluralParts(key, targetKeys);
    const expected = plural
      ? pluralBases.has(plural.base) && categories.includes(plural.category)
      : sourceKeys.has(key);
    if (!expected) extra.add(key);
  }

  return { missing: [...missing].sort(), extra: [...extra].sort(), placeholders: [...mismatched].sort() };
}

function registered(locale: string): LocaleTree {
  if (!isLanguageCode(locale)) throw new Error(`"${locale}" is not a registered language`);
  return resources[locale].translation;
}

/** Keys of de.json that `locale` lacks, leaves empty, or translates with other `{{placeholders}}`. */
export function missingKeys(locale: string): string[] {
  const issues = localeIssues(registered(locale), locale);
  return [...new Set([...issues.missing, ...issues.placeholders])].sort();
}

/** Keys of `locale` that de.json does not have (so nobody would ever see them). */
export function extraKeys(locale: string): string[] {
  return localeIssues(registered(locale), locale).extra;
}
