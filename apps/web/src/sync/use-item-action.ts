import { useState } from 'react';

/**
 * One action on an item of the sync sheet (send again, discard, remove): its buttons are disabled
 * while it runs, and a failure is shown on the item. On success the item usually disappears.
 */
export function useItemAction() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function run(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    setFailed(false);
    try {
      await action();
    } catch (error) {
      console.error('sync sheet action failed', error);
      setFailed(true);
      setBusy(false);
    }
  }

  return { busy, failed, run };
}
