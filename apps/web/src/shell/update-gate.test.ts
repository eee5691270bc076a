import { describe, expect, it } from 'vitest';
import { updateBlocker } from './update-gate.ts';

describe('updateBlocker', () => {
  it('lets the update through only with nothing unsynced and no open form', () => {
    expect(updateBlocker(0, false)).toBeNull();
  });

  it('waits for unsynced changes', () => {
    expect(updateBlocker(3, false)).toBe('unsynced');
  });

  it('waits for a dirty form first, since that is what the person can act on now', () => {
    expect(updateBlocker(3, true)).toBe('dirty');
    expect(updateBlocker(0, true)).toBe('dirty');
  });
});
