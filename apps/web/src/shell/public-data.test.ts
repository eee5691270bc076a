import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { QuarterCollection } from '../api/endpoints.ts';
import { pickQuarter } from './active-quarter.ts';
import { combine } from './public-data.ts';

const retry = () => undefined;
const offline = new ApiError('network', 0, 'Failed to fetch');

describe('public data at start', () => {
  it('shows the stored copy at once, even while offline', () => {
    expect(combine({ loaded: true, value: { v: 1 } }, { status: 'failed', error: offline }, retry)).toEqual({
      status: 'ready',
      data: { v: 1 },
    });
  });

  it('waits for the network when nothing is stored yet', () => {
    expect(combine({ loaded: true, value: null }, { status: 'pending' }, retry)).toEqual({ status: 'loading' });
    expect(combine({ loaded: false }, { status: 'failed', error: offline }, retry)).toEqual({ status: 'loading' });
  });

  it('reports the failure only when nothing is stored and the fetch failed', () => {
    const state = combine({ loaded: true, value: null }, { status: 'failed', error: offline }, retry);
    expect(state).toMatchObject({ status: 'error', error: { code: 'network' } });
  });
});

describe('pickQuarter', () => {
  const quarters = {
    type: 'FeatureCollection',
    features: [{ id: 'eving' }, { id: 'marten' }],
  } as unknown as QuarterCollection;

  it('keeps the stored choice while the quarter exists, else takes the first', () => {
    expect(pickQuarter(quarters, 'marten')).toBe('marten');
    expect(pickQuarter(quarters, 'lindenhorst')).toBe('eving');
    expect(pickQuarter(quarters, undefined)).toBe('eving');
  });
});
