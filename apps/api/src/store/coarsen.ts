import { createHash } from 'node:crypto';
import type { Point } from '@quartiersatlas/domain';
import { cellToLatLng, latLngToCell } from 'h3-js';
import type { StoredRecord } from './records.ts';

/**
 * What the public sees of a resident's need. The point moves to the centre of its H3 cell at
 * resolution 8: hexagons of about 0.74 km² (some 460 m from centre to corner), several street
 * blocks in Eving or Marten. That keeps "there is a need for a Kita around here" readable on a
 * quarter map, while no need can be traced back to a house, a doorway or a person.
 *
 * Only the fields that make needs comparable travel with it: no photos or voice notes, no note, no
 * author. The free text (it may name people or addresses) and its language (in a small block, a rare
 * language can point to one household) travel only when a planner approved showing the text on
 * publishing (`records.public_text`); otherwise both are null. Time is kept to the day: the record id
 * (a UUIDv7, which holds its creation time to the millisecond) is replaced by an opaque public id,
 * and date filters on public needs compare whole days.
 */
export const COARSE_H3_RESOLUTION = 8;

export const PUBLIC_NEED_FIELDS = ['category', 'targetGroups', 'urgency', 'supporters'] as const;

/** Shown to the public only when a planner approved the text; null otherwise. */
export const APPROVED_TEXT_FIELDS = ['text', 'lang'] as const;

/** The centre of the resolution-8 H3 cell holding the point, [lon, lat]. */
export function coarsePosition(lon: number, lat: number): [number, number] {
  const [centreLat, centreLon] = cellToLatLng(latLngToCell(lat, lon, COARSE_H3_RESOLUTION));
  return [centreLon, centreLat];
}

export interface PublicNeed {
  type: 'Feature';
  id: string;
  geometry: Point;
  properties: Record<string, unknown>;
}

/** The id the public sees for a need: stable, but it reveals neither the record id nor its time. */
export function publicNeedId(recordId: string): string {
  return `need-${createHash('sha256').update(recordId.toLowerCase()).digest('hex').slice(0, 24)}`;
}

/**
 * A published need as the public may see it; needs are points (the domain allows nothing else).
 * `publicText`: the record's `public_text` flag. The default keeps the text internal, so a caller
 * that forgets to pass it errs on the side of the resident.
 */
export function publicNeed(record: StoredRecord, publicText = false): PublicNeed {
  if (record.kind !== 'need' || record.geometry.type !== 'Point') {
    throw new Error(`record ${record.id} is not a need with a point`);
  }
  const [lon, lat] = record.geometry.coordinates;
  const properties: Record<string, unknown> = {
    kind: 'need',
    category: record.category,
    // A quarter is coarser than the cell, so naming it reveals nothing more.
    quarterId: record.quarterId,
  };
  for (const field of PUBLIC_NEED_FIELDS) if (field !== 'category') properties[field] = record.fields[field] ?? null;
  for (const field of APPROVED_TEXT_FIELDS) properties[field] = publicText ? (record.fields[field] ?? null) : null;
  return {
    type: 'Feature',
    id: publicNeedId(record.id),
    geometry: { type: 'Point', coordinates: coarsePosition(lon, lat) },
    properties,
  };
}
