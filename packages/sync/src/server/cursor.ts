/**
 * A pull cursor: `<epoch>.<version>`, where the epoch names the database and the version is the
 * last one the device has pulled. While a full pull is still below the purge horizon the cursor
 * carries that horizon as a third part, `<epoch>.<version>.<horizon>` (see `checkCursor`).
 * Clients treat cursors as opaque.
 */
export interface SyncCursor {
  epoch: string;
  version: number;
  /** The horizon in force when the full pull this cursor belongs to began; null for plain cursors. */
  passHorizon: number | null;
}

/** Where the database stands: its epoch, the purge horizon and the version counter. */
export interface SyncPosition {
  epoch: string;
  horizon: number;
  counter: number;
}

export type CursorVerdict = 'ok' | 'foreign-epoch' | 'below-horizon' | 'beyond-counter';

const NUMBER = /^(0|[1-9]\d{0,15})$/;

/** Reads a cursor; null when it is not one this server wrote. */
export function parseCursor(raw: string): SyncCursor | null {
  const [epoch, version, horizon, ...rest] = raw.split('.');
  if (!epoch || version === undefined || rest.length > 0 || !NUMBER.test(version)) return null;
  if (horizon !== undefined && !NUMBER.test(horizon)) return null;
  return { epoch, version: Number(version), passHorizon: horizon === undefined ? null : Number(horizon) };
}

/** The cursor after a page that ended at `version`, in a pull that began under `passHorizon`. */
export function formatCursor(epoch: string, version: number, passHorizon: number): string {
  return version < passHorizon ? `${epoch}.${version}.${passHorizon}` : `${epoch}.${version}`;
}

/**
 * Whether a device may continue from `cursor`, or must pull everything again.
 *
 * - Another epoch: the cursor comes from another database, or one restored from a backup.
 * - A version above the counter: the database lost writes the device has seen (restored backup).
 * - A version below the horizon: tombstones the device has not pulled may have been purged, so
 *   it could keep records that are gone. A full pull is exempt while the horizon has not moved
 *   since it began (`passHorizon`): the tombstones purged before it began belong to records that
 *   were already deleted then, so it never received them. Without this exemption a full pull over
 *   more live records below the horizon than one page holds would be sent back to the start forever.
 */
export function checkCursor(cursor: SyncCursor, position: SyncPosition): CursorVerdict {
  if (cursor.epoch !== position.epoch) return 'foreign-epoch';
  if (cursor.version > position.counter) return 'beyond-counter';
  if (cursor.version < position.horizon && cursor.passHorizon !== position.horizon) return 'below-horizon';
  return 'ok';
}
