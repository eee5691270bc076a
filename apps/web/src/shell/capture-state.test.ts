import { describe, expect, it } from 'vitest';
import { type CaptureState, captureReducer, draftGeometry, fromGeometry } from './capture-state.ts';

const start: CaptureState = { view: 'capture', draft: null, draftKey: 0 };

describe('capture state', () => {
  it('hands the placed point to the form once the map reports it', () => {
    let state = captureReducer(start, { type: 'new', kind: 'service' });
    state = captureReducer(state, { type: 'request-geometry', mode: 'place-point' });
    expect(state.draft?.placing).toBe(true);
    expect(draftGeometry(state.draft)).toBeNull();
    state = captureReducer(state, { type: 'point', point: [7.46, 51.55] });
    state = captureReducer(state, { type: 'done-placing' });
    expect(state.draft?.placing).toBe(false);
    expect(draftGeometry(state.draft)).toEqual({ type: 'Point', coordinates: [7.46, 51.55] });
  });

  it('closes a drawn ring into a polygon only from three corners on', () => {
    let state = captureReducer(start, { type: 'new', kind: 'brownfield' });
    state = captureReducer(state, { type: 'request-geometry', mode: 'draw-polygon' });
    state = captureReducer(state, {
      type: 'ring',
      ring: [
        [7, 51],
        [7.01, 51],
      ],
    });
    expect(draftGeometry(state.draft)).toBeNull();
    state = captureReducer(state, {
      type: 'ring',
      ring: [
        [7, 51],
        [7.01, 51],
        [7.01, 51.01],
      ],
    });
    expect(draftGeometry(state.draft)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [7, 51],
          [7.01, 51],
          [7.01, 51.01],
          [7, 51],
        ],
      ],
    });
  });

  it('uses the geometry kind the form asked for last (a vacancy may be a point or an area)', () => {
    let state = captureReducer(start, { type: 'new', kind: 'vacancy' });
    state = captureReducer(state, { type: 'request-geometry', mode: 'place-point' });
    state = captureReducer(state, { type: 'point', point: [7.4, 51.5] });
    state = captureReducer(state, { type: 'request-geometry', mode: 'draw-polygon' });
    expect(draftGeometry(state.draft)).toBeNull();
    state = captureReducer(state, { type: 'request-geometry', mode: 'place-point' });
    expect(draftGeometry(state.draft)?.type).toBe('Point');
  });

  it('opens an existing polygon as an open ring and mounts a fresh form for every draft', () => {
    const edited = captureReducer(start, {
      type: 'edit',
      recordId: 'r1',
      kind: 'brownfield',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [7, 51],
            [7.01, 51],
            [7.01, 51.01],
            [7, 51],
          ],
        ],
      },
    });
    expect(edited.draft?.ring).toHaveLength(3);
    expect(edited.draft?.recordId).toBe('r1');
    expect(edited.draftKey).toBe(1);
    expect(captureReducer(edited, { type: 'new', kind: 'need' }).draftKey).toBe(2);
    expect(fromGeometry(null)).toEqual({ mode: null, point: null, ring: null });
  });
});
