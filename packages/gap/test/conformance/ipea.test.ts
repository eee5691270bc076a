/**
 * ipeaGIT/accessibility reference values (tests/testthat/test-floating_catchment_area.R) on five
 * H3 cells of Belo Horizonte, plus coverage shares derived from the same data. ipea gives four
 * decimals (`round(x, 4)`); pysal's six-decimal values for the same case are checked as well.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { balancedFca, type CostMatrix, computeMeasure, coverage, twoStepFca } from '../../src/index.ts';
import { expectFourDecimals, fixturesMissing, readCsv, tableMatrix } from './fixtures.ts';

/** The order of the expected values in the fixture README. */
const IDS = ['89a88cdb57bffff', '89a88cdb597ffff', '89a88cdb5b3ffff', '89a88cdb5cfffff', '89a88cd909bffff'];

describe.skipIf(fixturesMissing('ipea H3'))('ipea accessibility, five H3 cells', () => {
  // Vitest runs the body of a skipped suite too: the files are read in beforeAll, which it does not.
  let population = new Float64Array(0);
  let jobs = new Float64Array(0);
  let schools = new Float64Array(0);
  let matrix: CostMatrix;
  beforeAll(() => {
    const land = readCsv('ipea_bho_5hex_land_use.csv');
    const column = (name: string) => Float64Array.from(IDS, (id) => Number(land.find((r) => r.id === id)?.[name]));
    population = column('population');
    jobs = column('jobs');
    schools = column('schools');
    matrix = tableMatrix(
      'ipea_bho_5hex_travel_matrix.csv',
      { origin: 'from_id', dest: 'to_id', cost: 'travel_time' },
      IDS,
      IDS,
    );
  });

  it('2SFCA with decay_binary(45): the 45-minute pair counts (cutoff inclusive)', () => {
    const { values } = twoStepFca(matrix, population, jobs, { cutoff: 45 });
    expectFourDecimals(values, [0.0152, 0.1491, 0.1491, 0.1068, 0]);
    expectFourDecimals(values, [0.015174, 0.149101, 0.149101, 0.106782, 0], 5e-7);
    // The empty cell reaches a supply point (itself, with 0 jobs): 0, not unreachable.
    expect(values[4]).toBe(0);
  });

  it('BFCA with decay_binary(45)', () => {
    const { values } = balancedFca(matrix, population, jobs, { cutoff: 45 });
    expectFourDecimals(values, [0.0094, 0.1993, 0.1993, 0.1147, 0]);
  });

  it('weight 1 everywhere (no cutoff): every cell gets total jobs / total population', () => {
    const { values } = computeMeasure('2sfca', matrix, population, jobs, { cutoff: Number.POSITIVE_INFINITY });
    expectFourDecimals(values, [0.1108, 0.1108, 0.1108, 0.1108, 0.1108]);
    expectFourDecimals(values, [0.110844, 0.110844, 0.110844, 0.110844, 0.110844], 5e-7);
    expect(values[0]).toBeCloseTo(599 / 5404, 12);
  });

  it('coverage by schools within 15 and 45 minutes', () => {
    const within15 = coverage(matrix, population, schools, { cutoff: 15 });
    expect(within15.share).toBeCloseTo(2363 / 5404, 12);
    expectFourDecimals([within15.share], [0.437269], 5e-7);
    expect(Array.from(within15.unserved, (i) => IDS[i])).toEqual(['89a88cdb57bffff', '89a88cdb5cfffff']);
    // The empty cell only reaches itself, which has no school: 0 (reachable but not served), not NaN.
    expect(Array.from(within15.values)).toEqual([0, 1, 1, 0, 0]);

    const within45 = computeMeasure('coverage', matrix, population, schools, { cutoff: 45 });
    expect(within45.share).toBeCloseTo(4552 / 5404, 12);
    expectFourDecimals([within45.share ?? Number.NaN], [0.842339], 5e-7);
    expect(Array.from(within45.unserved ?? [], (i) => IDS[i])).toEqual(['89a88cdb57bffff']);
  });
});
