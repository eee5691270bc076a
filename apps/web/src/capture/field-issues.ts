import type { FieldIssue } from '@quartiersatlas/domain';
import type { FieldErrors } from 'react-hook-form';
import { COMMON_FIELDS, type FormFieldName, KIND_FIELDS, type RecordFormValues } from './form-values.ts';

const FORM_FIELDS = new Set<string>([...COMMON_FIELDS, ...Object.values(KIND_FIELDS).flat()]);

/**
 * The form field an issue belongs to: `properties.capacity` → `capacity`, `properties.languages[2]` →
 * `languages`, any `geometry…` → `geometry` (shown beside the map controls). Issues about the record
 * as a whole (its id, kind, an unknown property) have no field and are shown above the buttons.
 */
export function formFieldOf(issueField: string): FormFieldName | 'root' {
  if (issueField === 'geometry' || issueField.startsWith('geometry.') || issueField.startsWith('geometry[')) {
    return 'geometry';
  }
  const match = /^properties\.([A-Za-z0-9_]+)/.exec(issueField);
  const name = match?.[1];
  if (name !== undefined && FORM_FIELDS.has(name)) return name as FormFieldName;
  return 'root';
}

/**
 * Turns the domain's issues into react-hook-form errors: the first issue of a field wins (it is the
 * one the person can act on), the error's `type` is the issue code (translated when shown, so a
 * language switch re-translates it) and `message` keeps the domain's English text for the console.
 */
export function issuesToErrors(
  issues: FieldIssue[],
  values: Pick<RecordFormValues, 'geometry'>,
): FieldErrors<RecordFormValues> {
  const errors: Record<string, { type: string; message: string }> = {};
  for (const issue of issues) {
    const field = formFieldOf(issue.field);
    if (errors[field]) continue;
    // The domain reports a missing geometry as malformed; for the person it simply is not placed yet.
    const code = field === 'geometry' && values.geometry === null ? 'REQUIRED' : issue.code;
    errors[field] = { type: code, message: `${issue.field}: ${issue.message}` };
  }
  return errors as FieldErrors<RecordFormValues>;
}
