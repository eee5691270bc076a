import { type RefusedMedia, type Round, SYNC_META } from './round.ts';
import { SyncTransportError } from './types.ts';

/** Answers that say "not now" rather than "never": the round fails and the item is tried again. */
const TRANSIENT_STATUSES = new Set([401, 408, 425, 429]);

/** A server that keeps answering without taking bytes would otherwise hold the round forever. */
const MAX_STALLED_CHUNKS = 3;

class MediaRefused extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function refusal(error: unknown): MediaRefused | undefined {
  if (error instanceof MediaRefused) return error;
  if (!(error instanceof SyncTransportError) || error.status === undefined) return undefined;
  if (error.status < 400 || error.status >= 500 || TRANSIENT_STATUSES.has(error.status)) return undefined;
  return new MediaRefused(error.code, error.message);
}

async function uploadOne(round: Round, item: { id: string; mime: string }): Promise<void> {
  const { store, transport } = round;
  let status = await transport.mediaStatus(item.id);
  if (status.complete) return;
  const bytes = await store.readMedia(item.id);
  if (!bytes) throw new MediaRefused('MEDIA_MISSING_LOCALLY', `the bytes of ${item.id} are no longer on this device`);
  let offset = status.offset;
  let stalled = 0;
  while (!status.complete) {
    // An offset the file cannot have means the server lost track; starting over is always safe.
    if (offset < 0 || offset >= bytes.length) offset = 0;
    const end = Math.min(offset + round.mediaChunkBytes, bytes.length);
    status = await transport.uploadMedia(item.id, item.mime, bytes.subarray(offset, end), offset, bytes.length);
    stalled = status.complete || status.offset > offset ? 0 : stalled + 1;
    if (stalled >= MAX_STALLED_CHUNKS) {
      throw new MediaRefused('MEDIA_UPLOAD_STALLED', `the server took no bytes of ${item.id} in ${stalled} tries`);
    }
    offset = status.offset;
  }
}

/**
 * Uploads every pending photo and voice note before the ops that list them go out, resuming
 * interrupted uploads where the server stopped. A network or server failure ends the round; an
 * item the server refuses is set aside (meta `sync.refusedMedia`) so it never blocks the outbox.
 */
export async function uploadPendingMedia(round: Round): Promise<void> {
  const { store } = round;
  const refused = (await store.getMeta<Record<string, RefusedMedia>>(SYNC_META.refusedMedia)) ?? {};
  const pending = await store.pendingMedia();
  const items = pending.filter((item) => refused[item.id] === undefined);
  round.progress({ phase: 'media', done: 0, total: items.length });
  let done = 0;
  for (const item of items) {
    try {
      await uploadOne(round, item);
      await store.markMediaUploaded(item.id);
      round.outcome.mediaUploaded += 1;
    } catch (error) {
      const refusedNow = refusal(error);
      if (!refusedNow) throw error;
      refused[item.id] = { id: item.id, code: refusedNow.code, message: refusedNow.message, refusedAt: round.now() };
      await store.setMeta(SYNC_META.refusedMedia, refused);
    }
    done += 1;
    round.progress({ phase: 'media', done, total: items.length });
  }
  // Items removed from the device meanwhile are nothing the user can act on any more.
  const stillPending = new Set(pending.map((item) => item.id));
  round.outcome.refusedMedia = Object.values(refused).filter((item) => stillPending.has(item.id));
}

/** Lets a refused media item be uploaded again in the next round (after the cause was fixed). */
export async function forgetRefusedMedia(round: Pick<Round, 'store'>, id: string): Promise<void> {
  await round.store.transaction(async () => {
    const refused = (await round.store.getMeta<Record<string, RefusedMedia>>(SYNC_META.refusedMedia)) ?? {};
    delete refused[id];
    await round.store.setMeta(SYNC_META.refusedMedia, refused);
  });
}
