import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import { Icon } from '../components/icon.tsx';
import { useUnsyncedCount } from '../data/index.ts';
import { errorKey } from '../format.ts';
import { signInDevice } from './auth.ts';
import { useOnline } from './online.ts';

type Problem = ApiError | 'missing' | null;

/** When a locked account opens again (ACCOUNT_LOCKED `details.until`), as a time in `language`. */
export function lockedUntil(error: ApiError, language: string): string {
  const until = (error.details as { until?: unknown } | undefined)?.until;
  const time = typeof until === 'string' ? new Date(until) : null;
  if (!time || Number.isNaN(time.getTime())) return '';
  const sameDay = time.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(language, {
    ...(sameDay ? {} : { dateStyle: 'medium' }),
    timeStyle: 'short',
  }).format(time);
}

/** Username and password once; the device then keeps a token and works offline. */
export function SignInCard() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const online = useOnline();
  // Signed out, nothing syncs: changes someone left on this device wait for the next sign-in.
  const unsynced = useUnsyncedCount();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);

  const flagged = (field: 'username' | 'password', value: string) => {
    if (problem === null) return false;
    if (problem === 'missing') return value.trim() === '';
    return problem.code === 'INVALID_CREDENTIALS' || problem.fields.includes(field);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setProblem('missing');
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      // Success stores the account in IndexedDB, and the app switches to the signed-in views.
      await signInDevice(username.trim(), password);
    } catch (error) {
      setProblem(toApiError(error));
      setPassword('');
      setPending(false);
    }
  }

  const errorId = `${id}-error`;
  const describedBy = problem ? errorId : undefined;
  return (
    <section className="section section--account card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card__title">
        <Icon name="user" />
        <span>{t('auth.fieldHeading')}</span>
      </h2>
      <p className="card__intro">{t('auth.fieldIntro')}</p>
      {unsynced > 0 && (
        <p className="notice notice--warning" role="status">
          <Icon name="cloud-up" className="notice__icon" />
          <span>{t('sync.signedOutWaiting', { count: unsynced })}</span>
        </p>
      )}
      <form className="sign-in" onSubmit={submit} noValidate aria-describedby={describedBy}>
        <div className="form-field">
          <label htmlFor={`${id}-username`}>{t('auth.username')}</label>
          <input
            id={`${id}-username`}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            dir="ltr"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={flagged('username', username) || undefined}
            aria-describedby={describedBy}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            dir="ltr"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={flagged('password', password) || undefined}
            aria-describedby={describedBy}
          />
        </div>
        {problem && (
          <p id={errorId} className="form-error" role="alert">
            <Icon name="alert" />
            <span>
              {problem === 'missing'
                ? t('auth.missingFields')
                : problem.code === 'network'
                  ? t('auth.needsNetwork')
                  : t(errorKey(problem.code), { until: lockedUntil(problem, i18n.resolvedLanguage ?? i18n.language) })}
            </span>
          </p>
        )}
        {!online && !problem && <p className="sign-in__hint">{t('auth.needsNetwork')}</p>}
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </section>
  );
}
