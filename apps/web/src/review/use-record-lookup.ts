import { useEffect, useRef, useState } from 'react';
import { db } from '../data/index.ts';
import type { PresentableRecord } from './record-text.ts';
import { fetchRecord } from './review-api.ts';

/**
 * This device's copy of a record, else the server's. Planners' devices pull every record, deleted
 * ones included, which the records API no longer hands out; null when neither knows it.
 */
async function lookUp(id: string): Promise<PresentableRecord | null> {
  const local = await db.records.get(id);
  if (local) return local.feature;
  return fetchRecord(id).catch(() => null);
}

/** The records that conflicts concern, for their names and pictograms; missing ones arrive as they load. */
export function useRecordLookup(ids: readonly string[]): ReadonlyMap<string, PresentableRecord | null> {
  const [found, setFound] = useState<ReadonlyMap<string, PresentableRecord | null>>(new Map());
  const asked = useRef(new Set<string>());
  const wanted = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let cancelled = false;
    const missing = (wanted === '' ? [] : wanted.split(',')).filter((id) => !asked.current.has(id));
    for (const id of missing) asked.current.add(id);
    void Promise.all(missing.map(async (id) => [id, await lookUp(id)] as const)).then((entries) => {
      if (cancelled) {
        for (const [id] of entries) asked.current.delete(id);
        return;
      }
      if (entries.length > 0) setFound((known) => new Map([...known, ...entries]));
    });
    return () => {
      cancelled = true;
    };
  }, [wanted]);
  return found;
}
