import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time.ts';

const now = new Date('2026-11-21T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('relativeTime', () => {
  it('names the largest whole unit in the reader’s language', () => {
    expect(relativeTime(ago(20_000), now, 'de')).toBe('in dieser Minute');
    expect(relativeTime(ago(3 * 60_000 + 5_000), now, 'de')).toBe('vor 3 Minuten');
    expect(relativeTime(ago(2 * 3_600_000), now, 'en')).toBe('2 hours ago');
    expect(relativeTime(ago(86_400_000 + 60_000), now, 'de')).toBe('gestern');
    expect(relativeTime(ago(5 * 60_000), now, 'ar')).toMatch(/^قبل [٥5] دقائق$/);
  });
});
