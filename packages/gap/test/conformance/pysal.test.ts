/**
 * pysal/access reference values: the hospital example (access/tests/test_hospital_example.py and
 * further methods on the same data) and the 5 × 5 grid of access/tests/test_weighted_catchment.py.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  balancedFca,
  computeMeasure,
  fcaRatio,
  type GravityDecay,
  gravity,
  matrixFromPairs,
  normalizeByPopulation,
  raam,
  threeStepFca,
  twoStepFca,
} from '../../src/index.ts';
import { expectRelative, fixturesMissing, readCsv, tableMatrix } from './fixtures.ts';

const IDS = ['1', '2', '3'];
const COLUMNS = { origin: 'origin', dest: 'dest', cost: 'cost' };
const SCENARIOS = [0, 1, 2, 3];
/** pysal `weights.gravity(scale=1, alpha=-1)`: 1/cost. */
const INVERSE_COST: GravityDecay = { kind: 'gravity', scale: 1, alpha: -1 };

describe.skipIf(fixturesMissing('pysal hospital'))('pysal hospital example', () => {
  // Vitest runs the body of a skipped suite too: the files are read in beforeAll, which it does not.
  let tracts: Array<Record<string, string>> = [];
  let pop = new Float64Array(0);
  let doc = new Float64Array(0);
  let expected: Array<Record<string, string>> = [];
  let extra: Array<Record<string, string>> = [];
  beforeAll(() => {
    tracts = readCsv('hospital_tracts.csv');
    pop = Float64Array.from(tracts, (t) => Number(t.pop));
    doc = Float64Array.from(tracts, (t) => Number(t.doc));
    expected = readCsv('hospital_expected.csv');
    extra = readCsv('hospital_extra_methods.csv');
  });
  const matrix = (scenario: number, maxCost?: number) =>
    tableMatrix(`hospital_costs_s${scenario}.csv`, COLUMNS, IDS, IDS, maxCost);
  const column = (rows: Array<Record<string, string>>, scenario: number, name: string) =>
    IDS.map((id) => Number(rows.find((r) => r.scenario === String(scenario) && r.geoid === id)?.[name]));

  it('reads the tracts in geoid order', () => {
    expect(tracts.map((t) => t.geoid)).toEqual(IDS);
  });

  describe.each(SCENARIOS)('scenario %i', (scenario) => {
    it('2SFCA with 1/cost weights and max_cost 61 matches pysal and its simple_2sfca reference', () => {
      const { values } = twoStepFca(matrix(scenario), pop, doc, { cutoff: 61, decay: INVERSE_COST });
      expectRelative(values, column(expected, scenario, 'access_2sfca'));
      expectRelative(values, column(expected, scenario, 'ref_2sfca'));
    });

    it('3SFCA normalises the selection weights over every cost row, also the 80-minute ones beyond max_cost', () => {
      const { values } = threeStepFca(matrix(scenario), pop, doc, { cutoff: 61, decay: INVERSE_COST });
      expectRelative(values, column(expected, scenario, 'access_3sfca'));
      expectRelative(values, column(expected, scenario, 'ref_3sfca'));
    });

    it('2SFCA binary at 30 and 60', () => {
      expectRelative(
        computeMeasure('2sfca', matrix(scenario), pop, doc, { cutoff: 30 }).values,
        column(extra, scenario, '2sfca_binary30_doc'),
      );
      expectRelative(
        computeMeasure('2sfca', matrix(scenario), pop, doc, { cutoff: 60 }).values,
        column(extra, scenario, '2sfca_binary60_doc'),
      );
    });

    it("E2SFCA with the default zones (pysal's step_fn({10: 1, 20: 0.68, 30: 0.22}) = ours at cutoff 30)", () => {
      const { values } = computeMeasure('e2sfca', matrix(scenario), pop, doc, { cutoff: 30 });
      expectRelative(values, column(extra, scenario, 'e2sfca_default_doc'));
    });

    it('2SFCA with the Gaussian sigma = 20 and no cutoff', () => {
      const { values } = computeMeasure('g2sfca', matrix(scenario), pop, doc, {
        cutoff: Number.POSITIVE_INFINITY,
        decay: { kind: 'gaussian', sigma: 20 },
      });
      expectRelative(values, column(extra, scenario, '2sfca_gauss20_doc'));
    });

    it("3SFCA with the default weights (pysal's step_fn({10: .962, 20: .704, 30: .377, 60: .042}) = ours at cutoff 60)", () => {
      const { values } = computeMeasure('3sfca', matrix(scenario), pop, doc, { cutoff: 60 });
      expectRelative(values, column(extra, scenario, '3sfca_default_doc'));
    });

    it('FCA ratio at 30 and 60, with the same table as the demand → demand costs', () => {
      const m = matrix(scenario);
      expectRelative(
        computeMeasure('fca', m, pop, doc, { cutoff: 30, neighbors: m }).values,
        column(extra, scenario, 'fca30_doc'),
      );
      expectRelative(fcaRatio(m, pop, doc, { cutoff: 60, neighbors: m }), column(extra, scenario, 'fca60_doc'));
    });

    it('gravity (weighted_catchment) with 1/cost and no cutoff', () => {
      const values = gravity(matrix(scenario), pop, doc, { cutoff: Number.POSITIVE_INFINITY, decay: INVERSE_COST });
      expectRelative(values, column(extra, scenario, 'wc_grav_doc'));
    });

    it('RAAM with tau = 60', () => {
      expectRelative(raam(matrix(scenario), pop, doc, { tau: 60 }), column(extra, scenario, 'raam_doc'));
    });
  });

  it('3SFCA differs when the matrix holds only the pairs within the cutoff (the fixture note)', () => {
    const { values } = threeStepFca(matrix(0, 61), pop, doc, { cutoff: 61, decay: INVERSE_COST });
    const reference = Number(expected[0]?.access_3sfca);
    // 0.156333 instead of 0.156257: far outside the 1e-6 the conformance tests allow.
    expect(Math.abs((values[0] as number) - reference) / reference).toBeGreaterThan(1e-4);
  });

  it('normalize divides by the population-weighted mean, like pysal normalize=True', () => {
    const raw = computeMeasure('2sfca', matrix(0), pop, doc, { cutoff: 60 }).values;
    const normalised = computeMeasure('2sfca', matrix(0), pop, doc, { cutoff: 60, normalize: true });
    const mean = (100 * (raw[0] as number) + 50 * (raw[1] as number) + 10 * (raw[2] as number)) / 160;
    expect(normalised.mean).toBeCloseTo(mean, 12);
    // Binary 2SFCA with everyone reaching something: the mean is total supply / total demand.
    expect(normalised.mean).toBeCloseTo(135 / 160, 12);
    expectRelative(
      normalised.values,
      Array.from(raw, (a) => a / mean),
    );
    expect(normalizeByPopulation(raw, pop).values).toEqual(normalised.values);
  });

  it('BFCA balances demand and level of service on the same data', () => {
    const { values, supplyRatio, demandPotential } = balancedFca(matrix(0), pop, doc, { cutoff: 60 });
    expect(demandPotential.reduce((a, b) => a + b, 0)).toBeCloseTo(160, 9);
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(
      supplyRatio.reduce((a, b) => a + b, 0),
      9,
    );
  });
});

