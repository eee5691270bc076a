import { parseRecord, SERVER_FIELDS } from '@quartiersatlas/domain';
import { db } from './db.ts';
import { guardQuota, LocalDataError, LocalValidationError } from './errors.ts';
import { type NewMedia, prepareMedia, storeNewMedia } from './media.ts';
import { cachedTaxonomy } from './meta.ts';
import { activeSession } from './sessions.ts';
import type { LocalRecord, RecordFeature, RecordFeatureInput, RecordProperties } from './types.ts';
import { newId } from './uuid.ts';
import { featureMedia, indexCopies, writeChanges } from './write-changes.ts';

function withoutServerFields(properties: RecordProperties): RecordProperties {
  const copy = { ...properties };
  for (const key of SERVER_FIELDS) delete copy[key];
  return copy;
}

/**
 * Validates with the domain's `parseRecord` and the cached taxonomy, then writes the record, its media
 * and its `create` op in one transaction. The media's SHA-256 ids go into `properties.media`: that is
 * how the server learns which photos belong to the record. Without a `sessionId` (undefined, not null)
 * the record joins the active session when that session is in the same quarter.
 */
export async function createRecord(input: RecordFeatureInput, media: NewMedia[] = []): Promise<LocalRecord> {
  const taxonomy = await cachedTaxonomy();
  const properties = withoutServerFields(input.properties);
  if (properties.sessionId === undefined) {
    const session = await activeSession();
    if (session && session.quarterId === properties.quarterId) properties.sessionId = session.id;
  }
  const id = input.id ?? newId();
  const now = new Date().toISOString();
  const items = await Promise.all(media.map((item) => prepareMedia(id, item, now)));
  const mediaIds = [...new Set([...featureMedia({ properties }), ...items.map((item) => item.id)])];
  if (mediaIds.length > 0) properties.media = mediaIds;
  else delete properties.media;
  const parsed = parseRecord({ type: 'Feature', id, geometry: input.geometry, properties }, taxonomy);
  if (!parsed.ok) throw new LocalValidationError(parsed.issues);
  const feature: RecordFeature = {
    type: 'Feature',
    id: parsed.value.id,
    geometry: parsed.value.geometry,
    properties,
  };
  const record: LocalRecord = {
    id: feature.id,
    feature,
    ...indexCopies(feature),
    serverVersion: null,
    deleted: false,
    status: null,
    createdAt: now,
    localUpdatedAt: now,
    mediaIds,
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
    db.transaction('rw', [db.records, db.outbox, db.rejected], async () =>
      writeChanges(await existing(id), changes, taxonomy),
    ),
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
    db.transaction('rw', [db.records, db.outbox, db.rejected], async () => {
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
