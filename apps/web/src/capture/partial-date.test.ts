import { describe, expect, it } from 'vitest';
import { convertPartialDate } from './partial-date.ts';

describe('convertPartialDate', () => {
  it('keeps what the coarser precision can hold and clears what it cannot show', () => {
    expect(convertPartialDate('2023-04-17', 'month')).toBe('2023-04');
    expect(convertPartialDate('2023-04', 'year')).toBe('2023');
    expect(convertPartialDate('2023-04', 'month')).toBe('2023-04');
    expect(convertPartialDate('2023', 'month')).toBe('');
    expect(convertPartialDate('2023-04', 'day')).toBe('');
  });
});
