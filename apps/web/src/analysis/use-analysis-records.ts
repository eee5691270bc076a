import { useMemo } from 'react';
import { type LocalRecord, useLocalRecords, usePendingIds } from '../data/index.ts';
import type { MapRecord } from '../map/types.ts';
import { useRecordPresentation } from '../records/index.ts';

export interface AnalysisRecords {
  /** Services and needs of the category, every vacancy and brownfield, as the map draws them. */
  records: MapRecord[];
  /** Title of a record by id (name, address …), for potentials and the nearest service. */
  titleOf(id: string): string | undefined;
}

/**
 * The records this device holds (planners pull all of them) that matter for an analysis of
 * `category`: its supply, its voiced needs and the candidate sites. Rejected submissions stay out.
 */
export function useAnalysisRecords(category: string | null): AnalysisRecords {
  const all = useLocalRecords();
  const pending = usePendingIds();
  const present = useRecordPresentation();
  return useMemo(() => {
    const titles = new Map<string, string>();
    const records: MapRecord[] = [];
    for (const record of all ?? []) {
      if (record.status === 'rejected' || !relevant(record, category)) continue;
      const { icon, title } = present(record);
      titles.set(record.id, title);
      const { geometry, properties } = record.feature;
      if (geometry.type === 'MultiPolygon') continue;
      records.push({
        id: record.id,
        kind: record.kind,
        category: typeof properties.category === 'string' ? properties.category : undefined,
        icon,
        label: title,
        geometry,
        pending: pending.has(record.id),
      });
    }
    return { records, titleOf: (id: string) => titles.get(id) };
  }, [all, pending, present, category]);
}

function relevant(record: LocalRecord, category: string | null): boolean {
  if (record.kind === 'vacancy' || record.kind === 'brownfield') return true;
  return category !== null && record.feature.properties.category === category;
}
