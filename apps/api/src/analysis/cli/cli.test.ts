import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../../../', import.meta.url));
const aceso = join(repo, '../shared/fixtures/accessibility/aceso_3x2_cost.csv');
const haveAceso = existsSync(aceso);
if (!haveAceso) console.warn(`[skip] analyze --costs reference case skipped: ${aceso} is absent`);

const dir = mkdtempSync(join(tmpdir(), 'analyze-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function analyze(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/analysis/cli.ts', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function rows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
}

// 0.001° of latitude on the 6,371 km sphere the engine uses.
const MILLI_DEGREE = (6_371_000 * Math.PI) / 180 / 1000;

const supplyGeoJson = file(
  'supply.geojson',
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 's0', geometry: { type: 'Point', coordinates: [7.45, 51.501] }, properties: { cap: 2 } },
      {
        type: 'Feature',
        id: 's1',
        // a 0.002° square around (7.46, 51.5): counts at its centroid
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [7.459, 51.499],
              [7.461, 51.499],
              [7.461, 51.501],
              [7.459, 51.501],
              [7.459, 51.499],
            ],
          ],
        },
        properties: { cap: 1 },
      },
    ],
  }),
);
const demandCsv = file('demand.csv', 'id,lon,lat,people\nnear,7.45,51.5,10\nfar,7.60,51.5,5\ncentre,7.46,51.5,3\n');

