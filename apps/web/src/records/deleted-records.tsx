import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataErrorKey, type LocalRecord, restoreRecord } from '../data/index.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import type { RecordPresentation } from './use-record-presentation.ts';

interface DeletedRecordsProps {
  records: LocalRecord[];
  present: (record: LocalRecord) => RecordPresentation;
}

/** Deleted records with an undo: deleting is one tap in the field, so taking it back must be one too. */
export function DeletedRecords({ records, present }: DeletedRecordsProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<ReturnType<typeof dataErrorKey> | null>(null);
  if (records.length === 0) return null;

  const restore = async (id: string) => {
    setError(null);
    try {
      await restoreRecord(id);
    } catch (caught) {
      setError(dataErrorKey(caught));
    }
  };

  return (
    <section className="deleted-records" aria-labelledby="deleted-records-heading">
      <h3 id="deleted-records-heading" className="deleted-records__heading">
        {t('records.deletedHeading')}
      </h3>
      {error && (
        <p className="records-error" role="alert">
          {t(error)}
        </p>
      )}
      <ul className="deleted-records__list">
        {records.map((record) => {
          const { icon, title } = present(record);
          return (
            <li key={record.id} className="deleted-record">
              <Pictogram name={icon} size={20} />
              <span className="deleted-record__title">
                <bdi>{title}</bdi>
              </span>
              <button
                type="button"
                className="button button--secondary deleted-record__restore"
                aria-label={t('records.restoreLabel', { name: title })}
                onClick={() => void restore(record.id)}
              >
                <Pictogram name="undo" size={20} />
                <span>{t('records.restore')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
