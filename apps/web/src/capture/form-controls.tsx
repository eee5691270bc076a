import type { RecordKind } from '@quartiersatlas/domain';
import { type HTMLAttributes, useId } from 'react';
import { type FieldError, useFormContext, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FormFieldName, RecordFormValues } from './form-values.ts';
import { FieldIssue } from './issue-text.tsx';

type TextName = {
  [K in FormFieldName]: RecordFormValues[K] extends string ? K : never;
}[FormFieldName];

/** Ids for a field, its hint and its error, and the `aria-describedby` that joins the ones shown. */
export function useFieldIds(hasHint: boolean, error: FieldError | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hasHint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

export function useFieldError(name: FormFieldName): FieldError | undefined {
  const { errors } = useFormState<RecordFormValues>({ name });
  return errors[name] as FieldError | undefined;
}

interface TextFieldProps {
  kind: RecordKind;
  name: TextName;
  label: string;
  hint?: string;
  multiline?: boolean;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  lang?: string;
}

/** A labelled text input or text area with its hint and the domain's error below it. */
export function TextField({ kind, name, label, hint, multiline, inputMode, autoComplete, lang }: TextFieldProps) {
  const { register } = useFormContext<RecordFormValues>();
  const error = useFieldError(name);
  const ids = useFieldIds(hint !== undefined, error);
  const common = {
    id: ids.id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids.describedBy,
    lang,
    // Free text may be in any script; the browser picks the direction from what is typed.
    dir: 'auto',
    ...register(name),
  };
  return (
    <div className="form-field capture-field">
      <label htmlFor={ids.id}>{label}</label>
      {hint && (
        <p id={ids.hintId} className="capture-hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea className="capture-textarea" rows={3} {...common} />
      ) : (
        <input type="text" inputMode={inputMode} autoComplete={autoComplete ?? 'off'} {...common} />
      )}
      <FieldIssue id={ids.errorId} kind={kind} field={name} error={error} />
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
}

/** Radio buttons as large pills: one tap, visible at a glance, arrow keys move between them. */
export function ChoiceField({
  kind,
  name,
  legend,
  options,
}: {
  kind: RecordKind;
  name: TextName;
  legend: string;
  options: ChoiceOption[];
}) {
  const { register } = useFormContext<RecordFormValues>();
  const error = useFieldError(name);
  const ids = useFieldIds(false, error);
  return (
    <fieldset className="capture-choice">
      <legend className="capture-legend">{legend}</legend>
      <div className="capture-choice__options">
        {options.map((option) => (
          <label key={option.value} className="capture-pill">
            <input
              type="radio"
              className="capture-pill__input"
              value={option.value}
              aria-describedby={ids.describedBy}
              {...register(name)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldIssue id={ids.errorId} kind={kind} field={name} error={error} />
    </fieldset>
  );
}

/** Yes / No / Don't know: an unanswered question is stored as absent, not as "no". */
export function TriStateField({ kind, name, legend }: { kind: RecordKind; name: TriStateName; legend: string }) {
  const { t } = useTranslation();
  return (
    <ChoiceField
      kind={kind}
      name={name}
      legend={legend}
      options={[
        { value: 'yes', label: t('capture.answer.yes') },
        { value: 'no', label: t('capture.answer.no') },
        { value: '', label: t('capture.answer.unknown') },
      ]}
    />
  );
}

type TriStateName = 'stepFree' | 'ownerKnown' | 'shopFront' | 'contaminationSuspected';
