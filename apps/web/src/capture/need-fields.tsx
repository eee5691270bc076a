import { TARGET_GROUPS, URGENCIES } from '@quartiersatlas/domain';
import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChipsField } from './chips-field.tsx';
import { SPOKEN_LANGUAGES, spokenLanguage } from './common-languages.ts';
import { ChoiceField, TextField } from './form-controls.tsx';
import type { RecordFormValues } from './form-values.ts';

/** BCP 47 "undetermined": the writer's language is not in the list. */
const OTHER_LANGUAGE = 'und';

function LanguageSelect() {
  const { t } = useTranslation();
  const id = useId();
  const { register } = useFormContext<RecordFormValues>();
  const lang = useWatch<RecordFormValues, 'lang'>({ name: 'lang' });
  const unlisted = lang !== '' && lang !== OTHER_LANGUAGE && !spokenLanguage(lang);
  return (
    <div className="form-field capture-field">
      <label htmlFor={id}>{t('capture.field.lang')}</label>
      <select id={id} className="capture-select" {...register('lang')}>
        {SPOKEN_LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code} dir={language.rtl ? 'rtl' : 'ltr'}>
            {language.nativeName}
          </option>
        ))}
        {unlisted && <option value={lang}>{lang}</option>}
        <option value={OTHER_LANGUAGE}>{t('capture.language.other')}</option>
      </select>
    </div>
  );
}

/**
 * Who it is for, how urgent, and the resident's own words in the language they chose (stored with
 * its tag, so planners can have it translated). Text is optional: a voice note can say it all.
 */
export function NeedFields({ supporters }: { supporters?: number }) {
  const { t } = useTranslation();
  const lang = useWatch<RecordFormValues, 'lang'>({ name: 'lang' });
  return (
    <>
      <ChipsField
        kind="need"
        name="targetGroups"
        legend={t('capture.field.targetGroups')}
        options={TARGET_GROUPS.map((value) => ({ value, label: t(`targetGroup.${value}`) }))}
      />
      <ChoiceField
        kind="need"
        name="urgency"
        legend={t('capture.field.urgency')}
        options={URGENCIES.map((value) => ({ value, label: t(`capture.urgency.${value}`) }))}
      />
      <TextField
        kind="need"
        name="text"
        label={t('capture.field.text')}
        hint={t('capture.hint.text')}
        multiline
        lang={lang === OTHER_LANGUAGE ? undefined : lang}
      />
      <LanguageSelect />
      {supporters !== undefined && supporters > 0 && (
        <p className="need-supporters">{t('capture.supporters', { count: supporters })}</p>
      )}
    </>
  );
}
