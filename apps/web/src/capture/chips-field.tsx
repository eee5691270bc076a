import type { RecordKind } from '@quartiersatlas/domain';
import { type ReactNode, useId } from 'react';
import { useController } from 'react-hook-form';
import type { RecordFormValues } from './form-values.ts';
import { FieldIssue } from './issue-text.tsx';

export interface ChipOption {
  value: string;
  label: string;
  /** Set for names written in their own language (a language's native name). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

function Chip({
  option,
  checked,
  onToggle,
  describedBy,
}: {
  option: ChipOption;
  checked: boolean;
  onToggle(): void;
  describedBy?: string;
}) {
  return (
    <label className="capture-chip">
      <input
        type="checkbox"
        className="capture-chip__input"
        checked={checked}
        onChange={onToggle}
        aria-describedby={describedBy}
      />
      <span lang={option.lang} dir={option.dir}>
        {option.label}
      </span>
    </label>
  );
}

/**
 * Several of a list as toggle chips (checkboxes underneath). `more` options sit in a fold that starts
 * open when one of them is chosen already.
 */
export function ChipsField({
  kind,
  name,
  legend,
  options,
  more,
  moreLabel,
}: {
  kind: RecordKind;
  name: 'languages' | 'targetGroups';
  legend: string;
  options: ChipOption[];
  more?: ChipOption[];
  moreLabel?: ReactNode;
}) {
  const { field, fieldState } = useController<RecordFormValues, typeof name>({ name });
  const errorId = useId();
  const selected = field.value;
  const describedBy = fieldState.error ? errorId : undefined;
  const toggle = (value: string) =>
    field.onChange(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  const chip = (option: ChipOption) => (
    <Chip
      key={option.value}
      option={option}
      checked={selected.includes(option.value)}
      onToggle={() => toggle(option.value)}
      describedBy={describedBy}
    />
  );
  return (
    <fieldset className="capture-choice" ref={(element) => field.ref(element?.querySelector('input'))}>
      <legend className="capture-legend">{legend}</legend>
      <div className="capture-chips">{options.map(chip)}</div>
      {more && more.length > 0 && (
        <details className="capture-more" open={more.some((option) => selected.includes(option.value))}>
          <summary className="capture-more__summary">{moreLabel}</summary>
          <div className="capture-chips">{more.map(chip)}</div>
        </details>
      )}
      <FieldIssue id={errorId} kind={kind} field={name} error={fieldState.error} />
    </fieldset>
  );
}
