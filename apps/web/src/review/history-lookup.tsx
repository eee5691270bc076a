import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { RecordHistory } from './record-history.tsx';
import type { RecordText } from './record-text.ts';
import { useRecordLookup } from './use-record-lookup.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Found({ recordId, text }: { recordId: string; text: RecordText }) {
  const { t } = useTranslation();
  const record = useRecordLookup([recordId]).get(recordId);
  const shown = record ? text.present(record) : null;
  return (
    <article className="review-detail review-detail--history">
      {shown && (
        <header className="review-detail__head">
          <span className={`review-row__icon review-row__icon--${record?.properties.kind}`}>
            <Pictogram name={shown.icon} size={32} />
          </span>
          <div>
            <h2 className="review-detail__title">
              <bdi>{shown.title}</bdi>
            </h2>
            <p className="review-detail__meta">
              <span>{shown.categoryLabel ?? shown.kindLabel}</span>
              {typeof record?.properties.quarterId === 'string' && (
                <span>{text.quarterName(record.properties.quarterId)}</span>
              )}
            </p>
          </div>
        </header>
      )}
      {record === null && <p className="review-muted">{t('review.lookup.notOnDevice')}</p>}
      <RecordHistory recordId={recordId} text={text} />
    </article>
  );
}

/** The history of any record by its id (as exports, the OGC API and sync logs name records). */
export function HistoryLookup({ text }: { text: RecordText }) {
  const { t } = useTranslation();
  const id = useId();
  const [input, setInput] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [recordId, setRecordId] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = input.trim().toLowerCase();
    if (!UUID.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setRecordId(value);
  };

  return (
    <div className="review-lookup">
      <form className="review-lookup__form" noValidate onSubmit={submit}>
        <label htmlFor={`${id}-record`}>{t('review.lookup.label')}</label>
        <p id={`${id}-hint`} className="reject-form__hint">
          {t('review.lookup.hint')}
        </p>
        <div className="review-lookup__row">
          <input
            id={`${id}-record`}
            dir="ltr"
            spellCheck={false}
            autoComplete="off"
            value={input}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(event) => setInput(event.target.value)}
          />
          <button type="submit" className="button button--primary">
            {t('review.lookup.show')}
          </button>
        </div>
        {invalid && (
          <p id={`${id}-error`} className="form-error">
            <Pictogram name="alert" size={18} />
            <span>{t('review.lookup.invalid')}</span>
          </p>
        )}
      </form>
      {recordId && <Found key={recordId} recordId={recordId} text={text} />}
    </div>
  );
}
