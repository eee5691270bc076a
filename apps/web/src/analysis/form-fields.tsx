import { type ReactNode, useId } from 'react';
import { type FieldPath, type RegisterOptions, useFormContext, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import type { AnalysisFormValues } from './form-values.ts';

type Name = FieldPath<AnalysisFormValues>;

/** The error text of a field, shown under it and announced with it. */
export function FieldError({ id, name }: { id: string; name: Name }) {
  const { errors } = useFormState<AnalysisFormValues>({ name });
  const message = errors[name]?.message;
  if (!message) return null;
  return (
    <p id={id} className="analysis-field__error">
      <Pictogram name="alert" size={18} />
      {message}
    </p>
  );
}

/**
 * A labelled text input for a number (decimal comma or point), its unit after it, a hint below
 * (the default and where it comes from) and the error.
 */
export function NumberField({
  name,
  label,
  unit,
  hint,
  rules,
  integer,
  inputMode,
}: {
  name: Name;
  label: string;
  unit?: string;
  hint?: ReactNode;
  rules: RegisterOptions<AnalysisFormValues, Name>;
  integer?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'text';
}) {
  const { register } = useFormContext<AnalysisFormValues>();
  const { errors } = useFormState<AnalysisFormValues>({ name });
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = errors[name] !== undefined;
  const describedBy = [hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="analysis-field">
      <label htmlFor={id}>{label}</label>
      <div className="analysis-field__input">
        <input
          id={id}
          type="text"
          inputMode={inputMode ?? (integer ? 'numeric' : 'decimal')}
          autoComplete="off"
          dir="ltr"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          {...register(name, rules)}
        />
        {unit && <span className="analysis-field__unit">{unit}</span>}
      </div>
      {hint && (
        <div id={hintId} className="analysis-field__hint">
          {hint}
        </div>
      )}
      <FieldError id={errorId} name={name} />
    </div>
  );
}

/** "Default for groceries: 800 m" with its source, and a button to go back to it when changed. */
export function DefaultHint({
  text,
  source,
  changed,
  onReset,
}: {
  text: string;
  source: string;
  changed: boolean;
  onReset(): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="analysis-field__default">
        <span>{text}</span>
        {changed && (
          <button type="button" className="analysis-link" onClick={onReset}>
            {t('analysis.form.useDefault')}
          </button>
        )}
      </p>
      <p className="analysis-field__source">{t('analysis.form.source', { source })}</p>
    </>
  );
}
