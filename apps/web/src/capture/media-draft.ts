import { useCallback, useMemo, useRef, useState } from 'react';
import { type MediaItem, type MediaKind, useMedia } from '../data/index.ts';

/** A photo or voice note as the form shows it: stored already, or waiting for the record to be saved. */
export interface DraftMedia {
  key: string;
  kind: MediaKind;
  blob: Blob;
  mime: string;
  size: number;
  /** The stored media id; absent while the item only lives in the form. */
  storedId?: string;
  /** Known for voice notes recorded here (WebM from MediaRecorder carries no duration). */
  durationMs?: number;
}

const NONE: readonly string[] = [];

function fromStored(item: MediaItem): DraftMedia {
  return { key: item.id, kind: item.kind, blob: item.blob, mime: item.mime, size: item.size, storedId: item.id };
}

/**
 * Photos and voice notes of the form. Nothing is written before "Save": added items wait here and
 * stored ones are only marked for removal, so "Cancel" really leaves the record as it was. `listed`
 * are the ids the record lists; those this device does not hold (pulled from the server) are `remote`.
 */
export function useMediaDraft(recordId: string | null, listed: readonly string[] = NONE) {
  const stored = useMedia(recordId);
  const [added, setAdded] = useState<DraftMedia[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const counter = useRef(0);

  const items = useMemo(
    () => [...(stored ?? []).filter((item) => !removed.includes(item.id)).map(fromStored), ...added],
    [stored, removed, added],
  );
  const remote = useMemo(() => {
    if (stored === undefined) return NONE;
    const held = new Set(stored.map((item) => item.id));
    return listed.filter((id) => !held.has(id) && !removed.includes(id));
  }, [stored, listed, removed]);
  /** Marks a photo or voice note held only by the server for removal from the record. */
  const removeRemote = useCallback((id: string) => {
    setRemoved((ids) => (ids.includes(id) ? ids : [...ids, id]));
  }, []);

  const add = useCallback((kind: MediaKind, blob: Blob, mime: string, durationMs?: number) => {
    counter.current += 1;
    const key = `draft-${counter.current}`;
    setAdded((list) => [...list, { key, kind, blob, mime, size: blob.size, durationMs }]);
  }, []);

  const remove = useCallback((item: DraftMedia) => {
    const { storedId } = item;
    if (storedId === undefined) setAdded((list) => list.filter((other) => other.key !== item.key));
    else setRemoved((ids) => (ids.includes(storedId) ? ids : [...ids, storedId]));
  }, []);

  /** Called by the save for each item once it is written, so a retry after a failure never repeats it. */
  const settle = useCallback((change: { addedKey?: string; removedId?: string }) => {
    if (change.addedKey !== undefined) setAdded((list) => list.filter((item) => item.key !== change.addedKey));
    if (change.removedId !== undefined) setRemoved((ids) => ids.filter((id) => id !== change.removedId));
  }, []);

  return {
    items,
    remote,
    added,
    removed,
    add,
    remove,
    removeRemote,
    settle,
    changed: added.length > 0 || removed.length > 0,
  };
}

export type MediaDraft = ReturnType<typeof useMediaDraft>;
