import { useTranslation } from 'react-i18next';
import { Sheet } from '../components/sheet.tsx';
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
  const state = useSyncState();
  const waiting = useWaiting();
  const rejected = useRejected();
  const sync = useSyncActions();

  const actions: RejectedActions | null = sync && {
    retry: sync.retryRejected,
    discard: sync.discardRejected,
    edit: (entry) => {
      onClose();
      onEdit(entry);
    },
  };

  return (
    <Sheet open={open} onClose={onClose} titleId="sync-title" title={t('sync.title')} className="sync-sheet">
      <SyncStatus state={state} waiting={waiting} onSyncNow={sync?.syncNow} />
      <RejectedList entries={rejected} actions={actions} />
      <RefusedMediaList retry={sync?.retryMedia ?? null} />
    </Sheet>
  );
}
