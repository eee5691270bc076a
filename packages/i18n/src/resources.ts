import ar from '../locales/ar.json' with { type: 'json' };
import bg from '../locales/bg.json' with { type: 'json' };
import de from '../locales/de.json' with { type: 'json' };
import en from '../locales/en.json' with { type: 'json' };
import pl from '../locales/pl.json' with { type: 'json' };
import ro from '../locales/ro.json' with { type: 'json' };
import tr from '../locales/tr.json' with { type: 'json' };
import uk from '../locales/uk.json' with { type: 'json' };
import type { LanguageCode } from './languages.ts';

/** The shape every locale file has: nested objects with strings at the leaves. */
export interface LocaleTree {
  [key: string]: string | LocaleTree;
}

/** The German messages are the source: their shape types every key. */
export type Messages = typeof de;

/** i18next's plural suffixes; which of them a language needs comes from `Intl.PluralRules`. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type WithoutPluralSuffix<K extends string> = K extends `${infer Base}_${PluralCategory}` ? Base : K;

/** Every key `t()` accepts, as a dot path; plural keys appear once, without their `_one`/`_other` suffix. */
export type TranslationKey = WithoutPluralSuffix<LeafPaths<Messages>>;

export const sourceMessages: Messages = de;

export const resources: Record<LanguageCode, { translation: LocaleTree }> = {
  de: { translation: de },
  en: { translation: en },
  tr: { translation: tr },
  ar: { translation: ar },
  bg: { translation: bg },
  ro: { translation: ro },
  pl: { translation: pl },
  uk: { translation: uk },
};
