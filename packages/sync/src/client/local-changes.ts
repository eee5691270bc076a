import { type Geometry, normalizeGeometry } from '@quartiersatlas/domain';
import type { RecordChanges } from '../protocol.ts';
import type { ClientFeature } from './types.ts';

/** A local edit: new values for some fields; a property set to null is removed. */
export interface LocalChanges {
  geometry?: ClientFeature['geometry'];
  properties?: Record<string, unknown>;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the fields that differ from `feature`, so an update sends (and may conflict on) no more. */
export function changedFields(feature: ClientFeature, changes: LocalChanges): RecordChanges {
  const patch: RecordChanges = {};
  if (changes.geometry !== undefined && !same(changes.geometry, feature.geometry)) {
    patch.geometry = normalizeGeometry(changes.geometry as Geometry) as RecordChanges['geometry'];
  }
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes.properties ?? {})) {
    const current = feature.properties[key];
    const removesAbsent = value === null && (current === undefined || current === null);
    if (!removesAbsent && !same(value, current)) properties[key] = value;
  }
  if (Object.keys(properties).length > 0) patch.properties = properties;
  return patch;
}

/** `feature` with `changes` applied as the server applies an update (PATCH semantics). */
export function applyChanges(feature: ClientFeature, changes: RecordChanges): ClientFeature {
  const properties: Record<string, unknown> = { ...feature.properties };
  for (const [key, value] of Object.entries(changes.properties ?? {})) {
    // As in PATCH: null removes a field, except sessionId, where null means "in no session".
    if (value === null && key !== 'sessionId') delete properties[key];
    else properties[key] = value;
  }
  return {
    type: 'Feature',
    id: feature.id,
    geometry: (changes.geometry as ClientFeature['geometry'] | undefined) ?? feature.geometry,
    properties: properties as ClientFeature['properties'],
  };
}
