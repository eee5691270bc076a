import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeZensusGrid, parseZensusGrid, type ZensusGridResult } from './zensus-grid.ts';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const shared = `${repo}../shared/data/dortmund/`;
const haveShared = existsSync(`${shared}zensus2011_1km_dortmund.csv`);
if (!haveShared)
  console.warn(`[skip] Dortmund Zensus tests skipped: ${shared} is absent (real data lives beside the repo)`);

function ok(result: ZensusGridResult) {
  if (!result.ok) throw new Error(`expected a layer, got ${JSON.stringify(result.problems)}`);
  return result;
}

/** Metres between two WGS84 points (equirectangular; exact enough below a kilometre). */
function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const k = Math.cos((lat1 * Math.PI) / 180);
  return Math.hypot((lon2 - lon1) * k, lat2 - lat1) * 111_195;
}

function at(result: ReturnType<typeof ok>, id: string) {
  const i = result.layer.ids.indexOf(id);
  if (i < 0) throw new Error(`cell ${id} is not in the layer`);
  return {
    lon: result.layer.x[i] as number,
    lat: result.layer.y[i] as number,
    weight: result.layer.weight[i] as number,
  };
}

describe('parseZensusGrid on the demo grid (data/demo/population-100m.csv)', () => {
  const text = readFileSync(`${repo}data/demo/population-100m.csv`, 'utf8');

  it('reads every cell with its inhabitants', () => {
    const { layer, report } = ok(parseZensusGrid(text));
    expect(report).toMatchObject({ rows: 870, cells: 870, withheld: 0, skipped: [], cellSize: 100 });
    expect(report.totalPopulation).toBe(26_481);
    expect(layer.crs).toBe('wgs84');
    expect(at(ok(parseZensusGrid(text)), '100mN31619E41458').weight).toBe(28);
  });

  it('weights each demand group by its own columns, families by the residents under 18', () => {
    const families = ok(parseZensusGrid(text, { group: 'families' }));
    expect(families.report.totalPopulation).toBe(4_897);
    expect(families.report.weightFrom).toBe('unter6 + 6bis10 + 10bis18');
    expect(families.report.approximate).toBe(false);
    expect(ok(parseZensusGrid(text, { group: 'seniors_80' })).report.totalPopulation).toBe(1_642);
    expect(at(ok(parseZensusGrid(text, { group: 'children_6_10' })), '100mN31620E41457').weight).toBe(1);
  });

  it('keeps the grid metres when asked for EPSG:3035', () => {
    const { layer } = ok(parseZensusGrid(text, { crs: 'epsg3035' }));
    expect(layer.crs).toBe('planar');
    expect([layer.x[0], layer.y[0]]).toEqual([4145850, 3161950]);
  });
});

