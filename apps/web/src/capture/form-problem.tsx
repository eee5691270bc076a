import type { RecordKind } from '@quartiersatlas/domain';
import { useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import type { RecordFormValues } from './form-values.ts';
import { useIssueText } from './issue-text.tsx';
import type { SaveProblem } from './save-record.ts';

export type Problem = SaveProblem | { type: 'deleteFailed' };

/**
 * Why the last save did not happen, next to the Save button where the eye is: marked fields, a full
 * device, or a failure — always with the reassurance that the input is still there.
 */
export function FormProblem({ kind, problem }: { kind: RecordKind; problem: Problem | null }) {
  const { t, i18n } = useTranslation();
  const issueText = useIssueText(kind);
  const { errors, submitCount } = useFormState<RecordFormValues>();
  const invalid = submitCount > 0 && Object.keys(errors).length > 0;
  const lines: string[] = [];
  if (invalid || problem?.type === 'validation') lines.push(t('capture.error.summary'));
  if (errors.root?.type) lines.push(issueText('root', { type: String(errors.root.type) }));
  if (problem?.type === 'storageFull') lines.push(t('capture.error.storageFull'));
  if (problem?.type === 'failed') lines.push(t('capture.error.saveFailed'));
  if (problem?.type === 'deleteFailed') lines.push(t('capture.error.deleteFailed'));
  if (problem?.type === 'data') {
    // Data-layer messages live in its own namespace; one that is not translated yet reads as a failed save.
    lines.push(
      i18n.exists(problem.messageKey) ? String(t(problem.messageKey as never)) : t('capture.error.saveFailed'),
    );
  }
  return (
    <div role="alert" className="capture-form__problem">
      {lines.length > 0 && (
        <div className="form-error">
          <Pictogram name="alert" size={20} />
          <div>
            {lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
