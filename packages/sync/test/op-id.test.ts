import { describe, expect, it } from 'vitest';
import { newOpId as newId } from '../src/client/op-id.ts';

describe('newOpId', () => {
  it('is a UUIDv7 carrying the millisecond timestamp', () => {
    const now = Date.UTC(2026, 10, 21, 9, 30);
    const id = newId(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(now);
  });

  it('sorts by creation time and does not repeat', () => {
    const ids = [newId(1_000), newId(2_000), newId(1_700_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => newId())).size).toBe(1000);
  });
});
