import { OWNERSHIP } from '@quartiersatlas/domain';
import { useTranslation } from 'react-i18next';
import { ChoiceField, TextField, TriStateField } from './form-controls.tsx';

/**
 * Name, former use, suspected contamination, interim use and ownership of a brownfield site. Its area
 * is not asked for: the location section shows it from the outline, and the server computes the stored one.
 */
export function BrownfieldFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField kind="brownfield" name="name" label={t('capture.field.name')} />
      <TextField
        kind="brownfield"
        name="formerUse"
        label={t('capture.field.formerUse')}
        hint={t('capture.hint.formerUse')}
      />
      <TriStateField
        kind="brownfield"
        name="contaminationSuspected"
        legend={t('capture.field.contaminationSuspected')}
      />
      <TextField
        kind="brownfield"
        name="interimUse"
        label={t('capture.field.interimUse')}
        hint={t('capture.hint.interimUse')}
      />
      <ChoiceField
        kind="brownfield"
        name="ownership"
        legend={t('capture.field.ownership')}
        options={OWNERSHIP.map((value) => ({ value, label: t(`capture.ownership.${value}`) }))}
      />
    </>
  );
}