describe('npm run analyze', () => {
  it('writes id,value per demand point in input order, empty where nothing is reachable', () => {
    const out = join(dir, 'nearest.csv');
    const ok = analyze(
      ...['--supply', supplyGeoJson, '--demand', demandCsv, '--method', 'nearest', '--cutoff', '500', '--out', out],
    );
    expect(ok.status).toBe(0);
    const [header, near, far, centre] = rows(out);
    expect(header).toEqual(['id', 'value']);
    expect(near?.[0]).toBe('near');
    expect(Number(near?.[1])).toBeCloseTo(MILLI_DEGREE, 3);
    expect(far).toEqual(['far', '']);
    expect(Number(centre?.[1])).toBeLessThan(0.01);
  });

  it('multiplies straight-line distances by --detour and weighs by the given fields', () => {
    const out = join(dir, 'detour.csv');
    const run = analyze(
      ...['--supply', supplyGeoJson, '--demand', demandCsv, '--method', 'nearest', '--cutoff', '500'],
      ...['--detour', '1.3', '--out', out],
    );
    expect(run.status).toBe(0);
    expect(Number(rows(out)[1]?.[1])).toBeCloseTo(1.3 * MILLI_DEGREE, 3);

    const fca = join(dir, '2sfca.csv');
    const weighted = analyze(
      ...['--supply', supplyGeoJson, '--demand', demandCsv, '--method', '2sfca', '--cutoff', '200'],
      ...['--supply-weight', 'cap', '--demand-weight', 'people', '--out', fca],
    );
    expect(weighted.status).toBe(0);
    // near reaches only s0 (cap 2, 10 people), centre only s1 (cap 1, 3 people)
    expect(rows(fca).slice(1)).toEqual([
      ['near', String(2 / 10)],
      ['far', ''],
      ['centre', String(1 / 3)],
    ]);
  });

  it.skipIf(!haveAceso)('reproduces the aceso 2SFCA reference from a travel-cost table (--costs)', () => {
    const demand = file('aceso-demand.csv', 'id\nd0\nd1\nd2\n');
    const supply = file('aceso-supply.csv', 'id\ns0\ns1\n');
    const out = join(dir, 'aceso.csv');
    const run = analyze(
      ...['--supply', supply, '--demand', demand, '--method', '2sfca', '--cutoff', '6', '--costs', aceso],
      ...['--out', out],
    );
    expect(run.stderr).not.toMatch(/^analyze:/m);
    expect(run.status).toBe(0);
    expect(rows(out)).toEqual([
      ['id', 'value'],
      ['d0', '1.5'],
      ['d1', '0.5'],
      ['d2', ''],
    ]);
  });

  it('measures planar x/y inputs in metres with --crs', () => {
    const supply = file('planar-supply.csv', 'id,x,y\ns,400000,5700000\n');
    const demand = file('planar-demand.csv', 'id,x,y\na,400300,5700400\nb,401000,5700000\n');
    const out = join(dir, 'planar.csv');
    const args = ['--supply', supply, '--demand', demand, '--method', 'nearest', '--cutoff', '600', '--out', out];
    expect(analyze(...args, '--crs', 'EPSG:25832').status).toBe(0);
    expect(rows(out).slice(1)).toEqual([
      ['a', '500'],
      ['b', ''],
    ]);
    const withoutCrs = analyze(...args);
    expect(withoutCrs.status).toBe(2);
    expect(withoutCrs.stderr).toMatch(/--crs EPSG:3035 or EPSG:25832/);
  });

  it('takes a Zensus grid as demand, weighted by the column --demand-weight names', () => {
    const grid = file(
      'grid.csv',
      [
        'Gitter_ID_100m;x_mp_100m;y_mp_100m;Einwohner;ab65',
        '100mN31616E41447;4144750;3161650;40;10',
        '100mN31616E41448;4144850;3161650;-1;-1',
        '100mN31630E41460;4146050;3163050;20;4',
      ].join('\n'),
    );
    // (7.4592, 51.5379) is the centre of the first cell.
    const supply = file('grid-supply.csv', 'id,lon,lat\nclub,7.4592,51.5379\n');
    const out = join(dir, 'grid.csv.out');
    const run = analyze(
      ...['--supply', supply, '--demand', grid, '--method', '2sfca', '--cutoff', '300', '--demand-weight', 'ab65'],
      ...['--out', out],
    );
    expect(run.status).toBe(0);
    expect(rows(out)).toEqual([
      ['id', 'value'],
      ['100mN31616E41447', String(1 / 10)],
      ['100mN31630E41460', ''],
    ]);
    expect(run.stderr).toMatch(/1 withheld cells left out/);
  });

  it('walks along a --network instead of the straight line', () => {
    // An L-shaped street: 0.01° east, then 0.01° north. Demand at its west end, supply at its north end.
    const network = file(
      'streets.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [7.4, 51.5],
                [7.41, 51.5],
                [7.41, 51.51],
              ],
            },
          },
        ],
      }),
    );
    const supply = file('net-supply.csv', 'id,lon,lat\ns,7.41,51.51\n');
    const demand = file('net-demand.csv', 'id,lon,lat\nd,7.4,51.5\n');
    const out = join(dir, 'network.csv');
    const run = analyze(
      ...['--supply', supply, '--demand', demand, '--method', 'nearest', '--cutoff', '3000'],
      ...['--network', network, '--out', out],
    );
    expect(run.status).toBe(0);
    const walked = Number(rows(out)[1]?.[1]);
    const east = 10 * MILLI_DEGREE * Math.cos((51.5 * Math.PI) / 180);
    expect(walked).toBeCloseTo(east + 10 * MILLI_DEGREE, -1);
  });

  describe('refuses bad input with exit code 2 and one line naming the culprit', () => {
    const base = ['--supply', supplyGeoJson, '--demand', demandCsv, '--method', '2sfca', '--cutoff', '500'];
    const cases: Array<[string, string[], RegExp]> = [
      ['a missing --out', base, /--out is required/],
      ['an unknown method', [...base.slice(0, 5), 'best', '--cutoff', '1', '--out', 'x.csv'], /--method: "best"/],
      ['a cutoff that is no distance', [...base.slice(0, 7), '1km', '--out', 'x.csv'], /--cutoff: "1km"/],
      ['an unknown option', [...base, '--out', 'x.csv', '--speed', '5'], /--speed/],
      ['a bad decay', [...base, '--out', 'x.csv', '--decay', 'exponential'], /--decay: exponential needs/],
      [
        'a missing file',
        ['--supply', join(dir, 'none.csv'), ...base.slice(2), '--out', 'x.csv'],
        /none\.csv.*no such file/,
      ],
      ['--costs with --network', [...base, '--out', 'x.csv', '--costs', 'a.csv', '--network', 'b.geojson'], /exclude/],
      ['a weight that is no number', [...base, '--out', 'x.csv', '--demand-weight', 'id'], /row 2, column id: "near"/],
    ];
    it.each(cases)('%s', (_name, args, message) => {
      const run = analyze(...args);
      expect(run.status).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(existsSync(join(repo, 'x.csv'))).toBe(false);
    });
  });
});
