import type { RecordKind } from '@quartiersatlas/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LocalSession } from '../data/index.ts';
import { TextField } from './form-controls.tsx';
import type { RecordFormValues } from './form-values.ts';

/**
 * The quarter and survey session the record belongs to, shown rather than asked (the shell chose the
 * quarter, the running session adopts new records), and the team's note.
 */
export function CommonFields({
  kind,
  isNew,
  quarterName,
  activeSession,
}: {
  kind: RecordKind;
  isNew: boolean;
  quarterName?: string;
  activeSession: LocalSession | null | undefined;
}) {
  const { t } = useTranslation();
  const [quarterId, sessionId] = useWatch<RecordFormValues, ['quarterId', 'sessionId']>({
    name: ['quarterId', 'sessionId'],
  });
  // A new record joins the running session of its quarter when it is saved (see data/createRecord).
  const session = isNew
    ? activeSession?.quarterId === quarterId
      ? activeSession.title
      : null
    : sessionId === ''
      ? null
      : sessionId === activeSession?.id
        ? activeSession.title
        : t('capture.session.other');
  return (
    <>
      <dl className="capture-facts">
        <div className="capture-facts__item">
          <dt>{t('capture.field.quarter')}</dt>
          <dd>{quarterName ?? quarterId}</dd>
        </div>
        <div className="capture-facts__item">
          <dt>{t('capture.field.session')}</dt>
          <dd>{session ?? t('capture.session.none')}</dd>
        </div>
      </dl>
      <TextField kind={kind} name="note" label={t('capture.field.note')} hint={t('capture.hint.note')} multiline />
    </>
  );
}
