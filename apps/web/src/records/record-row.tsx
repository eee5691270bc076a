import { useTranslation } from 'react-i18next';
import type { LocalRecord, MediaSummary } from '../data/index.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useDateFormat } from './use-date-format.ts';
import type { RecordPresentation } from './use-record-presentation.ts';

interface RecordRowProps {
  record: LocalRecord;
  presentation: RecordPresentation;
  pending: boolean;
  media: MediaSummary;
  onOpen: (id: string) => void;
}

export function RecordRow({ record, presentation, pending, media, onOpen }: RecordRowProps) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const { icon, title, kindLabel, categoryLabel } = presentation;
  const held = media.photo + media.audio;
  return (
    <button type="button" className={`record-row record-row--${record.kind}`} onClick={() => onOpen(record.id)}>
      <span className="record-row__icon">
        <Pictogram name={icon} size={28} />
      </span>
      <span className="record-row__body">
        <span className="record-row__title">
          <bdi>{title}</bdi>
        </span>
        <span className="record-row__meta">
          <span>{categoryLabel && categoryLabel !== title ? categoryLabel : kindLabel}</span>
          <span>{t('records.changedAt', { date: format.dateTime(record.localUpdatedAt) })}</span>
        </span>
        {(pending || held > 0) && (
          <span className="record-row__badges">
            {pending && (
              <span className="record-badge record-badge--pending">
                <Pictogram name="pending" size={16} />
                {t('records.notSynced')}
              </span>
            )}
            {media.photo > 0 && <span className="record-badge">{t('records.photos', { count: media.photo })}</span>}
            {media.audio > 0 && <span className="record-badge">{t('records.voiceNotes', { count: media.audio })}</span>}
            {media.waiting > 0 && (
              <span className="record-badge record-badge--pending" data-media="waiting">
                <Pictogram name="pending" size={16} />
                {t('records.mediaWaiting')}
              </span>
            )}
            {held > 0 && media.waiting === 0 && (
              <span className="record-badge" data-media="uploaded">
                <Pictogram name="check" size={16} />
                {t('records.mediaUploaded')}
              </span>
            )}
          </span>
        )}
      </span>
    </button>
  );
}
