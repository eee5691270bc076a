import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { useUnsyncedCount } from '../data/index.ts';
import { signOutDevice } from './auth.ts';

/** Signing out keeps local records; with unsynced changes it says so and asks once more. */
export function SignOut() {
  const { t } = useTranslation();
  const unsynced = useUnsyncedCount();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function leave() {
    if (unsynced > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    await signOutDevice();
  }

  return (
    <div className="sign-out">
      {confirming && (
        <p className="notice notice--warning" role="alert">
          <Icon name="alert" className="notice__icon" />
          <span>{t('shell.signOutUnsynced', { count: unsynced })}</span>
        </p>
      )}
      <button type="button" className="button button--secondary menu__action" onClick={leave} disabled={busy}>
        <Icon name="logout" />
        <span>{confirming ? t('shell.signOutAnyway') : t('auth.signOut')}</span>
      </button>
    </div>
  );
}
