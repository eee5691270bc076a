import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addSupporter,
  dataErrorKey,
  type LocalRecord,
  removeSupporter,
  useActiveSession,
  useLocalRecords,
} from '../data/index.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useRecordPresentation } from '../records/use-record-presentation.ts';
import './sessions.css';

const EXCERPT_LENGTH = 90;

type Feedback =
  | { type: 'added'; id: string; name: string; count: number }
  | { type: 'undone'; name: string }
  | { type: 'error'; key: ReturnType<typeof dataErrorKey> };

function supporters(record: LocalRecord): number {
  const count = record.feature.properties.supporters;
  return typeof count === 'number' ? count : 0;
}

/** First-strong isolation: a German need quoted in an Arabic sentence keeps its own direction. */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

function excerpt(text: string): string {
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/**
 * The Quartierszirkel "+1" board for a shared tablet: the session's needs as large buttons, one tap
 * adds a vote. Rows keep their order (oldest first) so nothing moves under a finger while people tap.
 */
export function SupportersBoard({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const inQuarter = session && session.quarterId === quarterId ? session : null;
  const records = useLocalRecords({ sessionId: inQuarter?.id ?? '', kind: 'need' });
  const present = useRecordPresentation();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const needs = useMemo(
    () => (inQuarter ? [...(records ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) : []),
    [records, inQuarter],
  );

  if (session === undefined) return null;

  const nameOf = (record: LocalRecord) => {
    const text = record.feature.properties.text;
    if (typeof text === 'string' && text.trim() !== '') return excerpt(text.trim());
    return present(record).categoryLabel ?? t('sessions.supporters.untitled');
  };

  const add = async (record: LocalRecord) => {
    try {
      const count = await addSupporter(record.id);
      setFeedback({ type: 'added', id: record.id, name: nameOf(record), count });
    } catch (caught) {
      setFeedback({ type: 'error', key: dataErrorKey(caught) });
    }
  };

  const undo = async (id: string, name: string) => {
    try {
      await removeSupporter(id);
      setFeedback({ type: 'undone', name });
    } catch (caught) {
      setFeedback({ type: 'error', key: dataErrorKey(caught) });
    }
  };

  return (
    <section className="supporters" aria-labelledby="supporters-heading">
      <h2 id="supporters-heading" className="supporters__heading">
        {t('sessions.supporters.heading')}
      </h2>
      {!inQuarter && <p className="supporters__hint">{t('sessions.supporters.noSession')}</p>}
      {inQuarter && records !== undefined && needs.length === 0 && (
        <p className="supporters__hint">{t('sessions.supporters.empty')}</p>
      )}
      {needs.length > 0 && (
        <>
          <p className="supporters__hint">{t('sessions.supporters.intro')}</p>
          <ul className="supporters__list">
            {needs.map((record) => {
              const count = supporters(record);
              const bumped = feedback?.type === 'added' && feedback.id === record.id;
              return (
                <li key={record.id}>
                  <button
                    type="button"
                    className={bumped ? 'supporter supporter--bumped' : 'supporter'}
                    onClick={() => void add(record)}
                  >
                    <span className="supporter__icon">
                      <Pictogram name={present(record).icon} size={36} />
                    </span>
                    <span className="supporter__text">
                      <bdi>{nameOf(record)}</bdi>
                    </span>
                    <span key={count} className="supporter__count">
                      {t('sessions.supporters.count', { count })}
                    </span>
                    <span className="supporter__plus" aria-hidden="true" dir="ltr">
                      {t('sessions.supporters.plusOne')}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="supporters__feedback">
        <p className="supporters__status" role="status">
          {feedback?.type === 'added' &&
            t('sessions.supporters.added', { name: isolate(feedback.name), count: feedback.count })}
          {feedback?.type === 'undone' && t('sessions.supporters.undone', { name: isolate(feedback.name) })}
          {feedback?.type === 'error' && <span className="sessions-error">{t(feedback.key)}</span>}
        </p>
        {feedback?.type === 'added' && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void undo(feedback.id, feedback.name)}
          >
            <Pictogram name="undo" size={20} />
            <span>{t('sessions.supporters.undo')}</span>
          </button>
        )}
      </div>
    </section>
  );
}
