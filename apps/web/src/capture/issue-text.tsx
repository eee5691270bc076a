import type { RecordKind } from '@quartiersatlas/domain';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { FormFieldName } from './form-values.ts';
import { issueMessage } from './issue-message.ts';

/** The translated message for a field's error; the error's `type` is the domain's issue code. */
export function useIssueText(kind: RecordKind) {
  const { t } = useTranslation();
  const format = useFormat();
  return (field: FormFieldName | 'root', error: Pick<FieldError, 'type'>) => {
    const { key, limit } = issueMessage(kind, field, String(error.type));
    return t(key, { limit: limit === undefined ? '' : format.number(limit) });
  };
}

/** The error line under a field; `id` is what the field's `aria-describedby` points at. */
export function FieldIssue({
  id,
  kind,
  field,
  error,
}: {
  id: string;
  kind: RecordKind;
  field: FormFieldName;
  error: Pick<FieldError, 'type'> | undefined;
}) {
  const text = useIssueText(kind);
  if (!error) return null;
  return (
    <p id={id} className="capture-issue">
      {text(field, error)}
    </p>
  );
}
