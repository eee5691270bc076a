import { applyRecordPatch, type Geometry, normalizeGeometry, type Taxonomy } from '@quartiersatlas/domain';
import { db } from './db.ts';
import { LocalDataError, LocalValidationError } from './errors.ts';
import type { LocalRecord, RecordChanges, RecordFeature, RecordProperties } from './types.ts';
import { newId } from './uuid.ts';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function indexCopies(feature: RecordFeature): Pick<LocalRecord, 'kind' | 'quarterId' | 'sessionId'> {
  const { kind, quarterId, sessionId } = feature.properties;
  return { kind, quarterId, sessionId: sessionId ?? null };
}

/** The SHA-256 ids a feature lists in `properties.media` (the link the server learns). */
export function featureMedia(feature: { properties: Record<string, unknown> }): string[] {
  const media = feature.properties.media;
  return Array.isArray(media) ? media.filter((id): id is string => typeof id === 'string') : [];
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
 * Whether the server refused this record's create. Until the person sends it again (which sends the
 * whole record as it is then), edits stay on the device: an update of a record the server does not
 * have could only be refused as well.
 */
async function createRefused(recordId: string): Promise<boolean> {
  return (
    (await db.rejected
      .where('recordId')
      .equals(recordId)
      .filter((op) => op.type === 'create')
      .count()) > 0
  );
}

/**
 * Inside a transaction over records, outbox and rejected: validates the whole changed record and queues the
 * change. While the record's `create` has not been sent, the create is rewritten instead, so the server
 * never sees a record's history before it has seen the record. `mediaIds` follows `properties.media`
 * and keeps the ids the caller passes in `keepMedia` (attached here, not on the server yet).
 */
export async function writeChanges(
  record: LocalRecord,
  changes: { geometry?: unknown; properties?: Record<string, unknown> },
  taxonomy: Taxonomy,
  mediaIds: string[] = record.mediaIds,
): Promise<LocalRecord> {
  if (record.deleted) throw new LocalDataError('RECORD_DELETED', `record ${record.id} is deleted`);
  const patch = changedFields(record.feature, changes);
  if (patch.geometry === undefined && patch.properties === undefined) {
    if (same(mediaIds, record.mediaIds)) return record;
    const relinked = { ...record, mediaIds };
    await db.records.put(relinked);
    return relinked;
  }
  const parsed = applyRecordPatch(record.feature, patch, taxonomy);
  if (!parsed.ok) throw new LocalValidationError(parsed.issues);
  const feature: RecordFeature = {
    type: 'Feature',
    id: record.id,
    geometry: parsed.value.geometry,
    properties: mergedProperties(record.feature.properties, patch.properties ?? {}),
  };
  const now = new Date().toISOString();
  const updated: LocalRecord = { ...record, feature, ...indexCopies(feature), mediaIds, localUpdatedAt: now };
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
  if (record.serverVersion === null && (await createRefused(record.id))) return updated;
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
