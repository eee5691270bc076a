import type { Account } from '@quartiersatlas/domain';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import { fetchCurrentAccount, signIn, signOut } from '../api/endpoints.ts';
import { errorKey } from '../format.ts';
import { Icon } from './icon.tsx';
import { Loading } from './status.tsx';

type Problem = ApiError | 'missing' | null;

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts.at(-1)] : [parts[0]];
  return letters
    .map((part) => Array.from(part ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

function SignInForm({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const { t } = useTranslation();
  const id = useId();
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
      onSignedIn(await signIn(username.trim(), password));
    } catch (error) {
      setProblem(toApiError(error));
      setPassword('');
    } finally {
      setPending(false);
    }
  }

  const errorId = `${id}-error`;
  return (
    <form className="sign-in" onSubmit={submit} noValidate aria-describedby={problem ? errorId : undefined}>
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
          aria-describedby={problem ? errorId : undefined}
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
          aria-describedby={problem ? errorId : undefined}
        />
      </div>
      {problem && (
        <p id={errorId} className="form-error" role="alert">
          <Icon name="alert" />
          <span>{problem === 'missing' ? t('auth.missingFields') : t(errorKey(problem.code))}</span>
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('auth.signingIn') : t('auth.signIn')}
      </button>
    </form>
  );
}

function SignedIn({ account, onSignedOut }: { account: Account; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  async function leave() {
    setPending(true);
    setProblem(null);
    try {
      await signOut();
      onSignedOut();
    } catch (error) {
      setProblem(toApiError(error));
      setPending(false);
    }
  }

  return (
    <div className="account">
      <div className="account__who">
        <span className="account__avatar" aria-hidden="true">
          {initials(account.displayName)}
        </span>
        <p className="account__name">
          {t('auth.signedInAs', { name: account.displayName, role: t(`role.${account.role}`) })}
        </p>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          <Icon name="alert" />
          <span>{t(errorKey(problem.code))}</span>
        </p>
      )}
      <button type="button" className="button button--secondary" onClick={leave} disabled={pending}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}

type AccountState = { status: 'loading' } | { status: 'ready'; account: Account | null };

/** Sign-in for field teams and planners; residents never need it, so it stays one compact card. */
export function AccountPanel() {
  const { t } = useTranslation();
  const [state, setState] = useState<AccountState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchCurrentAccount(controller.signal).then(
      (account) => setState({ status: 'ready', account }),
      () => {
        // Unknown session state (offline, server down): offer the form; signing in reports the cause.
        if (!controller.signal.aborted) setState({ status: 'ready', account: null });
      },
    );
    return () => controller.abort();
  }, []);

  const account = state.status === 'ready' ? state.account : null;
  return (
    <section className="section section--account card" aria-labelledby="account-heading">
      <h2 id="account-heading" className="card__title">
        <Icon name="user" />
        <span>{account ? t('auth.accountHeading') : t('auth.heading')}</span>
      </h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ready' &&
        (account ? (
          <SignedIn account={account} onSignedOut={() => setState({ status: 'ready', account: null })} />
        ) : (
          <>
            <p className="card__intro">{t('auth.intro')}</p>
            <SignInForm onSignedIn={(signedIn) => setState({ status: 'ready', account: signedIn })} />
          </>
        ))}
    </section>
  );
}
