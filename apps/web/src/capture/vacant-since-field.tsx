import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError } from './form-controls.tsx';
import type { DatePrecision, RecordFormValues } from './form-values.ts';
import { FieldIssue } from './issue-text.tsx';
import { convertPartialDate } from './partial-date.ts';

const PRECISIONS: DatePrecision[] = ['year', 'month', 'day'];

/**
 * "Empty since": field teams often know only the year a shop closed, sometimes the month, rarely the
 * day. The precision picks the input; switching it keeps what still fits.
 */
export function VacantSinceField() {
  const { t } = useTranslation();
  const id = useId();
  const { register, getValues, setValue } = useFormContext<RecordFormValues>();
  const precision = useWatch<RecordFormValues, 'vacantSincePrecision'>({ name: 'vacantSincePrecision' });
  const error = useFieldError('vacantSince');
  const errorId = `${id}-error`;
  const input = register('vacantSince');
  const common = {
    ...input,
    id: `${id}-input`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  return (
    <fieldset className="capture-choice vacant-since">
      <legend className="capture-legend">{t('capture.field.vacantSince')}</legend>
      <div className="capture-choice__options" role="radiogroup" aria-label={t('capture.precision.label')}>
        {PRECISIONS.map((value) => (
          <label key={value} className="capture-pill">
            <input
              type="radio"
              className="capture-pill__input"
              value={value}
              {...register('vacantSincePrecision', {
                onChange: () =>
                  setValue('vacantSince', convertPartialDate(getValues('vacantSince'), value), { shouldDirty: true }),
              })}
            />
            <span>{t(`capture.precision.${value}`)}</span>
          </label>
        ))}
      </div>
      <label htmlFor={common.id} className="visually-hidden">
        {t('capture.field.vacantSince')}
      </label>
      {precision === 'year' ? (
        <input key="year" type="text" inputMode="numeric" maxLength={4} autoComplete="off" dir="ltr" {...common} />
      ) : (
        <input key={precision} type={precision === 'month' ? 'month' : 'date'} {...common} />
      )}
      <FieldIssue id={errorId} kind="vacancy" field="vacantSince" error={error} />
    </fieldset>
  );
}
