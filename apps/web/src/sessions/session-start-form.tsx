import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataErrorKey, startSession } from '../data/index.ts';
import { useDateFormat } from '../records/use-date-format.ts';

export type StartableKind = 'walkabout' | 'quartierszirkel';

interface SessionStartFormProps {
  kind: StartableKind;
  quarterId: string;
  onDone: () => void;
}

/** Asks only for a title, prefilled with kind and date: starting must take one tap in the rain. */
export function SessionStartForm({ kind, quarterId, onDone }: SessionStartFormProps) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const id = useId();
  const [title, setTitle] = useState(() => t(`sessions.defaultTitle.${kind}`, { date: format.date(new Date()) }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReturnType<typeof dataErrorKey> | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await startSession({ kind, title, quarterId });
      onDone();
    } catch (caught) {
      setError(dataErrorKey(caught));
      setBusy(false);
    }
  };

  return (
    <form className="session-start" onSubmit={(event) => void submit(event)}>
      <div className="form-field session-start__field">
        <label htmlFor={`${id}-title`}>{t('sessions.titleLabel')}</label>
        <input
          id={`${id}-title`}
          value={title}
          required
          maxLength={200}
          aria-invalid={error === 'data.validationFailed'}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      {error && (
        <p id={`${id}-error`} className="sessions-error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="session-start__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('sessions.confirmStart')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('sessions.cancel')}
        </button>
      </div>
    </form>
  );
}
