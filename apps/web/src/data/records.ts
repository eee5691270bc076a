import {
  applyRecordPatch,
  type Geometry,
  normalizeGeometry,
  parseRecord,
  SERVER_FIELDS,
  type Taxonomy,
} from '@quartiersatlas/domain';
import { db } from './db.ts';
import { guardQuota, LocalDataError, LocalValidationError } from './errors.ts';
import { type NewMedia, prepareMedia, storeNewMedia } from './media.ts';
import { cachedTaxonomy } from './meta.ts';
import { activeSession } from './sessions.ts';
import type { LocalRecord, RecordChanges, RecordFeature, RecordFeatureInput, RecordProperties } from './types.ts';
import { newId } from './uuid.ts';

function withoutServerFields(properties: RecordProperties): RecordProperties {
  const copy = { ...properties };
  for (const key of SERVER_FIELDS) delete copy[key];
  return copy;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function indexCopies(feature: RecordFeature): Pick<LocalRecord, 'kind' | 'quarterId' | 'sessionId'> {
  const { kind, quarterId, sessionId } = feature.properties;
  return { kind, quarterId, sessionId: sessionId ?? null };
}

/**
 * Validates with the domain's `parseRecord` and the cached taxonomy, then writes the record, its media
 * and its `create` op in one transaction. Without a `sessionId` (undefined, not null) the record joins
 * the active session when that session is in the same quarter.
 */
export async function createRecord(input: RecordFeatureInput, media: NewMedia[] = []): Promise<LocalRecord> {
  const taxonomy = await cachedTaxonomy();
  const properties = withoutServerFields(input.properties);
  if (properties.sessionId === undefined) {
    const session = await activeSession();
    if (session && session.quarterId === properties.quarterId) properties.sessionId = session.id;
  }
  const parsed = parseRecord(
    { type: 'Feature', id: input.id ?? newId(), geometry: input.geometry, properties },
    taxonomy,
  );
  if (!parsed.ok) throw new LocalValidationError(parsed.issues);
  const feature: RecordFeature = {
    type: 'Feature',
    id: parsed.value.id,
    geometry: parsed.value.geometry,
    properties,
  };
  const now = new Date().toISOString();
  const items = await Promise.all(media.map((item) => prepareMedia(feature.id, item, now)));
  const record: LocalRecord = {
    id: feature.id,
    feature,
    ...indexCopies(feature),
    serverVersion: null,
    deleted: false,
    createdAt: now,
    localUpdatedAt: now,
    mediaIds: [...new Set(items.map((item) => item.id))],
  };
  await guardQuota(() =>
    db.transaction('rw', [db.records, db.outbox, db.media], async () => {
      await db.records.add(record);
      await storeNewMedia(items);
      await db.outbox.add({
        opId: newId(),
        recordId: record.id,
        type: 'create',
        payload: feature,
        baseVersion: null,
        createdAt: now,
      });
    }),
  );
  return record;
}

/** Only the fields that differ from the stored feature, so sync sends (and may conflict on) no more. */
function changedFields(feature: RecordFeature, changes: { geometry?: unknown; properties?: Record<string, unknown> }) {
  const patch: { geometry?: unknown; properties?: Record<string, unknown> } = {};
  if (changes.geometry !== undefined && !same(changes.geometry, feature.geometry)) patch.geometry = changes.geometry;
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes.properties ?? {})) {
    const current = feature.properties[key];
    const removesAbsent = value === null && (current === undefined || current === null);
    if (!removesAbsent && !same(value, current)) properties[key] = value;
  }
  if (Object.keys(properties).length > 0) patch.properties = properties;
  return patch;
}

function mergedProperties(current: RecordProperties, changes: Record<string, unknown>): RecordProperties {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    // As in PATCH: null removes a field, except sessionId, where null means "in no session".
    if (value === null && key !== 'sessionId') delete merged[key];
    else merged[key] = value;
  }
  return merged as RecordProperties;
}

/**
 * Inside a transaction over records and outbox: validates the whole changed record and queues the
 * change. While the record's `create` has not been sent, the create is rewritten instead, so the server
 * never sees a record's history before it has seen the record.
 */
