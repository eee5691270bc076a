import {
  DEFAULT_LANGUAGE,
  isLanguageCode,
  isRtl,
  LANGUAGES,
  type LanguageCode,
  matchLanguage,
  resources,
} from '@quartiersatlas/i18n';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const STORAGE_KEY = 'quartiersatlas.language';

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode, strict settings); the browser language still applies.
    return null;
  }
}

/** The saved choice, else the first browser language we support, else German. */
function initialLanguage(): LanguageCode {
  const stored = storedLanguage();
  if (isLanguageCode(stored)) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

function applyToDocument(code: string): void {
  const root = document.documentElement;
  root.lang = code;
  root.dir = isRtl(code) ? 'rtl' : 'ltr';
  document.title = i18next.t('app.title');
}

export function currentLanguage(): LanguageCode {
  const code = i18next.resolvedLanguage ?? i18next.language;
  return isLanguageCode(code) ? code : DEFAULT_LANGUAGE;
}

export async function changeLanguage(code: LanguageCode): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not saved: the choice then lasts for this visit only.
  }
  await i18next.changeLanguage(code);
}

i18next.on('languageChanged', applyToDocument);

declare global {
  interface Window {
    /** Set by the browser tests before the app loads: missing translations are recorded, not hidden. */
    __QA_TEST__?: boolean;
    __QA_MISSING__?: string[];
  }
}

// In the browser tests a missing key must not fall back to German silently: it is recorded instead.
const testing = typeof window !== 'undefined' && window.__QA_TEST__ === true;
if (testing) window.__QA_MISSING__ = [];

// With the resources bundled and initAsync off, init finishes before the first render.
void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: testing ? false : DEFAULT_LANGUAGE,
  saveMissing: testing,
  missingKeyHandler: testing
    ? (languages, _namespace, key) => window.__QA_MISSING__?.push(`${languages.join(',')}:${key}`)
    : false,
  supportedLngs: LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false },
  initAsync: false,
  react: { useSuspense: false },
});
