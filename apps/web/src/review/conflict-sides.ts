import type { Conflict, HistoryEvent } from './review-api.ts';

/** The fields of a whole-record conflict's lost side (`{ properties?, geometry? }`), geometry first. */
export function lostFields(value: unknown): Array<{ field: string; value: unknown }> {
  if (value === null || typeof value !== 'object') return [];
  const { geometry, properties } = value as { geometry?: unknown; properties?: unknown };
  const fields: Array<{ field: string; value: unknown }> = [];
  if (geometry !== undefined) fields.push({ field: 'geometry', value: geometry });
  if (properties !== null && typeof properties === 'object') {
    for (const [field, entry] of Object.entries(properties)) fields.push({ field, value: entry });
  }
  return fields;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * When each side was written. The side that arrived second is the conflict's own time: the kept
 * value of a field clash and a delete that met edits, the edit that met a delete. The other side
 * is found in the record's history, up to the version the conflict was recorded at.
 */
export function sideTimes(
  conflict: Conflict,
  events: readonly HistoryEvent[] | null,
): { keptAt: string | null; lostAt: string | null } {
  const before = (events ?? []).filter((event) => event.version < conflict.version);
  const latest = (match: (event: HistoryEvent) => boolean) => before.filter(match).at(-1)?.at ?? null;
  switch (conflict.kind) {
    case 'field':
      return {
        keptAt: conflict.createdAt,
        lostAt: latest((event) => {
          const change = event.changes[conflict.field];
          return change !== undefined && same(change.after, conflict.lostValue);
        }),
      };
    case 'delete-after-edit':
      return {
        keptAt: conflict.createdAt,
        lostAt: latest((event) => event.action === 'update' || event.action === 'create'),
      };
    case 'edit-after-delete':
      return { keptAt: latest((event) => event.action === 'delete'), lostAt: conflict.createdAt };
  }
}
