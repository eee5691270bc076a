import { LANGUAGES } from '@quartiersatlas/i18n';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { currentLanguage } from '../i18n.ts';
import { LanguageGrid } from './language-grid.tsx';

/** The top bar's compact language switch: the code on the button, the native names in a dialog. */
export function LanguageButton() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const code = currentLanguage();
  const name = LANGUAGES.find((language) => language.code === code)?.nativeName ?? code;
  return (
    <>
      <button
        type="button"
        className="top-bar__button language-button"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        <Icon name="globe" />
        {/* The visible code starts the accessible name, so voice control ("tap DE") finds the button. */}
        <span className="language-button__code">{code.toLocaleUpperCase()}</span>
        <span className="visually-hidden">{t('shell.languageButton', { language: name })}</span>
      </button>
      <dialog ref={dialog} className="sheet sheet--small" aria-labelledby="language-dialog-title">
        <div className="sheet__head">
          <h2 id="language-dialog-title" className="sheet__title">
            {t('language.label')}
          </h2>
          <button
            type="button"
            className="sheet__close"
            aria-label={t('common.close')}
            onClick={() => dialog.current?.close()}
          >
            <Icon name="close" />
          </button>
        </div>
        <LanguageGrid onChosen={() => dialog.current?.close()} />
      </dialog>
    </>
  );
}
