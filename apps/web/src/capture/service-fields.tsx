import { OPERATOR_TYPES } from '@quartiersatlas/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChipsField } from './chips-field.tsx';
import { APP_LANGUAGE_COUNT, SPOKEN_LANGUAGES, type SpokenLanguage, spokenLanguage } from './common-languages.ts';
import { ChoiceField, TextField, TriStateField } from './form-controls.tsx';
import type { RecordFormValues } from './form-values.ts';

function languageOption(language: SpokenLanguage) {
  return {
    value: language.code,
    label: language.nativeName,
    lang: language.code,
    dir: language.rtl ? ('rtl' as const) : ('ltr' as const),
  };
}

/** Name, operator, places, opening hours, languages spoken and step-free access of a service. */
export function ServiceFields() {
  const { t } = useTranslation();
  const chosen = useWatch<RecordFormValues, 'languages'>({ name: 'languages' });
  // Codes stored by another device or an import that the list does not name still show, as their code.
  const unlisted = chosen.filter((code) => !spokenLanguage(code)).map((code) => ({ value: code, label: code }));
  return (
    <>
      <TextField kind="service" name="name" label={t('capture.field.name')} />
      <ChoiceField
        kind="service"
        name="operatorType"
        legend={t('capture.field.operatorType')}
        options={[
          ...OPERATOR_TYPES.map((value) => ({ value, label: t(`capture.operatorType.${value}`) })),
          { value: '', label: t('capture.answer.unknown') },
        ]}
      />
      <TextField
        kind="service"
        name="capacity"
        label={t('capture.field.capacity')}
        hint={t('capture.hint.capacity')}
        inputMode="numeric"
      />
      <TextField
        kind="service"
        name="openingHours"
        label={t('capture.field.openingHours')}
        hint={t('capture.hint.openingHours')}
      />
      <ChipsField
        kind="service"
        name="languages"
        legend={t('capture.field.languages')}
        options={SPOKEN_LANGUAGES.slice(0, APP_LANGUAGE_COUNT).map(languageOption)}
        more={[...SPOKEN_LANGUAGES.slice(APP_LANGUAGE_COUNT).map(languageOption), ...unlisted]}
        moreLabel={t('capture.field.moreLanguages')}
      />
      <TriStateField kind="service" name="stepFree" legend={t('capture.field.stepFree')} />
    </>
  );
}
