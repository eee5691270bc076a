import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GpkgLayer, writeGeoPackage } from '../src/exports/geopackage.ts';
import { featureCount, gdal, gdalUnavailable, validateGeoPackage, validatorUnavailable } from './gis-helpers.ts';

const noGdal = gdalUnavailable();
if (noGdal) console.warn(`[skip] GeoPackage checks with ogrinfo skipped: ${noGdal}`);
const noValidator = validatorUnavailable();
if (noValidator) console.warn(`[skip] GeoPackage validation skipped: ${noValidator}`);

const square = (x: number, y: number, size: number): [number, number][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

const LAYERS: GpkgLayer[] = [
  {
    name: 'services',
    title: 'Services (Angebote)',
    description: 'test services',
    geometryType: 'POINT',
    columns: [
      { name: 'name', type: 'text' },
      { name: 'capacity', type: 'integer' },
      { name: 'floorAreaM2', type: 'real' },
      { name: 'stepFree', type: 'boolean' },
      { name: 'updatedAt', type: 'datetime' },
      { name: 'languages', type: 'list' },
      { name: 'with "quotes"', type: 'text' },
    ],
    features: [
      {
        geometry: { type: 'Point', coordinates: [7.465, 51.552] },
        properties: {
          name: 'Bäckerei Özdemir',
          capacity: 45,
          floorAreaM2: 82.5,
          stepFree: true,
          updatedAt: '2026-03-01T10:00:00.000Z',
          languages: ['de', 'tr'],
          'with "quotes"': 'مخبز',
        },
      },
      // A height from a phone's GPS is dropped: the layer is 2D.
      { geometry: { type: 'Point', coordinates: [7.47, 51.56, 78] }, properties: { name: 'Kiosk', stepFree: false } },
    ],
  },
  {
    name: 'sites',
    title: 'Sites',
    description: 'outlines, one with a courtyard',
    geometryType: 'POLYGON',
    columns: [{ name: 'name', type: 'text' }],
    features: [
      {
        geometry: { type: 'Polygon', coordinates: [square(7.46, 51.55, 0.01), square(7.463, 51.553, 0.002)] },
        properties: { name: 'Zeche' },
      },
      { geometry: null, properties: { name: 'outline not drawn yet' } },
    ],
  },
  {
    name: 'quarters',
    title: 'Quarters',
    description: 'a quarter in two parts',
    geometryType: 'MULTIPOLYGON',
    columns: [{ name: 'id', type: 'text' }],
    features: [
      {
        geometry: { type: 'MultiPolygon', coordinates: [[square(7.4, 51.5, 0.02)], [square(7.5, 51.6, 0.01)]] },
        properties: { id: 'eving' },
      },
    ],
  },
  { name: 'empty', title: 'Nothing yet', description: '', geometryType: 'GEOMETRY', columns: [], features: [] },
];

/** Reads a GeoPackage geometry blob back: header fields and, for points, the coordinates. */
function readBlob(blob: Buffer) {
  const flags = blob[3] as number;
  const envelopeBytes = [0, 32, 48, 48, 64][(flags >> 1) & 0b111] ?? 0;
  const wkb = blob.subarray(8 + envelopeBytes);
  return {
    magic: blob.subarray(0, 2).toString('latin1'),
    version: blob[2],
    littleEndian: (flags & 1) === 1,
    srsId: blob.readInt32LE(4),
    envelope: envelopeBytes === 32 ? [0, 1, 2, 3].map((i) => blob.readDoubleLE(8 + i * 8)) : null,
    wkbType: wkb.readUInt32LE(1),
    point: wkb.readUInt32LE(1) === 1 ? [wkb.readDoubleLE(5), wkb.readDoubleLE(13)] : null,
    wkbLength: wkb.length,
  };
}

describe('GeoPackage writer', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qa-gpkg-test-'));
    file = join(dir, 'test.gpkg');
    writeGeoPackage(file, LAYERS);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a GeoPackage 1.3 file with its layers, extents and WGS 84', () => {
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47);
      expect(db.pragma('user_version', { simple: true })).toBe(10300);
      const contents = db.prepare('SELECT * FROM gpkg_contents ORDER BY table_name').all() as Array<
        Record<string, unknown>
      >;
      expect(contents.map((c) => [c.table_name, c.identifier, c.srs_id])).toEqual([
        ['empty', 'Nothing yet', 4326],
        ['quarters', 'Quarters', 4326],
        ['services', 'Services (Angebote)', 4326],
        ['sites', 'Sites', 4326],
      ]);
      expect(contents.find((c) => c.table_name === 'quarters')).toMatchObject({
        min_x: 7.4,
        min_y: 51.5,
        max_x: 7.51,
        max_y: 51.61,
      });
      const srs = db
        .prepare('SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = 4326')
        .get();
      expect(srs).toEqual({ organization: 'EPSG', organization_coordsys_id: 4326 });
      const types = db
        .prepare('SELECT table_name, geometry_type_name FROM gpkg_geometry_columns ORDER BY table_name')
        .all();
      expect(types).toEqual([
        { table_name: 'empty', geometry_type_name: 'GEOMETRY' },
        { table_name: 'quarters', geometry_type_name: 'MULTIPOLYGON' },
        { table_name: 'services', geometry_type_name: 'POINT' },
        { table_name: 'sites', geometry_type_name: 'POLYGON' },
      ]);
    } finally {
      db.close();
    }
  });

  it('stores typed values and geometry blobs that read back as written', () => {
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM services ORDER BY fid').all() as Array<Record<string, unknown>>;
      expect(rows[0]).toMatchObject({
        name: 'Bäckerei Özdemir',
        capacity: 45,
        floorAreaM2: 82.5,
        stepFree: 1,
        updatedAt: '2026-03-01T10:00:00.000Z',
        languages: '["de","tr"]',
        'with "quotes"': 'مخبز',
      });
      expect(rows[1]).toMatchObject({ name: 'Kiosk', stepFree: 0, capacity: null, languages: null });
      const point = readBlob(rows[1]?.geom as Buffer);
      expect(point).toMatchObject({ magic: 'GP', version: 0, littleEndian: true, srsId: 4326, envelope: null });
      expect(point.point).toEqual([7.47, 51.56]);
      expect(point.wkbLength).toBe(21);

      const site = db.prepare('SELECT geom FROM sites WHERE fid = 1').get() as { geom: Buffer };
      const polygon = readBlob(site.geom);
      expect(polygon.wkbType).toBe(3);
      expect(polygon.envelope?.map((v) => Number(v.toFixed(6)))).toEqual([7.46, 7.47, 51.55, 51.56]);
      // Header, ring count, two rings of five points.
      expect(polygon.wkbLength).toBe(1 + 4 + 4 + 2 * (4 + 5 * 16));
      expect(db.prepare('SELECT geom FROM sites WHERE fid = 2').get()).toEqual({ geom: null });
      const quarter = db.prepare('SELECT geom FROM quarters').get() as { geom: Buffer };
      expect(readBlob(quarter.geom).wkbType).toBe(6);
      // The spatial index holds every feature that has a geometry.
      expect(db.prepare('SELECT count(*) AS n FROM rtree_sites_geom').get()).toEqual({ n: 1 });
      // R-trees hold 32-bit floats, rounded outwards so the box still contains the point.
      const box = db.prepare('SELECT minx, maxx FROM rtree_services_geom WHERE id = 2').get() as {
        minx: number;
        maxx: number;
      };
      expect(box.minx).toBeLessThanOrEqual(7.47);
      expect(box.maxx).toBeGreaterThanOrEqual(7.47);
      expect(box.maxx - box.minx).toBeLessThan(1e-5);
    } finally {
      db.close();
    }
  });

  it.skipIf(noGdal !== null)('opens in GDAL with the right feature counts, field types and CRS', async () => {
    const services = await gdal('ogrinfo', ['-ro', '-so', file, 'services']);
    expect(services.status, services.stderr).toBe(0);
    expect(featureCount(services.stdout)).toBe(2);
    expect(services.stdout).toContain('ID["EPSG",4326]');
    expect(services.stdout).toMatch(/capacity: Integer64/);
    expect(services.stdout).toMatch(/floorAreaM2: Real/);
    expect(services.stdout).toMatch(/stepFree: Integer\(Boolean\)/);
    expect(services.stdout).toMatch(/updatedAt: DateTime/);
    const first = await gdal('ogrinfo', ['-ro', '-q', file, 'sites', '-where', 'fid = 1']);
    expect(first.stdout).toContain('POLYGON ((7.46 51.55,7.47 51.55,7.47 51.56,7.46 51.56,7.46 51.55),(7.463 51.553,');
    const index = await gdal('ogrinfo', ['-ro', '-q', file, '-sql', "SELECT HasSpatialIndex('services', 'geom')"]);
    expect(index.stdout).toContain('= 1');
    const extent = await gdal('ogrinfo', ['-ro', '-so', '-spat', '7.46', '51.55', '7.466', '51.553', file, 'services']);
    expect(featureCount(extent.stdout)).toBe(1);
  });

  it.skipIf(noValidator !== null)("passes GDAL's GeoPackage validator", () => {
    const result = validateGeoPackage(file);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
