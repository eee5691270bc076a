import { VACANCY_CONDITIONS } from '@quartiersatlas/domain';
import { useTranslation } from 'react-i18next';
import { ChoiceField, TextField, TriStateField } from './form-controls.tsx';
import { VacantSinceField } from './vacant-since-field.tsx';

/** Former use, address, floor area, since when, condition, owner and shop front of a vacancy. */
export function VacancyFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        kind="vacancy"
        name="formerUse"
        label={t('capture.field.formerUse')}
        hint={t('capture.hint.formerUse')}
      />
      <TextField kind="vacancy" name="address" label={t('capture.field.address')} autoComplete="street-address" />
      <TextField kind="vacancy" name="floorAreaM2" label={t('capture.field.floorAreaM2')} inputMode="decimal" />
      <VacantSinceField />
      <ChoiceField
        kind="vacancy"
        name="condition"
        legend={t('capture.field.condition')}
        options={VACANCY_CONDITIONS.map((value) => ({ value, label: t(`capture.condition.${value}`) }))}
      />
      <TriStateField kind="vacancy" name="ownerKnown" legend={t('capture.field.ownerKnown')} />
      <TriStateField kind="vacancy" name="shopFront" legend={t('capture.field.shopFront')} />
    </>
  );
}
