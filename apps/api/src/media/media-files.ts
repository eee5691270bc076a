import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Finished files are copied in blocks of this size; bounds the memory one upload needs. */
const COPY_BLOCK = 1024 * 1024;

export type SealResult = { ok: true } | { ok: false; reason: 'short' } | { ok: false; reason: 'hash'; actual: string };

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

async function writeFully(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * The media files under `<dataDir>/media`: complete files at `<first two hex>/<sha256>`, interrupted
 * uploads at `partial/<sha256>`, files being finished at `partial/<sha256>.<uuid>.tmp`.
 *
 * The files live on disk also when PostgreSQL holds the rows, so several API processes must share
 * one data directory (a shared volume): a chunk accepted by one process is continued, and the
 * finished file served, by another.
 *
 * A complete file is only ever written under a temporary name, synced, and renamed into place, so
 * readers never see half a file and nothing writes to a complete file after its hash was checked.
 */
export class MediaFiles {
  readonly #root: string;
  readonly #partialDir: string;

  constructor(dataDir: string) {
    this.#root = join(dataDir, 'media');
    this.#partialDir = join(this.#root, 'partial');
  }

  completePath(sha256: string): string {
    return join(this.#root, sha256.slice(0, 2), sha256);
  }

  partialPath(sha256: string): string {
    return join(this.#partialDir, sha256);
  }

  async hasComplete(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.completePath(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** The complete file opened for reading, or null. An open handle keeps serving even if the file is replaced. */
  async openComplete(sha256: string): Promise<FileHandle | null> {
    try {
      return await open(this.completePath(sha256), 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** Stores verified bytes as the complete file. */
  async placeBytes(sha256: string, bytes: Uint8Array): Promise<void> {
    await this.#viaTemp(sha256, async (temp) => {
      await writeFully(temp, bytes, 0);
      return { ok: true };
    });
  }

  /**
   * Writes a chunk into the partial file at `start`. False when the partial file holds fewer than
   * `start` bytes (it was removed or lost): the upload has to start over.
   */
  async writeChunk(sha256: string, start: number, bytes: Uint8Array): Promise<boolean> {
    await mkdir(this.#partialDir, { recursive: true });
    let handle: FileHandle;
    try {
      // No O_TRUNC: bytes past the accepted offset are ignored, and a racing writer's bytes stay intact.
      handle = await open(this.partialPath(sha256), start === 0 ? constants.O_WRONLY | constants.O_CREAT : 'r+');
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
    try {
      if ((await handle.stat()).size < start) return false;
      await writeFully(handle, bytes, start);
      // The offset is recorded after this returns; syncing first means a crash can never leave the
      // database promising bytes the disk does not have.
      await handle.sync();
      return true;
    } finally {
      await handle.close();
    }
  }

  /**
   * Checks the first `total` bytes of the partial file against the hash and, if they match, makes
   * them the complete file. The bytes are copied rather than the partial file renamed: another
   * process may still hold the partial file open for a late chunk, and its write must not land in a
   * checked file.
   */
  async sealPartial(sha256: string, total: number): Promise<SealResult> {
    let source: FileHandle;
    try {
      source = await open(this.partialPath(sha256), 'r');
    } catch (error) {
      if (isMissing(error)) return { ok: false, reason: 'short' };
      throw error;
    }
    try {
      return await this.#viaTemp(sha256, (temp) => copyHashed(source, temp, total, sha256));
    } finally {
      await source.close();
    }
  }

  async removePartial(sha256: string): Promise<void> {
    await rm(this.partialPath(sha256), { force: true });
  }

  /** Removes partial and temporary files last written before `cutoff` (epoch ms); how many. */
  async removePartialsOlderThan(cutoff: number): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.#partialDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.#partialDir, name);
      try {
        if ((await stat(path)).mtimeMs >= cutoff) continue;
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      await rm(path, { force: true });
      removed += 1;
    }
    return removed;
  }

  /** Lets `fill` write a temporary file; moves it into place if `fill` accepts it, removes it otherwise. */
  async #viaTemp(sha256: string, fill: (temp: FileHandle) => Promise<SealResult>): Promise<SealResult> {
    await mkdir(this.#partialDir, { recursive: true });
    const path = join(this.#partialDir, `${sha256}.${randomUUID()}.tmp`);
    const handle = await open(path, 'wx');
    let result: SealResult;
    try {
      result = await fill(handle);
      if (result.ok) await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(path, { force: true });
      throw error;
    }
    await handle.close();
    if (result.ok) await this.#moveIntoPlace(path, sha256);
    else await rm(path, { force: true });
    return result;
  }

  /** Atomic: the complete path holds either nothing or the whole file (rename within one file system). */
  async #moveIntoPlace(temp: string, sha256: string): Promise<void> {
    const target = this.completePath(sha256);
    await mkdir(dirname(target), { recursive: true });
    await rename(temp, target);
    // The rename itself must survive a power loss before the database row says the file is there.
    const directory = await open(dirname(target), 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }
}

async function copyHashed(
  source: FileHandle,
  target: FileHandle,
  total: number,
  expected: string,
): Promise<SealResult> {
  const hash = createHash('sha256');
  const block = Buffer.allocUnsafe(Math.min(COPY_BLOCK, Math.max(total, 1)));
  let copied = 0;
  while (copied < total) {
    const { bytesRead } = await source.read(block, 0, Math.min(block.length, total - copied), copied);
    if (bytesRead === 0) return { ok: false, reason: 'short' };
    const bytes = block.subarray(0, bytesRead);
    hash.update(bytes);
    await writeFully(target, bytes, copied);
    copied += bytesRead;
  }
  const actual = hash.digest('hex');
  return actual === expected ? { ok: true } : { ok: false, reason: 'hash', actual };
}