describe('parseZensusGrid on small files', () => {
  const header = 'Gitter_ID_1km;x_mp_1km;y_mp_1km;Einwohner;unter18_A;ab65_A';

  it('leaves withheld cells (-1) out of the layer but counts and names them', () => {
    const csv = `${header}\n1kmN3156E4143;4143500;3156500;100;20;10\n1kmN3156E4144;4144500;3156500;-1;-1;-1\n`;
    const { layer, report } = ok(parseZensusGrid(csv));
    expect(layer.ids).toEqual(['1kmN3156E4143']);
    expect(report).toMatchObject({ rows: 2, cells: 1, withheld: 1, withheldIds: ['1kmN3156E4144'] });
    expect(report.totalPopulation).toBe(100);
  });

  it('estimates a withheld share (-9) from the mean share when the head count is known', () => {
    const csv = `${header}\nA;4143500;3156500;100;20;10\nB;4144500;3156500;300;20;30\nC;4145500;3156500;10;-9;-9\n`;
    const { report, ...rest } = ok(parseZensusGrid(csv, { group: 'seniors_65' }));
    expect(report.estimated).toBe(1);
    // mean share = (10 + 90) / 400 = 25 %
    expect(at({ report, ...rest }, 'C').weight).toBeCloseTo(2.5, 10);
    expect(report.weightFrom).toBe('Einwohner × ab65_A / 100');
  });

  it('splits a band by years of age and says so', () => {
    const csv = 'Gitter_ID_100m,x_mp_100m,y_mp_100m,unter10\n100mN31616E41447,4144750,3161650,20\n';
    const { report, ...rest } = ok(parseZensusGrid(csv, { group: 'children_0_6' }));
    expect(at({ report, ...rest }, '100mN31616E41447').weight).toBeCloseTo(12, 10);
    expect(report.approximate).toBe(true);
    expect(report.weightFrom).toContain('unter10 × 6/10');
  });

  it('refuses a group the columns cannot give, naming the columns it has', () => {
    const csv = 'Gitter_ID_100m,x_mp_100m,y_mp_100m,unter10\n100mN31616E41447,4144750,3161650,20\n';
    const result = parseZensusGrid(csv, { group: 'seniors_65' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.reason).toMatch(/seniors_65.*unter10/);
  });

  it('names the row and column of a value that is not a number', () => {
    const csv = `${header}\nA;4143500;3156500;100;20;10\nB;4144500;3156500;lots;20;10\n`;
    const result = parseZensusGrid(csv);
    expect(result).toEqual({
      ok: false,
      problems: [{ row: 3, column: 'Einwohner', reason: '"lots" is not a number' }],
    });
  });

  it('names a row with the wrong number of fields and a bad coordinate', () => {
    const bad = parseZensusGrid(`${header}\nA;4143500;3156500;100\nB;east;3156500;100;20;10\n`);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toEqual([
        { row: 2, column: null, reason: 'has 4 fields, the header has 6' },
        { row: 3, column: 'x_mp_1km', reason: '"east" is not a coordinate' },
      ]);
    }
  });

  it('skips a repeated cell and reports it', () => {
    const csv = `${header}\nA;4143500;3156500;100;20;10\nA;4143500;3156500;100;20;10\n`;
    const { report } = ok(parseZensusGrid(csv));
    expect(report.skipped).toEqual([{ row: 3, reason: 'cell A already appeared in row 2' }]);
    expect(report.cells).toBe(1);
  });

  it('places cells from their ids when there are no centre columns, and reads decimal commas and a BOM', () => {
    const csv = '\uFEFFGITTER_ID_100m;Einwohner;ab65_A\n100mN31616E41447;10;12,5\n';
    const { layer, report } = ok(parseZensusGrid(csv, { column: 'ab65_A', crs: 'epsg3035' }));
    expect([layer.x[0], layer.y[0]]).toEqual([4144750, 3161650]);
    expect(layer.weight[0]).toBeCloseTo(1.25, 10);
    expect(report.cellSize).toBe(100);
  });

  it('rejects files without grid columns and unknown weight columns', () => {
    expect(parseZensusGrid('lon,lat,n\n7.4,51.5,3\n').ok).toBe(false);
    const result = parseZensusGrid(`${header}\nA;4143500;3156500;100;20;10\n`, { column: 'Kinder' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.reason).toMatch(/column "Kinder" is not in the file/);
  });

  it('recognises Zensus headers', () => {
    expect(looksLikeZensusGrid(`${header}\n`)).toBe(true);
    expect(looksLikeZensusGrid('id,lon,lat\n')).toBe(false);
  });
});

describe.skipIf(!haveShared)('parseZensusGrid on the real Dortmund Zensus 2011 grids', () => {
  const inDortmund = (f: Readonly<Record<string, string>>) => f.stadtbezirk_do !== '';

  it('1 km: 567,330 inhabitants in the cells whose centre lies in a Dortmund district', () => {
    const text = readFileSync(`${shared}zensus2011_1km_dortmund.csv`, 'utf8');
    const { report } = ok(parseZensusGrid(text, { keep: inDortmund }));
    expect(report).toMatchObject({ rows: 575, filteredOut: 293, withheld: 8, cells: 274, cellSize: 1000 });
    expect(report.totalPopulation).toBe(567_330);
    const all = ok(parseZensusGrid(text));
    expect(all.report).toMatchObject({ cells: 561, withheld: 14, totalPopulation: 957_012 });
  });

  it('1 km: the centre of 1kmN3157E4140 matches an independent inverse projection within 1 m', () => {
    const text = readFileSync(`${shared}zensus2011_1km_dortmund.csv`, 'utf8');
    const cell = at(ok(parseZensusGrid(text)), '1kmN3157E4140');
    // Snyder's LAEA inverse on GRS80 with the iterated authalic latitude, computed outside this code base.
    expect(metres(cell.lon, cell.lat, 7.40006097, 51.49925786)).toBeLessThan(1);
    expect(cell.weight).toBe(2377);
  });

  it('1 km: seniors from the ab65_A share, children by years of age, no figure for the over-80s', () => {
    const text = readFileSync(`${shared}zensus2011_1km_dortmund.csv`, 'utf8');
    const seniors = ok(parseZensusGrid(text, { group: 'seniors_65', keep: inDortmund }));
    expect(at(seniors, '1kmN3156E4143').weight).toBeCloseTo((1755 * 26.2) / 100, 6);
    expect(seniors.report.totalPopulation).toBeGreaterThan(116_566);
    const small = ok(parseZensusGrid(text, { group: 'children_0_6' }));
    expect(at(small, '1kmN3156E4143').weight).toBeCloseTo((((1755 * 14.42) / 100) * 6) / 18, 6);
    expect(small.report.approximate).toBe(true);
    expect(parseZensusGrid(text, { group: 'seniors_80' }).ok).toBe(false);
  });

  it('100 m under-10s: every listed cell, and a centre within 1 m', () => {
    const text = readFileSync(`${shared}zensus2011_100m_unter10_dortmund.csv`, 'utf8');
    const all = ok(parseZensusGrid(text, { column: 'unter10' }));
    expect(all.report).toMatchObject({ rows: 11_701, cells: 11_701, withheld: 0, totalPopulation: 76_411 });
    const inside = ok(parseZensusGrid(text, { column: 'unter10', keep: inDortmund }));
    expect(inside.report).toMatchObject({ cells: 6_574, totalPopulation: 46_836 });
    const cell = at(inside, '100mN31616E41447');
    expect(metres(cell.lon, cell.lat, 7.45915635, 51.53787634)).toBeLessThan(1);
    expect(cell.weight).toBe(8);
  });

  it('100 m over-80s give the seniors_80 group exactly', () => {
    const text = readFileSync(`${shared}zensus2011_100m_ab80_dortmund.csv`, 'utf8');
    const { report } = ok(parseZensusGrid(text, { group: 'seniors_80' }));
    expect(report).toMatchObject({ cells: 9_566, totalPopulation: 51_338, weightFrom: 'ab80', approximate: false });
  });
});