async function writeChanges(
  record: LocalRecord,
  changes: { geometry?: unknown; properties?: Record<string, unknown> },
  taxonomy: Taxonomy,
): Promise<LocalRecord> {
  if (record.deleted) throw new LocalDataError('RECORD_DELETED', `record ${record.id} is deleted`);
  const patch = changedFields(record.feature, changes);
  if (patch.geometry === undefined && patch.properties === undefined) return record;
  const parsed = applyRecordPatch(record.feature, patch, taxonomy);
  if (!parsed.ok) throw new LocalValidationError(parsed.issues);
  const feature: RecordFeature = {
    type: 'Feature',
    id: record.id,
    geometry: parsed.value.geometry,
    properties: mergedProperties(record.feature.properties, patch.properties ?? {}),
  };
  const now = new Date().toISOString();
  const updated: LocalRecord = { ...record, feature, ...indexCopies(feature), localUpdatedAt: now };
  await db.records.put(updated);
  const pendingCreate = await db.outbox
    .where('recordId')
    .equals(record.id)
    .filter((op) => op.type === 'create' && op.sentAt === undefined)
    .first();
  if (pendingCreate?.seq !== undefined) {
    await db.outbox.update(pendingCreate.seq, { payload: feature });
    return updated;
  }
  const payload: RecordChanges = {};
  if (patch.geometry !== undefined) payload.geometry = normalizeGeometry(patch.geometry as Geometry);
  if (patch.properties) payload.properties = patch.properties;
  await db.outbox.add({
    opId: newId(),
    recordId: record.id,
    type: 'update',
    payload,
    baseVersion: record.serverVersion,
    createdAt: now,
  });
  return updated;
}

async function existing(id: string): Promise<LocalRecord> {
  const record = await db.records.get(id);
  if (!record) throw new LocalDataError('RECORD_NOT_FOUND', `no record ${id}`);
  return record;
}

export async function updateRecord(
  id: string,
  changes: { geometry?: unknown; properties?: Record<string, unknown> },
): Promise<LocalRecord> {
  const taxonomy = await cachedTaxonomy();
  return guardQuota(() =>
    db.transaction('rw', db.records, db.outbox, async () => writeChanges(await existing(id), changes, taxonomy)),
  );
}

/** Soft delete: the record stays (for undo and for the export) and a `delete` op is queued. */
export async function deleteRecord(id: string): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', db.records, db.outbox, async () => {
      const record = await existing(id);
      if (record.deleted) return;
      const now = new Date().toISOString();
      await db.records.put({ ...record, deleted: true, localUpdatedAt: now });
      await db.outbox.add({
        opId: newId(),
        recordId: id,
        type: 'delete',
        payload: null,
        baseVersion: record.serverVersion,
        createdAt: now,
      });
    }),
  );
}

/**
 * Undo of a delete. A delete still waiting in the outbox is dropped; one the server has seen is
 * answered with an update carrying the whole record and `restore: true` (see README.md).
 */
export async function restoreRecord(id: string): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', db.records, db.outbox, async () => {
      const record = await existing(id);
      if (!record.deleted) return;
      const now = new Date().toISOString();
      const pendingDelete = await db.outbox
        .where('recordId')
        .equals(id)
        .filter((op) => op.type === 'delete' && op.sentAt === undefined)
        .last();
      if (pendingDelete?.seq !== undefined) {
        await db.outbox.delete(pendingDelete.seq);
      } else {
        await db.outbox.add({
          opId: newId(),
          recordId: id,
          type: 'update',
          payload: { geometry: record.feature.geometry, properties: record.feature.properties, restore: true },
          baseVersion: record.serverVersion,
          createdAt: now,
        });
      }
      await db.records.put({ ...record, deleted: false, localUpdatedAt: now });
    }),
  );
}

async function changeSupporters(needId: string, delta: 1 | -1): Promise<number> {
  const taxonomy = await cachedTaxonomy();
  return guardQuota(() =>
    db.transaction('rw', db.records, db.outbox, async () => {
      const record = await existing(needId);
      if (record.kind !== 'need') throw new LocalDataError('NOT_A_NEED', `record ${needId} is a ${record.kind}`);
      const current = record.feature.properties.supporters;
      const next = Math.max(0, (typeof current === 'number' ? current : 0) + delta);
      const updated = await writeChanges(record, { properties: { supporters: next } }, taxonomy);
      const count = updated.feature.properties.supporters;
      return typeof count === 'number' ? count : 0;
    }),
  );
}

/** +1 at a Quartierszirkel: one update op with the new count. */
export function addSupporter(needId: string): Promise<number> {
  return changeSupporters(needId, 1);
}

/** Undo of a +1 tapped by mistake; never below zero. */
export function removeSupporter(needId: string): Promise<number> {
  return changeSupporters(needId, -1);
}