describe('pysal 5 × 5 grid: weighted_catchment with gravity(scale=60, alpha=+1)', () => {
  // access/tests/util.py: ids 1…25, x = (id−1) div 5, y = (id−1) mod 5, value 1, Euclidean costs.
  const n = 25;
  const origin: number[] = [];
  const dest: number[] = [];
  const cost: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      origin.push(i);
      dest.push(j);
      cost.push(Math.hypot(Math.floor(i / 5) - Math.floor(j / 5), (i % 5) - (j % 5)));
    }
  const matrix = matrixFromPairs(n, n, origin, dest, cost, Number.POSITIVE_INFINITY);
  const ones = new Float64Array(n).fill(1);

  it('gives the values of test_weighted_catchment_with_gravity_weights (weight = d/60, growing with distance)', () => {
    const values = gravity(matrix, ones, ones, {
      cutoff: Number.POSITIVE_INFINITY,
      decay: { kind: 'gravity', scale: 60, alpha: 1 },
    });
    const ids = [1, 5, 13, 19, 24];
    expectRelative(
      ids.map((id) => values[id - 1] as number),
      [1.32234021, 1.32234021, 0.780985109, 0.925540119, 1.133733026],
    );
  });

  it('a step of 0.5 counts only the cell itself, a step of 10 all 25 cells', () => {
    const small = gravity(matrix, ones, ones, {
      cutoff: Number.POSITIVE_INFINITY,
      decay: { kind: 'steps', steps: [{ upTo: 0.5, weight: 0.5 }] },
    });
    const large = gravity(matrix, ones, ones, {
      cutoff: Number.POSITIVE_INFINITY,
      decay: { kind: 'steps', steps: [{ upTo: 10, weight: 1 }] },
    });
    expect(Array.from(new Set(small))).toEqual([0.5]);
    expect(Array.from(new Set(large))).toEqual([25]);
  });
});
