import { db, SCHEMA_VERSION } from './db.ts';
import type { MediaItem } from './types.ts';

export const EXPORT_FORMAT = 'quartiersatlas-local-export';

async function dataUrl(blob: Blob, mime: string): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // String.fromCharCode takes its arguments on the stack; 32 KiB chunks stay far below any engine's limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:${mime};base64,${btoa(binary)}`;
}

function mediaMetadata({ blob: _blob, ...metadata }: MediaItem) {
  return metadata;
}

/**
 * Everything this device holds that the server may not have: records (deleted ones too), the outbox,
 * the changes the server refused, sessions and media with their bytes. The `meta` store is left out on purpose: it holds the device
 * token, which must never end up in a file that gets mailed around.
 */
export async function exportLocalData(): Promise<Blob> {
  const { records, outbox, rejected, sessions, mediaIds } = await db.transaction(
    'r',
    [db.records, db.outbox, db.rejected, db.sessions, db.media],
    async () => ({
      records: await db.records.toArray(),
      outbox: await db.outbox.toArray(),
      rejected: await db.rejected.toArray(),
      sessions: await db.sessions.toArray(),
      mediaIds: (await db.media.toCollection().primaryKeys()) as string[],
    }),
  );
  const head = {
    format: EXPORT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: new Date().toISOString(),
    records,
    outbox,
    rejected,
    sessions,
  };
  // One media item at a time, each turned into a Blob at once: browsers keep Blob data off the JS heap,
  // so a phone with hundreds of photos does not hold all of them as base64 strings.
  const parts: BlobPart[] = [JSON.stringify(head).slice(0, -1), ',"media":['];
  let first = true;
  for (const id of mediaIds) {
    const item = await db.media.get(id);
    if (!item) continue;
    const entry = { ...mediaMetadata(item), dataUrl: await dataUrl(item.blob, item.mime) };
    parts.push(new Blob([first ? '' : ',', JSON.stringify(entry)]));
    first = false;
  }
  parts.push(']}');
  return new Blob(parts, { type: 'application/json' });
}
