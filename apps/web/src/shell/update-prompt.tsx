import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { useUnsyncedCount } from '../data/index.ts';
import { useSyncState } from '../sync/index.ts';
import { useAnyDirty } from './dirty.ts';
import { applyUpdate, useUpdateWaiting } from './service-worker.ts';
import { updateBlocker } from './update-gate.ts';

/** "A new version is ready": never reloads over unsynced changes or a form being filled in. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const waiting = useUpdateWaiting();
  const unsynced = useUnsyncedCount();
  const dirty = useAnyDirty();
  // An app too old for the server's sync would wait for the outbox forever: only the update lets it empty.
  const outdated = useSyncState().stopped === 'outdated';
  if (!waiting) return null;
  const blocker = updateBlocker(outdated ? 0 : unsynced, dirty);
  const reasonId = 'update-prompt-reason';
  return (
    <div className="update-prompt" role="status">
      <Icon name="refresh" className="update-prompt__icon" />
      <div className="update-prompt__body">
        <p className="update-prompt__title">{t('update.ready')}</p>
        {blocker && (
          <p id={reasonId} className="update-prompt__reason">
            {blocker === 'dirty' ? t('update.waitForForm') : t('update.waitForSync', { count: unsynced })}
          </p>
        )}
      </div>
      <button
        type="button"
        className="button button--primary update-prompt__action"
        disabled={blocker !== null}
        aria-describedby={blocker ? reasonId : undefined}
        onClick={applyUpdate}
      >
        {t('update.now')}
      </button>
    </div>
  );
}
