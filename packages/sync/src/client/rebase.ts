import { SERVER_FIELDS } from '@quartiersatlas/domain';
import type { RecordChanges, SyncRow } from '../protocol.ts';
import type { ClientFeature, ClientRecord, PendingOp } from './types.ts';

/** What to do with the local copy of a record when a server row for it arrives. */
export type RebaseAction = { kind: 'put'; record: ClientRecord } | { kind: 'remove' } | { kind: 'keep' };

/** Which parts of a local record pending ops have written and the server has not answered yet. */
export interface PendingFields {
  /** A pending create or restore: the whole record is the device's. */
  all: boolean;
  geometry: boolean;
  properties: Set<string>;
  /** A pending delete or restore: whether the record is deleted is the device's. */
  deletion: boolean;
}

const SERVER_FIELD_NAMES: ReadonlySet<string> = new Set(SERVER_FIELDS);

/** The feature of a server row as a device keeps it: without the fields only the server writes. */
export function clientFeature(feature: NonNullable<SyncRow['feature']>): ClientFeature {
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(feature.properties)) {
    if (!SERVER_FIELD_NAMES.has(key)) properties[key] = value;
  }
  return {
    type: 'Feature',
    id: feature.id,
    geometry: feature.geometry,
    properties: properties as ClientFeature['properties'],
  };
}

export function pendingFields(ops: readonly PendingOp[]): PendingFields {
  const pending: PendingFields = { all: false, geometry: false, properties: new Set(), deletion: false };
  for (const op of ops) {
    if (op.type === 'create') pending.all = true;
    if (op.type === 'delete') pending.deletion = true;
    if (op.type !== 'update') continue;
    const payload = (op.payload ?? {}) as RecordChanges;
    if (payload.restore === true) {
      pending.all = true;
      pending.deletion = true;
    }
    if (payload.geometry !== undefined) pending.geometry = true;
    for (const key of Object.keys(payload.properties ?? {})) pending.properties.add(key);
  }
  return pending;
}

/** The server's feature with the device's own values for every field it still has ops for. */
function overlay(server: ClientFeature, local: ClientFeature, pending: PendingFields): ClientFeature {
  if (pending.all) return local;
  const properties: Record<string, unknown> = { ...server.properties };
  for (const key of pending.properties) {
    // An op that removed a field (null) leaves no local value: the field stays removed.
    if (Object.hasOwn(local.properties, key)) properties[key] = local.properties[key];
    else delete properties[key];
  }
  return {
    type: 'Feature',
    id: server.id,
    geometry: pending.geometry ? local.geometry : server.geometry,
    properties: properties as ClientFeature['properties'],
  };
}

/**
 * Applies a pulled (or push-returned) server row to the local copy without overwriting what the
 * device changed and the server has not answered yet; `pending` are the record's outbox ops, sent
 * or not. The result's `serverVersion` is the row's: the copy then holds everything the server had
 * at that version, so the device's next edits are based on it.
 */
export function rebaseRecord(
  local: ClientRecord | undefined,
  row: SyncRow,
  pending: readonly PendingOp[],
): RebaseAction {
  if (local?.serverVersion != null && row.version < local.serverVersion) return { kind: 'keep' };
  const recordOps = pending.filter((op) => op.type === 'create' || op.type === 'update' || op.type === 'delete');
  if (row.deleted || !row.feature) {
    if (!local) return { kind: 'keep' };
    // The device's ops go out first; the server answers them with a conflict, and the tombstone that
    // comes with that answer removes the copy.
    return recordOps.length > 0 ? { kind: 'keep' } : { kind: 'remove' };
  }
  const server = clientFeature(row.feature);
  const status = typeof row.feature.properties.status === 'string' ? row.feature.properties.status : null;
  if (!local || recordOps.length === 0) {
    return { kind: 'put', record: { id: row.id, feature: server, serverVersion: row.version, deleted: false, status } };
  }
  const fields = pendingFields(recordOps);
  return {
    kind: 'put',
    record: {
      id: row.id,
      feature: overlay(server, local.feature, fields),
      serverVersion: row.version,
      deleted: fields.deletion ? local.deleted : false,
      status,
    },
  };
}
