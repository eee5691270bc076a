import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { RefusedMediaList } from './refused-media-list.tsx';
import { type RejectedActions, RejectedList } from './rejected-list.tsx';
import { useSyncActions, useSyncState } from './sync-provider.tsx';
import { SyncStatus } from './sync-status.tsx';
import { type RejectedEntry, useRejected, useWaiting } from './use-sync-data.ts';
import './sync.css';

interface Props {
  open: boolean;
  onClose: () => void;
  /** "Edit and send again": the shell opens the record's form and sends the change again on save. */
  onEdit: (entry: RejectedEntry) => void;
}

/** Everything about sync in one place: state, progress, what waits, and the changes the server refused. */
export function SyncSheet({ open, onClose, onEdit }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const state = useSyncState();
  const waiting = useWaiting();
  const rejected = useRejected();
  const sync = useSyncActions();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const actions: RejectedActions | null = sync && {
    retry: sync.retryRejected,
    discard: sync.discardRejected,
    edit: (entry) => {
      onClose();
      onEdit(entry);
    },
  };

  return (
    <dialog ref={dialog} className="sheet sync-sheet" aria-labelledby="sync-title" onClose={onClose}>
      <div className="sheet__head">
        <h2 id="sync-title" className="sheet__title">
          {t('sync.title')}
        </h2>
        <button type="button" className="sheet__close" aria-label={t('common.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      {open && (
        <div className="sheet__body">
          <SyncStatus state={state} waiting={waiting} onSyncNow={sync?.syncNow} />
          <RejectedList entries={rejected} actions={actions} />
          <RefusedMediaList retry={sync?.retryMedia ?? null} />
        </div>
      )}
    </dialog>
  );
}
