import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { dismissUndoToast, UNDO_VISIBLE_MS, useUndoToast } from './undo-toast.ts';
import './undo-toast.css';

/**
 * Shows the "deleted – Undo" toast for about eight seconds. The countdown pauses while one of its
 * buttons has focus, so someone who reaches for it with the keyboard does not lose it.
 */
export function UndoToastHost() {
  const { t } = useTranslation();
  const toast = useUndoToast();
  const [paused, setPaused] = useState(false);
  const [failed, setFailed] = useState(false);
  const remaining = useRef(UNDO_VISIBLE_MS);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new toast restarts the countdown
  useEffect(() => {
    remaining.current = UNDO_VISIBLE_MS;
    setFailed(false);
  }, [toast?.id]);

  useEffect(() => {
    if (!toast || paused) return;
    const startedAt = Date.now();
    const timeout = window.setTimeout(() => dismissUndoToast(toast.id), remaining.current);
    return () => {
      window.clearTimeout(timeout);
      remaining.current = Math.max(1_000, remaining.current - (Date.now() - startedAt));
    };
  }, [toast, paused]);

  // Keyboard users who reach the toast keep it until they leave it.
  const pause = { onFocus: () => setPaused(true), onBlur: () => setPaused(false) };

  async function undo() {
    if (!toast) return;
    try {
      await toast.undo();
      dismissUndoToast(toast.id);
    } catch (error) {
      console.error('undo failed', error);
      setFailed(true);
    }
  }

  return (
    <div className="undo-toast-region" aria-live="polite">
      {toast && (
        <div className="undo-toast">
          <p className="undo-toast__message">{failed ? t('capture.toast.undoFailed') : toast.message}</p>
          <button
            type="button"
            className="button button--secondary undo-toast__undo"
            onClick={() => void undo()}
            {...pause}
          >
            <Pictogram name="undo" size={20} />
            {t('capture.action.undo')}
          </button>
          <button
            type="button"
            className="undo-toast__close"
            onClick={() => dismissUndoToast(toast.id)}
            {...pause}
            aria-label={t('capture.action.close')}
            title={t('capture.action.close')}
          >
            <Pictogram name="close" size={20} />
          </button>
        </div>
      )}
    </div>
  );
}
