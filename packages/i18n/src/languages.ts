/** The languages of Dortmund's northern quarters, each named in its own script for the switcher. */
export const LANGUAGES = [
  { code: 'de', nativeName: 'Deutsch', rtl: false },
  { code: 'en', nativeName: 'English', rtl: false },
  { code: 'tr', nativeName: 'Türkçe', rtl: false },
  { code: 'ar', nativeName: 'العربية', rtl: true },
  { code: 'bg', nativeName: 'Български', rtl: false },
  { code: 'ro', nativeName: 'Română', rtl: false },
  { code: 'pl', nativeName: 'Polski', rtl: false },
  { code: 'uk', nativeName: 'Українська', rtl: false },
] as const satisfies readonly Language[];

export interface Language {
  /** ISO 639-1 code, also the `lang` attribute and the locale file name. */
  code: string;
  nativeName: string;
  rtl: boolean;
}

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: LanguageCode = 'de';

export function isLanguageCode(value: unknown): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

export function isRtl(code: string): boolean {
  return LANGUAGES.find((language) => language.code === code)?.rtl ?? false;
}

/** Maps a BCP 47 tag as browsers report it (`tr-TR`, `uk`, `pt-BR`) to a supported language, if any. */
export function matchLanguage(tag: string): LanguageCode | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguageCode(primary) ? primary : undefined;
}
