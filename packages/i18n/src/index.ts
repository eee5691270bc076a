export {
  DEFAULT_LANGUAGE,
  isLanguageCode,
  isRtl,
  LANGUAGES,
  type Language,
  type LanguageCode,
  matchLanguage,
} from './languages.ts';
export { extraKeys, type LocaleIssues, localeIssues, missingKeys, pluralCategories } from './locale-check.ts';
export {
  type LocaleTree,
  type Messages,
  PLURAL_CATEGORIES,
  type PluralCategory,
  resources,
  sourceMessages,
  type TranslationKey,
} from './resources.ts';
