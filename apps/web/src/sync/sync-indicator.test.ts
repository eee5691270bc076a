import { describe, expect, it } from 'vitest';
import { indicatorLook } from './sync-indicator.tsx';
import { syncScope } from './sync-provider.tsx';
import { IDLE_STATE } from './sync-state.ts';

const at = '2026-11-21T10:00:00.000Z';

describe('the top bar’s sync indicator', () => {
  it('shows a running round first, then anything that needs the person, then what waits', () => {
    expect(indicatorLook({ ...IDLE_STATE, running: true }, 3, 1)).toBe('syncing');
    expect(indicatorLook(IDLE_STATE, 0, 1)).toBe('problem');
    expect(indicatorLook({ ...IDLE_STATE, stopped: 'signIn' }, 0, 0)).toBe('problem');
    expect(indicatorLook({ ...IDLE_STATE, lastError: { kind: 'unavailable', code: 'INTERNAL', at } }, 2, 0)).toBe(
      'problem',
    );
    expect(indicatorLook(IDLE_STATE, 2, 0)).toBe('pending');
    expect(indicatorLook(IDLE_STATE, 0, 0)).toBe('done');
  });

  it('raises no alarm for being offline: the changes simply wait', () => {
    expect(indicatorLook({ ...IDLE_STATE, lastError: { kind: 'offline', code: 'NETWORK', at } }, 2, 0)).toBe('pending');
  });
});

describe('syncScope', () => {
  it('keeps a field team’s phone to its quarter and gives everyone else all they may see', () => {
    expect(syncScope('field', 'eving')).toEqual({ quarters: ['eving'] });
    expect(syncScope('planner', 'eving')).toEqual({ quarters: null });
    expect(syncScope('admin', 'marten')).toEqual({ quarters: null });
    expect(syncScope('resident', 'eving')).toEqual({ quarters: null });
  });
});
