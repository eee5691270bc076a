import type { Geometry, RecordKind } from '@quartiersatlas/domain';
import { useMemo } from 'react';
import type { QuarterCollection } from '../api/endpoints.ts';
import { type LocalRecord, useLocalRecords, usePendingIds } from '../data/index.ts';
import type { MapQuarter, MapRecord } from '../map/types.ts';
import { useRecordPresentation } from '../records/index.ts';

/** Local records of the quarter as the map draws them: pictogram, label, and whether they wait for sync. */
export function useMapRecords(quarterId: string): MapRecord[] {
  const records = useLocalRecords({ quarterId });
  const pending = usePendingIds();
  const present = useRecordPresentation();
  return useMemo(
    () =>
      (records ?? []).flatMap((record: LocalRecord): MapRecord[] => {
        const { geometry, properties } = record.feature;
        if (geometry.type === 'MultiPolygon') return [];
        const { icon, title } = present(record);
        return [
          {
            id: record.id,
            kind: record.kind,
            category: typeof properties.category === 'string' ? properties.category : undefined,
            icon,
            label: title,
            geometry,
            pending: pending.has(record.id),
          },
        ];
      }),
    [records, pending, present],
  );
}

export function mapQuarters(quarters: QuarterCollection): MapQuarter[] {
  return quarters.features.flatMap((quarter) =>
    quarter.geometry
      ? [{ id: quarter.id, name: quarter.properties.name, geometry: quarter.geometry } as MapQuarter]
      : [],
  );
}

/** The map's id for a record that is being captured and not saved yet. */
export const DRAFT_ID = 'draft';

/**
 * While a form is open, the map shows its geometry as a pending, selected record (replacing the
 * stored copy of a record being edited), so what was placed stays visible next to the form.
 */
export function withDraft(
  records: MapRecord[],
  draft: { kind: RecordKind; recordId: string | null } | null,
  geometry: Geometry | null,
): { records: MapRecord[]; selectedId: string | null } {
  if (!draft) return { records, selectedId: null };
  const id = draft.recordId ?? DRAFT_ID;
  if (!geometry || geometry.type === 'MultiPolygon') return { records, selectedId: draft.recordId };
  const stored = records.find((record) => record.id === id);
  const shown: MapRecord = {
    id,
    kind: draft.kind,
    category: stored?.category,
    icon: stored?.icon ?? draft.kind,
    label: stored?.label ?? '',
    geometry,
    pending: true,
  };
  return { records: [...records.filter((record) => record.id !== id), shown], selectedId: id };
}
