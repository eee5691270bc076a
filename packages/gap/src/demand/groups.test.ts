import { describe, expect, it } from 'vitest';
import { bandOfColumn, deriveBand, GROUP_BANDS } from './groups.ts';

const columns = (names: string[]) => names.map(bandOfColumn).filter((c) => c !== null);

describe('deriveBand', () => {
  it('prefers an exact count, then columns that add up, then a split by years of age', () => {
    expect(deriveBand(GROUP_BANDS.seniors_80, columns(['Einwohner', 'ab65', 'ab80']), 'Einwohner')?.description).toBe(
      'ab80',
    );
    expect(
      deriveBand(GROUP_BANDS.families, columns(['Einwohner', 'unter6', '6bis10', '10bis18']), 'Einwohner')?.description,
    ).toBe('unter6 + 6bis10 + 10bis18');
    const split = deriveBand(GROUP_BANDS.youth_10_18, columns(['Einwohner', 'unter18_A']), 'Einwohner');
    expect(split?.description).toBe(
      'Einwohner × unter18_A / 100 × 8/18, assuming an even spread over the years of age',
    );
    expect(split?.terms[0]?.factor).toBeCloseTo(8 / 18, 12);
  });

  it('never splits an open-ended band and needs the total for shares', () => {
    expect(deriveBand(GROUP_BANDS.seniors_80, columns(['Einwohner', 'ab65_A']), 'Einwohner')).toBeNull();
    expect(deriveBand(GROUP_BANDS.seniors_65, columns(['ab65_A']), null)).toBeNull();
  });
});
