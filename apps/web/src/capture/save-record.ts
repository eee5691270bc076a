import type { Geometry, RecordKind } from '@quartiersatlas/domain';
import type { LocalRecord, MediaKind, RecordFeatureInput } from '../data/index.ts';
import { buildFeature, recordChanges } from './build-feature.ts';
import type { RecordFormValues } from './form-values.ts';
import type { DraftMedia } from './media-draft.ts';

/** The data layer functions a save uses; passed in so the order of writes is testable without IndexedDB. */
export interface SaveDeps {
  createRecord(
    feature: RecordFeatureInput,
    media: Array<{ blob: Blob; kind: MediaKind; mime: string }>,
  ): Promise<LocalRecord>;
  updateRecord(
    id: string,
    changes: { geometry?: Geometry; properties?: Record<string, unknown> },
  ): Promise<LocalRecord>;
  addMedia(recordId: string, blob: Blob, kind: MediaKind, mime: string): Promise<unknown>;
  removeMedia(mediaId: string, recordId?: string): Promise<void>;
}

export interface SaveInput {
  kind: RecordKind;
  id: string;
  values: RecordFormValues;
  keep?: Record<string, unknown>;
  existing?: Pick<LocalRecord, 'id' | 'feature'>;
  media: { added: DraftMedia[]; removed: string[] };
  /** Reports each media change once written, so that a retry after a failure does not repeat it. */
  onSettled?(change: { addedKey?: string; removedId?: string }): void;
}

/**
 * Writes the form: a new record with its media in one transaction; for an existing record the changed
 * fields first (validation may refuse them, and then no media has moved), then the media one by one.
 */
export async function saveRecord(input: SaveInput, deps: SaveDeps): Promise<string> {
  const { kind, id, values, keep, existing, media, onSettled } = input;
  const feature = buildFeature(kind, id, values, keep);
  if (feature.geometry === null) throw new Error('saveRecord needs a geometry; the resolver checks it first');
  const geometry = feature.geometry;
  if (!existing) {
    await deps.createRecord(
      { ...feature, geometry, properties: feature.properties },
      media.added.map(({ blob, kind: mediaKind, mime }) => ({ blob, kind: mediaKind, mime })),
    );
    return id;
  }
  const changes = recordChanges(kind, existing.feature, feature);
  if (changes.geometry !== undefined || changes.properties !== undefined) await deps.updateRecord(existing.id, changes);
  for (const item of media.added) {
    await deps.addMedia(existing.id, item.blob, item.kind, item.mime);
    onSettled?.({ addedKey: item.key });
  }
  for (const mediaId of media.removed) {
    await deps.removeMedia(mediaId, existing.id);
    onSettled?.({ removedId: mediaId });
  }
  return existing.id;
}

export type SaveProblem =
  | { type: 'validation' }
  | { type: 'storageFull' }
  | { type: 'data'; messageKey: string }
  | { type: 'failed' };

/** How to explain a failed save: field errors, a full device, a known data-layer error, or "try again". */
export function saveProblem(error: unknown): SaveProblem {
  if (typeof error !== 'object' || error === null) return { type: 'failed' };
  const { code, issues, messageKey } = error as { code?: unknown; issues?: unknown; messageKey?: unknown };
  if (Array.isArray(issues)) return { type: 'validation' };
  if (code === 'STORAGE_FULL') return { type: 'storageFull' };
  if (typeof messageKey === 'string') return { type: 'data', messageKey };
  return { type: 'failed' };
}
