import { LANGUAGES, type LanguageCode } from '@quartiersatlas/i18n';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n.ts';

/**
 * Large buttons, each language in its own script and marked with its own `lang`, so people who
 * cannot read the current language still find theirs.
 */
export function LanguageGrid({
  onChosen,
  first = [],
}: {
  onChosen?: (code: LanguageCode) => void;
  /** Languages to list first, in this order (a resident link's poster languages); the rest follow. */
  first?: readonly string[];
}) {
  // Subscribes to language changes, so the pressed button follows the choice.
  useTranslation();
  const current = currentLanguage();
  const rank = (code: string) => (first.includes(code) ? first.indexOf(code) : first.length);
  const ordered = [...LANGUAGES].sort((a, b) => rank(a.code) - rank(b.code));
  return (
    <ul className="language-grid">
      {ordered.map((language) => (
        <li key={language.code}>
          <button
            type="button"
            className="language-grid__button"
            lang={language.code}
            dir={language.rtl ? 'rtl' : 'ltr'}
            aria-pressed={language.code === current}
            onClick={() => {
              void changeLanguage(language.code).then(() => onChosen?.(language.code));
            }}
          >
            {language.nativeName}
          </button>
        </li>
      ))}
    </ul>
  );
}
