import { type Consent, newReceipt, PRIVACY_NOTICE_VERSION, parseRecord, type Taxonomy } from '@quartiersatlas/domain';
import { guardQuota, newId } from '../data/index.ts';
import { prepareMedia } from '../data/media.ts';
import type { Draft, OutboxItem, ResidentFeature } from './resident-db.ts';
import { residentDb } from './resident-db.ts';

/** A draft with what a need must have: a category and a place inside a known quarter. */
export type CompleteDraft = Draft & { category: string; point: [number, number]; quarterId: string };

export function isComplete(draft: Draft): draft is CompleteDraft {
  return draft.category !== null && draft.point !== null && draft.quarterId !== null;
}

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** The need's feature; its text and voice notes are in `lang`, the language the person uses the app in. */
export function draftFeature(draft: CompleteDraft, lang: string, media: string[]): ResidentFeature {
  const text = draft.text.trim();
  return {
    type: 'Feature',
    id: newId(),
    geometry: { type: 'Point', coordinates: draft.point },
    properties: {
      kind: 'need',
      quarterId: draft.quarterId,
      category: draft.category,
      ...(draft.targetGroups.length > 0 ? { targetGroups: draft.targetGroups } : {}),
      ...(text !== '' ? { text } : {}),
      ...(text !== '' || media.length > 0 ? { lang } : {}),
      ...(media.length > 0 ? { media } : {}),
    },
  };
}

/**
 * Writes the submission to the outbox (with its voice notes and the consent) and drops the draft, in
 * one transaction, and returns the receipt code made on the phone. Sending happens afterwards.
 */
export async function submitDraft(draft: CompleteDraft, lang: string, taxonomy: Taxonomy): Promise<OutboxItem> {
  const now = new Date().toISOString();
  const voice = await Promise.all(
    draft.voice.map(async (note) => {
      const prepared = await prepareMedia('', { blob: note.blob, kind: 'audio', mime: note.mime }, now);
      return { sha256: prepared.id, mime: note.mime, size: note.size, durationMs: note.durationMs, blob: note.blob };
    }),
  );
  const feature = draftFeature(draft, lang, [...new Set(voice.map((note) => note.sha256))]);
  const parsed = parseRecord(feature, taxonomy);
  if (!parsed.ok) throw new Error(`the need does not pass the record check: ${JSON.stringify(parsed.issues)}`);
  const consent: Consent = { noticeVersion: PRIVACY_NOTICE_VERSION, lang, givenAt: now };
  const item: OutboxItem = {
    receipt: newReceipt(randomBytes),
    linkCode: draft.linkCode,
    feature,
    consent,
    voice,
    state: 'waiting',
    error: null,
    createdAt: now,
    sentAt: null,
    attempts: 0,
    nextAttemptAt: now,
  };
  await guardQuota(() =>
    residentDb.transaction('rw', [residentDb.outbox, residentDb.drafts], async () => {
      await residentDb.outbox.add(item);
      await residentDb.drafts.delete(draft.linkCode);
    }),
  );
  return item;
}
