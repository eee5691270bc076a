import type { FieldIssue, RecordKind } from '@quartiersatlas/domain';
import { sourceMessages } from '@quartiersatlas/i18n';
import type { RejectedOp } from '@quartiersatlas/sync';
import { useTranslation } from 'react-i18next';
import { formFieldOf, useIssueText } from '../capture/index.ts';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useRecordPresentation } from '../records/index.ts';
import { ProblemSection } from './problem-section.tsx';
import { useItemAction } from './use-item-action.ts';
import type { RejectedEntry } from './use-sync-data.ts';

const OP_LABELS = {
  create: 'sync.rejected.op.create',
  update: 'sync.rejected.op.update',
  delete: 'sync.rejected.op.delete',
  'create-session': 'sync.rejected.op.createSession',
  'update-session': 'sync.rejected.op.updateSession',
} as const satisfies Record<RejectedOp['type'], string>;

type FieldLabelKey = `capture.field.${keyof typeof sourceMessages.capture.field & string}`;

function fieldLabelKey(field: string): FieldLabelKey | 'capture.location.heading' | null {
  if (field === 'geometry') return 'capture.location.heading';
  return Object.hasOwn(sourceMessages.capture.field, field) ? (`capture.field.${field}` as FieldLabelKey) : null;
}

/** The server's field issues in the words the forms use: "Plätze: Der Wert ist zu klein (mindestens 0)." */
function IssueLines({ kind, issues }: { kind: RecordKind; issues: FieldIssue[] }) {
  const { t } = useTranslation();
  const issueText = useIssueText(kind);
  return (
    <ul className="rejected__issues">
      {issues.map((issue) => {
        const field = formFieldOf(issue.field);
        const label = fieldLabelKey(field);
        return (
          <li key={`${issue.field}:${issue.code}`} className="rejected__issue">
            {label && <strong>{t(label)}</strong>}
            <span>{issueText(field, { type: issue.code })}</span>
          </li>
        );
      })}
    </ul>
  );
}

export interface RejectedActions {
  retry(opId: string): Promise<void>;
  discard(opId: string): Promise<void>;
  /** Opens the record's form; saving it sends the change again. */
  edit(entry: RejectedEntry): void;
}

function RejectedItem({ entry, actions }: { entry: RejectedEntry; actions: RejectedActions | null }) {
  const { t } = useTranslation();
  const present = useRecordPresentation();
  const { busy, failed, run } = useItemAction();
  const { op, record, session } = entry;
  const shown = record ? present(record) : null;
  const title = shown?.title ?? session?.title ?? t('sync.rejected.gone');
  const detail = shown ? (shown.categoryLabel ?? shown.kindLabel) : session ? t(`sessions.kind.${session.kind}`) : null;
  const issues = record ? (op.reason.issues ?? []) : [];
  // Field issues say more than a specific code's message ("this category is gone, choose another");
  // only the general VALIDATION_FAILED needs its summary above them.
  const reasonShown = issues.length === 0 || op.reason.code === 'VALIDATION_FAILED';
  const editable = record !== undefined && !record.deleted && (op.type === 'create' || op.type === 'update');

  const act = (action: (opId: string) => Promise<void>) => run(() => action(op.opId));

  return (
    <li className="rejected" data-op-id={op.opId}>
      <div className="rejected__what">
        <span className={`rejected__icon rejected__icon--${record?.kind ?? 'session'}`}>
          <Pictogram name={shown?.icon ?? 'pending'} size={24} />
        </span>
        <div className="rejected__text">
          <p className="rejected__title">
            <bdi>{title}</bdi>
          </p>
          <p className="rejected__meta">
            {detail && <span>{detail}</span>}
            <span>{t(OP_LABELS[op.type])}</span>
          </p>
        </div>
      </div>
      <div className="rejected__why">
        {reasonShown && <p className="rejected__reason">{t(errorKey(op.reason.code))}</p>}
        {record && issues.length > 0 && <IssueLines kind={record.kind} issues={issues} />}
      </div>
      {failed && (
        <p className="form-error" role="alert">
          {t('sync.rejected.failed')}
        </p>
      )}
      <div className="rejected__actions">
        {editable && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy || !actions}
            onClick={() => actions?.edit(entry)}
          >
            <Pictogram name="draw" size={20} />
            <span>{t('sync.rejected.edit')}</span>
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !actions}
          onClick={() => actions && void act(actions.retry)}
        >
          <Pictogram name="undo" size={20} />
          <span>{t('sync.rejected.retry')}</span>
        </button>
        <button
          type="button"
          className="button rejected__discard"
          disabled={busy || !actions}
          onClick={() => actions && void act(actions.discard)}
        >
          <Pictogram name="trash" size={20} />
          <span>{t('sync.rejected.discard')}</span>
        </button>
      </div>
    </li>
  );
}

/** Changes the server refused: which record, why, and what the person can do. */
export function RejectedList({ entries, actions }: { entries: RejectedEntry[]; actions: RejectedActions | null }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <ProblemSection headingId="rejected-heading" heading={t('sync.rejected.heading')} intro={t('sync.rejected.intro')}>
      {entries.map((entry) => (
        <RejectedItem key={entry.op.opId} entry={entry} actions={actions} />
      ))}
    </ProblemSection>
  );
}
