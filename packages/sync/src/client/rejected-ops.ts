import { exhaustive } from '@quartiersatlas/domain';
import type { RecordChanges } from '../protocol.ts';
import { applyChanges } from './local-changes.ts';
import { newOpId } from './op-id.ts';
import type { ClientFeature, ClientRecord, ClientStore, RejectedOp } from './types.ts';

async function findRejected(store: ClientStore, opId: string): Promise<RejectedOp | undefined> {
  return (await store.rejected()).find((op) => op.opId === opId);
}

/** The local record as the queued op will make it, so the device shows what it is about to send. */
function withPayload(record: ClientRecord, payload: RecordChanges): ClientRecord {
  if (payload.restore !== true) return { ...record, feature: applyChanges(record.feature, payload) };
  const feature: ClientFeature = {
    type: 'Feature',
    id: record.id,
    geometry: (payload.geometry as ClientFeature['geometry'] | undefined) ?? record.feature.geometry,
    properties: (payload.properties as ClientFeature['properties'] | undefined) ?? record.feature.properties,
  };
  return { ...record, feature, deleted: false };
}

/**
 * Queues a refused op again under a new opId (the server would answer the old one from its log):
 * a create with the record's current local feature, an update with the refused changes on the
 * record's current server version, a delete as a delete. The rejection is forgotten.
 */
export async function retryRejected(store: ClientStore, opId: string, now: string): Promise<void> {
  await store.transaction(async () => {
    const op = await findRejected(store, opId);
    if (!op) return;
    const record = await store.getRecord(op.recordId);
    const queued = { opId: newOpId(), type: op.type, recordId: op.recordId, createdAt: now };
    switch (op.type) {
      case 'create': {
        const feature = record?.feature ?? (op.payload as ClientFeature);
        if (!record)
          await store.putRecord({ id: op.recordId, feature, serverVersion: null, deleted: false, status: null });
        await store.addOp({ ...queued, baseVersion: null, payload: feature });
        break;
      }
      case 'update': {
        const payload = op.payload as RecordChanges;
        if (record) await store.putRecord(withPayload(record, payload));
        await store.addOp({ ...queued, baseVersion: record ? record.serverVersion : op.baseVersion, payload });
        break;
      }
      case 'delete': {
        if (record) await store.putRecord({ ...record, deleted: true });
        await store.addOp({ ...queued, baseVersion: record ? record.serverVersion : op.baseVersion, payload: null });
        break;
      }
      case 'create-session':
      case 'update-session':
        await store.addOp({ ...queued, baseVersion: null, payload: op.payload });
        break;
      default:
        exhaustive(op.type);
    }
    await store.removeRejected(opId);
  });
}

/**
 * Forgets a refused op. A record the server never had (no acknowledged version and no create on
 * its way) is removed with its unsent ops, which the server could only refuse.
 */
export async function discardRejected(store: ClientStore, opId: string): Promise<void> {
  await store.transaction(async () => {
    const op = await findRejected(store, opId);
    if (!op) return;
    await store.removeRejected(opId);
    if (op.type === 'create-session' || op.type === 'update-session') return;
    const record = await store.getRecord(op.recordId);
    if (!record || record.serverVersion !== null) return;
    const ops = await store.opsFor(op.recordId);
    if (ops.some((pending) => pending.type === 'create')) return;
    const unsent = ops.filter((pending) => pending.sentAt === undefined).map((pending) => pending.seq);
    if (unsent.length > 0) await store.removeOps(unsent);
    await store.removeRecord(op.recordId);
  });
}
