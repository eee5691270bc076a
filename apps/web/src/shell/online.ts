import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

const snapshot = () => navigator.onLine;

/** Whether the browser believes it has a network; `false` is reliable, `true` only means "maybe". */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => true);
}
