import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';

/** The server keeps at most this many characters of a reason. */
export const REASON_MAX = 1000;

/**
 * Asks why a submission is rejected: the reason is required (it is kept in the record's history,
 * so colleagues later understand the decision). `serverInvalid` marks a reason the server refused.
 */
export function RejectForm({
  busy,
  serverInvalid,
  onReject,
  onCancel,
}: {
  busy: boolean;
  serverInvalid: boolean;
  onReject(reason: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const invalid = missing || serverInvalid;

  useEffect(() => field.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed === '') {
      setMissing(true);
      field.current?.focus();
      return;
    }
    onReject(trimmed);
  };

  return (
    <form className="reject-form" noValidate onSubmit={submit}>
      <label htmlFor={`${id}-reason`}>{t('review.reject.label')}</label>
      <p id={`${id}-hint`} className="reject-form__hint">
        {t('review.reject.hint')}
      </p>
      <textarea
        ref={field}
        id={`${id}-reason`}
        name="reason"
        rows={3}
        maxLength={REASON_MAX}
        value={reason}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => {
          setReason(event.target.value);
          if (event.target.value.trim() !== '') setMissing(false);
        }}
      />
      {invalid && (
        <p id={`${id}-error`} className="form-error">
          <Pictogram name="alert" size={18} />
          <span>{t('review.reject.required')}</span>
        </p>
      )}
      <div className="reject-form__actions">
        <button type="submit" className="button review-button--danger" disabled={busy}>
          <Pictogram name="close" size={20} />
          <span>{t('review.reject.confirm')}</span>
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={onCancel}>
          {t('review.reject.cancel')}
        </button>
      </div>
    </form>
  );
}
