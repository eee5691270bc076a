import { RECORD_KINDS, type RecordKind } from '@quartiersatlas/domain';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LocalRecord, recordMatches, useLocalRecords, useMediaCounts, usePendingIds } from '../data/index.ts';
import { DeletedRecords } from './deleted-records.tsx';
import { RecordRow } from './record-row.tsx';
import { useRecordPresentation } from './use-record-presentation.ts';
import './records.css';

/** Deleted records stay offered for undo this long; older ones are only in the export. */
const RECENTLY_DELETED_MS = 7 * 24 * 60 * 60 * 1000;

const NO_MEDIA = { photo: 0, audio: 0, waiting: 0, remote: 0 };

function isRecordKind(value: string): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value);
}

export function RecordList({ quarterId, onOpen }: { quarterId: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<RecordKind | undefined>(undefined);
  const records = useLocalRecords({ quarterId, kind, includeDeleted: true });
  const pending = usePendingIds();
  const mediaCounts = useMediaCounts(records);
  const present = useRecordPresentation();

  const { active, deleted } = useMemo(() => {
    const since = new Date(Date.now() - RECENTLY_DELETED_MS).toISOString();
    const active: LocalRecord[] = [];
    const deleted: LocalRecord[] = [];
    for (const record of records ?? []) {
      // The category label is searched too: people look for "Kita", not for what the team typed.
      const { categoryLabel, kindLabel } = present(record);
      if (!recordMatches(record, search, [categoryLabel ?? '', kindLabel])) continue;
      if (!record.deleted) active.push(record);
      else if (record.localUpdatedAt >= since) deleted.push(record);
    }
    return { active, deleted };
  }, [records, search, present]);

  const filtered = search.trim() !== '' || kind !== undefined;
  return (
    <section className="records" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="records__heading">
        {t('records.heading')}
      </h2>
      <div className="records__filters">
        <div className="records__field records__field--search">
          <label htmlFor={`${id}-search`}>{t('records.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            autoComplete="off"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="records__field">
          <label htmlFor={`${id}-kind`}>{t('records.kindFilter')}</label>
          <select
            id={`${id}-kind`}
            value={kind ?? ''}
            onChange={(event) => setKind(isRecordKind(event.target.value) ? event.target.value : undefined)}
          >
            <option value="">{t('records.allKinds')}</option>
            {RECORD_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kind.${option}`, { count: 2 })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {records !== undefined && (
        <p className="records__count" role="status">
          {active.length === 0
            ? t(filtered ? 'records.noMatch' : 'records.empty')
            : t('records.resultCount', { count: active.length })}
        </p>
      )}
      {active.length > 0 && (
        <ul className="records__list">
          {active.map((record) => (
            <li key={record.id}>
              <RecordRow
                record={record}
                presentation={present(record)}
                pending={pending.has(record.id)}
                media={mediaCounts.get(record.id) ?? NO_MEDIA}
                onOpen={onOpen}
              />
            </li>
          ))}
        </ul>
      )}
      <DeletedRecords records={deleted} present={present} />
    </section>
  );
}
