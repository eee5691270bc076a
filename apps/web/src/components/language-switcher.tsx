import { isLanguageCode, LANGUAGES } from '@quartiersatlas/i18n';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n.ts';
import { Icon } from './icon.tsx';

/** Every language is listed in its own script, so people find theirs without reading the current one. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="language-switcher__label">
        <Icon name="globe" />
        <span className="visually-hidden-on-phone">{t('language.label')}</span>
      </label>
      <select
        id={id}
        className="language-switcher__select"
        value={currentLanguage()}
        onChange={(event) => {
          if (isLanguageCode(event.target.value)) void changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code} dir={language.rtl ? 'rtl' : 'ltr'}>
            {language.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
