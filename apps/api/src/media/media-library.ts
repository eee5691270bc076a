import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import {
  advanceUpload,
  deleteUpload,
  getMedia,
  getUpload,
  insertMedia,
  type StoredMedia,
  startUpload,
  uploadsIdleSince,
} from '../store/media.ts';
import { type ByteRange, parseContentRange } from './content-range.ts';
import { KeyedLock } from './keyed-lock.ts';
import { MediaFiles } from './media-files.ts';
import { MEDIA_TYPE_NAMES, type MediaType, maxBytes, parseMediaType } from './media-types.ts';
import { matchesType } from './sniff.ts';

/** An upload nobody continued for this long was given up (the device lost the file or the record). */
export const ABANDONED_AFTER_MS = 7 * 24 * 3_600_000;

export type MediaState = { complete: true; media: StoredMedia } | { complete: false; received: number };

export type PutOutcome =
  | { complete: true; created: boolean; media: StoredMedia }
  | { complete: false; received: number };

export interface PutRequest {
  sha256: string;
  contentType: string | undefined;
  contentRange: string | undefined;
  body: Buffer;
  createdBy: string;
}

function contentTypeIssue(code: 'MEDIA_TYPE_NOT_ALLOWED' | 'MEDIA_TYPE_MISMATCH', message: string) {
  return [{ field: 'content-type', code, message }];
}

function offsetMismatch(offset: number): AppError {
  return new AppError('MEDIA_OFFSET_MISMATCH', { offset }, { offset });
}

function hashMismatch(expected: string, actual: string): AppError {
  return new AppError('MEDIA_HASH_MISMATCH', { sha256: expected }, { expected, actual });
}

/**
 * Photos and voice notes, content-addressed by SHA-256: rows in `media`/`media_uploads`, bytes in
 * the data directory (see README.md beside this file for the protocol and why it is safe to retry).
 */
export class MediaLibrary {
  readonly #db: Db;
  readonly #files: MediaFiles;
  readonly #lock = new KeyedLock();

  constructor(db: Db, dataDir: string) {
    this.#db = db;
    this.#files = new MediaFiles(dataDir);
  }

  /** Complete means the row and the file are both there; a lost file reads as missing so a device sends it again. */
  async state(sha256: string): Promise<MediaState> {
    const media = await this.#complete(sha256);
    if (media) return { complete: true, media };
    return { complete: false, received: (await getUpload(this.#db, sha256))?.received ?? 0 };
  }

  /** The complete file, opened, with its row; undefined when it is not (completely) here. */
  async open(sha256: string): Promise<{ media: StoredMedia; file: FileHandle } | undefined> {
    const media = await getMedia(this.#db, sha256);
    if (!media) return undefined;
    const file = await this.#files.openComplete(sha256);
    return file ? { media, file } : undefined;
  }

  async put(request: PutRequest): Promise<PutOutcome> {
    const type = parseMediaType(request.contentType);
    if (!type) {
      throw new AppError(
        'MEDIA_TYPE_NOT_ALLOWED',
        { type: request.contentType?.slice(0, 100) ?? 'none' },
        contentTypeIssue('MEDIA_TYPE_NOT_ALLOWED', `must be one of ${MEDIA_TYPE_NAMES.join(', ')}`),
      );
    }
    const range = parseContentRange(request.contentRange, request.body.length);
    const limit = maxBytes(type);
    if (range.total > limit) {
      throw new AppError('MEDIA_TOO_LARGE', { size: range.total, limit }, { size: range.total, limit });
    }
    return this.#lock.run(request.sha256, async () => {
      const existing = await this.#complete(request.sha256);
      if (existing) return { complete: true, created: false, media: existing };
      if (range.start === 0 && range.end + 1 === range.total) return this.#putWhole(request, type);
      return this.#putChunk(request, type, range);
    });
  }

  /** Removes uploads nobody continued for a week, and leftovers of uploads interrupted by a crash. */
  async purgeAbandoned(at: Date = new Date()): Promise<number> {
    const cutoff = at.getTime() - ABANDONED_AFTER_MS;
    const idle = await uploadsIdleSince(this.#db, new Date(cutoff).toISOString());
    for (const sha256 of idle) {
      await deleteUpload(this.#db, sha256);
      await this.#files.removePartial(sha256);
    }
    return idle.length + (await this.#files.removePartialsOlderThan(cutoff));
  }

  async #complete(sha256: string): Promise<StoredMedia | undefined> {
    const media = await getMedia(this.#db, sha256);
    return media && (await this.#files.hasComplete(sha256)) ? media : undefined;
  }

  async #putWhole(request: PutRequest, type: MediaType): Promise<PutOutcome> {
    this.#sniff(type, request.body);
    const actual = createHash('sha256').update(request.body).digest('hex');
    if (actual !== request.sha256) throw hashMismatch(request.sha256, actual);
    await this.#files.placeBytes(request.sha256, request.body);
    return this.#finish(request, type, request.body.length);
  }

  async #putChunk(request: PutRequest, type: MediaType, range: ByteRange): Promise<PutOutcome> {
    const { sha256 } = request;
    let upload = await getUpload(this.#db, sha256);
    // Another claim for these bytes (a different size or type) cannot be true together with this
    // one; to this request it is as if nothing had been received, and its start replaces the other.
    if (upload && (upload.totalSize !== range.total || upload.mime !== type)) {
      if (range.start !== 0) throw offsetMismatch(0);
      await this.#discard(sha256);
      upload = undefined;
    }
    const received = upload?.received ?? 0;
    if (range.start !== received) throw offsetMismatch(received);
    if (range.start === 0) this.#sniff(type, request.body);

    if (!(await this.#files.writeChunk(sha256, range.start, request.body))) {
      await this.#discard(sha256);
      throw offsetMismatch(0);
    }
    const next = range.end + 1;
    if (next === range.total) {
      const sealed = await this.#files.sealPartial(sha256, range.total);
      if (!sealed.ok) {
        await this.#discard(sha256);
        throw sealed.reason === 'hash' ? hashMismatch(sha256, sealed.actual) : offsetMismatch(0);
      }
      return this.#finish(request, type, range.total);
    }
    const accepted =
      range.start === 0
        ? await startUpload(this.#db, {
            sha256,
            mime: type,
            totalSize: range.total,
            received: next,
            createdBy: request.createdBy,
          })
        : await advanceUpload(this.#db, sha256, range.start, next);
    // Another process accepted a chunk for these bytes first; the device continues from there.
    if (!accepted) throw offsetMismatch((await getUpload(this.#db, sha256))?.received ?? 0);
    return { complete: false, received: next };
  }

  #sniff(type: MediaType, head: Uint8Array): void {
    if (!matchesType(type, head)) {
      throw new AppError(
        'MEDIA_TYPE_MISMATCH',
        { type },
        contentTypeIssue('MEDIA_TYPE_MISMATCH', `the bytes are not ${type}`),
      );
    }
  }

  /** The file is in place: record it, then forget the upload. */
  async #finish(request: PutRequest, type: MediaType, size: number): Promise<PutOutcome> {
    await insertMedia(this.#db, { sha256: request.sha256, mime: type, size, createdBy: request.createdBy });
    await this.#discard(request.sha256);
    const media = await getMedia(this.#db, request.sha256);
    if (!media) throw new Error(`media ${request.sha256} vanished right after it was stored`);
    return { complete: true, created: true, media };
  }

  async #discard(sha256: string): Promise<void> {
    await deleteUpload(this.#db, sha256);
    await this.#files.removePartial(sha256);
  }
}
