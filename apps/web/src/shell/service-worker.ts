import { useSyncExternalStore } from 'react';
import { Workbox } from 'workbox-window';

/**
 * Registers the service worker and tracks whether a new version waits. The new version takes over
 * only when the update prompt asks for it (`applyUpdate`), and the page reloads only then.
 */
let workbox: Workbox | undefined;
let waiting = false;
let applying = false;
const listeners = new Set<() => void>();

function setWaiting(value: boolean): void {
  waiting = value;
  for (const listener of listeners) listener();
}

// Look for a new version once an hour and whenever the app comes back to the foreground.
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  workbox = wb;
  wb.addEventListener('waiting', () => setWaiting(true));
  // The very first version takes control of the page that installed it: nothing to reload then.
  // Later changes of controller are new versions; another tab may have applied one, and this tab
  // then asks before reloading, like for any update.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (applying) window.location.reload();
    else if (controlled) setWaiting(true);
    controlled = true;
  });
  void wb.register().catch((error: unknown) => console.warn('service worker registration failed', error));
  const check = () => {
    if (navigator.onLine) void wb.update().catch(() => undefined);
  };
  setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

/** Activates the waiting version; the page reloads once it controls the page. */
export function applyUpdate(): void {
  applying = true;
  if (!workbox || navigator.serviceWorker.controller === null) {
    window.location.reload();
    return;
  }
  workbox.messageSkipWaiting();
  // Nothing waiting any more (another tab already activated it): reload into the active version.
  void navigator.serviceWorker.getRegistration().then((registration) => {
    if (!registration?.waiting) window.location.reload();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => waiting,
    () => false,
  );
}
