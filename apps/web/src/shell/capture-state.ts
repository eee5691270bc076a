import type { Geometry, RecordKind } from '@quartiersatlas/domain';
import type { ShellView } from './roles.ts';

export type Position = [number, number];
export type GeometryMode = 'place-point' | 'draw-polygon';

/** The record being filled in, and the geometry the map collects for it. */
export interface Draft {
  kind: RecordKind;
  /** Set when an existing record is edited. */
  recordId: string | null;
  /** Which geometry the form asked for last; that one is handed to the form. */
  mode: GeometryMode | null;
  /** True while the map takes taps and the form waits below. */
  placing: boolean;
  point: Position | null;
  /** Open ring: the first corner is not repeated. */
  ring: Position[] | null;
}

export interface CaptureState {
  view: ShellView;
  draft: Draft | null;
  /** Counts drafts, so a new one mounts a fresh form. */
  draftKey: number;
}

export type CaptureAction =
  | { type: 'view'; view: ShellView }
  | { type: 'new'; kind: RecordKind }
  | { type: 'edit'; recordId: string; kind: RecordKind; geometry: Geometry | null }
  | { type: 'request-geometry'; mode: GeometryMode }
  | { type: 'point'; point: Position }
  | { type: 'ring'; ring: Position[] }
  | { type: 'done-placing' }
  | { type: 'close' };

function emptyDraft(kind: RecordKind, recordId: string | null): Draft {
  return { kind, recordId, mode: null, placing: false, point: null, ring: null };
}

/** Positions of a stored geometry as the map's point or open ring. */
export function fromGeometry(geometry: Geometry | null): Pick<Draft, 'mode' | 'point' | 'ring'> {
  if (geometry?.type === 'Point') {
    const [lon = 0, lat = 0] = geometry.coordinates;
    return { mode: 'place-point', point: [lon, lat], ring: null };
  }
  const outer = geometry?.type === 'Polygon' ? geometry.coordinates[0] : geometry?.coordinates[0]?.[0];
  if (!outer || outer.length < 4) return { mode: null, point: null, ring: null };
  const ring = outer.slice(0, -1).map(([lon = 0, lat = 0]) => [lon, lat] as Position);
  return { mode: 'draw-polygon', point: null, ring };
}

/** The geometry to hand to the form: the point, or the ring closed into a polygon once it has three corners. */
export function draftGeometry(draft: Draft | null): Geometry | null {
  if (!draft) return null;
  if (draft.mode === 'place-point' && draft.point) return { type: 'Point', coordinates: draft.point };
  if (draft.mode === 'draw-polygon' && draft.ring && draft.ring.length >= 3) {
    const first = draft.ring[0] as Position;
    return { type: 'Polygon', coordinates: [[...draft.ring, first]] };
  }
  return null;
}

export function captureReducer(state: CaptureState, action: CaptureAction): CaptureState {
  const { draft } = state;
  switch (action.type) {
    case 'view':
      return { ...state, view: action.view };
    case 'new':
      return { view: 'capture', draft: emptyDraft(action.kind, null), draftKey: state.draftKey + 1 };
    case 'edit':
      return {
        view: 'capture',
        draft: { ...emptyDraft(action.kind, action.recordId), ...fromGeometry(action.geometry) },
        draftKey: state.draftKey + 1,
      };
    case 'request-geometry':
      return draft ? { ...state, draft: { ...draft, mode: action.mode, placing: true } } : state;
    case 'point':
      return draft ? { ...state, draft: { ...draft, point: action.point } } : state;
    case 'ring':
      return draft ? { ...state, draft: { ...draft, ring: action.ring } } : state;
    case 'done-placing':
      return draft ? { ...state, draft: { ...draft, placing: false } } : state;
    case 'close':
      return { ...state, draft: null };
  }
}
