import type { RecordKind, Taxonomy } from '@quartiersatlas/domain';
import { useId } from 'react';
import { useController } from 'react-hook-form';
import { CategoryPicker } from './category-picker.tsx';
import type { RecordFormValues } from './form-values.ts';
import { FieldIssue } from './issue-text.tsx';

/** The category picker bound to the form, with the domain's error under it. */
export function CategoryField({ kind, taxonomy }: { kind: RecordKind; taxonomy: Taxonomy }) {
  const errorId = useId();
  const { field, fieldState } = useController<RecordFormValues, 'category'>({ name: 'category' });
  return (
    <div className="capture-section">
      <CategoryPicker
        taxonomy={taxonomy}
        kind={kind}
        name={field.name}
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        inputRef={field.ref}
        errorId={fieldState.error ? errorId : undefined}
      />
      <FieldIssue id={errorId} kind={kind} field="category" error={fieldState.error} />
    </div>
  );
}
