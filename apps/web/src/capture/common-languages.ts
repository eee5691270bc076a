/**
 * Languages people in Dortmund's northern quarters speak, each named in its own script so a speaker
 * finds theirs without reading the interface language (names are data, not interface text). The
 * app's eight languages come first; the rest follow roughly by how many speak them in the quarters.
 * Codes are BCP 47: Kurmanji and Sorani, Dari and German Sign Language have three-letter codes.
 */
export interface SpokenLanguage {
  code: string;
  nativeName: string;
  rtl: boolean;
}

export const APP_LANGUAGE_COUNT = 8;

export const SPOKEN_LANGUAGES: readonly SpokenLanguage[] = [
  { code: 'de', nativeName: 'Deutsch', rtl: false },
  { code: 'en', nativeName: 'English', rtl: false },
  { code: 'tr', nativeName: 'Türkçe', rtl: false },
  { code: 'ar', nativeName: 'العربية', rtl: true },
  { code: 'bg', nativeName: 'Български', rtl: false },
  { code: 'ro', nativeName: 'Română', rtl: false },
  { code: 'pl', nativeName: 'Polski', rtl: false },
  { code: 'uk', nativeName: 'Українська', rtl: false },
  { code: 'ru', nativeName: 'Русский', rtl: false },
  { code: 'kmr', nativeName: 'Kurmancî', rtl: false },
  { code: 'ckb', nativeName: 'کوردیی ناوەندی', rtl: true },
  { code: 'fa', nativeName: 'فارسی', rtl: true },
  { code: 'prs', nativeName: 'دری', rtl: true },
  { code: 'ps', nativeName: 'پښتو', rtl: true },
  { code: 'sq', nativeName: 'Shqip', rtl: false },
  { code: 'bs', nativeName: 'Bosanski', rtl: false },
  { code: 'hr', nativeName: 'Hrvatski', rtl: false },
  { code: 'sr', nativeName: 'Српски', rtl: false },
  { code: 'el', nativeName: 'Ελληνικά', rtl: false },
  { code: 'it', nativeName: 'Italiano', rtl: false },
  { code: 'es', nativeName: 'Español', rtl: false },
  { code: 'fr', nativeName: 'Français', rtl: false },
  { code: 'pt', nativeName: 'Português', rtl: false },
  { code: 'ti', nativeName: 'ትግርኛ', rtl: false },
  { code: 'so', nativeName: 'Soomaali', rtl: false },
  { code: 'ur', nativeName: 'اردو', rtl: true },
  { code: 'vi', nativeName: 'Tiếng Việt', rtl: false },
  { code: 'zh', nativeName: '中文', rtl: false },
  { code: 'gsg', nativeName: 'Deutsche Gebärdensprache', rtl: false },
];

export function spokenLanguage(code: string): SpokenLanguage | undefined {
  return SPOKEN_LANGUAGES.find((language) => language.code === code);
}
