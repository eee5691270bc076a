import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCursor, formatCursor, parseCursor } from './cursor.ts';

const EPOCH = '0196c3f0-8a41-7b2e-9c1d-5f0e2a7b3c4d';

describe('sync cursors', () => {
  it('reads back what it writes, with the horizon only while a full pull is below it', () => {
    expect(formatCursor(EPOCH, 42, 10)).toBe(`${EPOCH}.42`);
    expect(formatCursor(EPOCH, 7, 10)).toBe(`${EPOCH}.7.10`);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (version, horizon) => {
        const parsed = parseCursor(formatCursor(EPOCH, version, horizon));
        expect(parsed).toEqual({ epoch: EPOCH, version, passHorizon: version < horizon ? horizon : null });
      }),
    );
  });

  it('refuses what it never wrote', () => {
    for (const raw of ['', 'abc', `${EPOCH}.`, `${EPOCH}.-1`, `${EPOCH}.1.2.3`, `${EPOCH}.01`, `${EPOCH}.1e3`, '.5']) {
      expect(parseCursor(raw), raw).toBeNull();
    }
  });

  it('sends a device back to a full pull for another database, a restored backup or purged deletions', () => {
    const position = { epoch: EPOCH, horizon: 50, counter: 200 };
    const at = (version: number, passHorizon: number | null = null) => ({ epoch: EPOCH, version, passHorizon });
    expect(checkCursor(at(120), position)).toBe('ok');
    expect(checkCursor(at(50), position)).toBe('ok');
    expect(checkCursor(at(200), position)).toBe('ok');
    expect(checkCursor({ ...at(120), epoch: 'other' }, position)).toBe('foreign-epoch');
    expect(checkCursor(at(201), position)).toBe('beyond-counter');
    expect(checkCursor(at(49), position)).toBe('below-horizon');
  });

  it('lets a full pull continue below the horizon until another purge moves it', () => {
    const position = { epoch: EPOCH, horizon: 50, counter: 200 };
    expect(checkCursor({ epoch: EPOCH, version: 3, passHorizon: 50 }, position)).toBe('ok');
    expect(checkCursor({ epoch: EPOCH, version: 3, passHorizon: 20 }, position)).toBe('below-horizon');
    expect(checkCursor({ epoch: EPOCH, version: 60, passHorizon: 20 }, position)).toBe('ok');
  });
});
