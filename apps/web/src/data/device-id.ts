import { db } from './db.ts';
import { guardQuota } from './errors.ts';
import { META } from './meta.ts';
import { newId } from './uuid.ts';

/**
 * This installation's id for sync: made once, then kept in meta for good (signing out keeps it too),
 * because the server tells a device's own ops apart from other devices' by it.
 */
export async function deviceId(): Promise<string> {
  const stored = await db.meta.get(META.deviceId);
  if (typeof stored?.value === 'string') return stored.value;
  // Two tabs may ask at once: the transaction makes the second one read what the first one wrote.
  return guardQuota(() =>
    db.transaction('rw', db.meta, async () => {
      const again = await db.meta.get(META.deviceId);
      if (typeof again?.value === 'string') return again.value;
      const id = newId();
      await db.meta.put({ key: META.deviceId, value: id });
      return id;
    }),
  );
}
