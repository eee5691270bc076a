import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry } from '@quartiersatlas/domain';
import Database from 'better-sqlite3';
import type { FastifyReply } from 'fastify';
import type { Column, ColumnType } from './columns.ts';
import { type Envelope, envelopeOf, gpkgGeometry } from './gpkg-geometry.ts';

/**
 * GeoPackage 1.3 writer (OGC 12-128r18) for feature layers in WGS 84, with an R-tree spatial index
 * per layer so QGIS and GDAL filter by map extent without reading every row.
 */

export type GpkgGeometryType = 'POINT' | 'POLYGON' | 'MULTIPOLYGON' | 'GEOMETRY';

export interface GpkgFeature {
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

export interface GpkgLayer {
  /** Table name: lower-case letters, digits and underscores. */
  name: string;
  /** Human-readable name (gpkg_contents.identifier); unique within the file. */
  title: string;
  description: string;
  geometryType: GpkgGeometryType;
  columns: readonly Column[];
  features: readonly GpkgFeature[];
}

export const GPKG_MEDIA_TYPE = 'application/geopackage+sqlite3';
const SRS_ID = 4326;
// The EPSG:4326 entry as the specification lists it; GeoPackage stores x = longitude regardless of
// the axis order written here.
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

const SQL_TYPES: Record<ColumnType, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  real: 'REAL',
  boolean: 'BOOLEAN',
  datetime: 'DATETIME',
  // GDAL stores string lists as JSON text in GeoPackages; QGIS shows them as such.
  list: 'TEXT',
};

const CORE_TABLES = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
`;

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function cell(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return value ? 1 : 0;
  if (type === 'list') return JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/**
 * The triggers of the R-tree extension (spec 1.3, annex F.3) keep the index right when QGIS edits
 * the file later. They call ST_* functions that GDAL provides, so they are created after the rows
 * are in and the index is filled here directly.
 */
function rtreeTriggers(table: string): string {
  const t = quote(table);
  const r = quote(`rtree_${table}_geom`);
  const values = 'NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)';
  const name = (suffix: string) => quote(`rtree_${table}_geom_${suffix}`);
  return `
CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${t}
  WHEN (NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
  BEGIN INSERT OR REPLACE INTO ${r} VALUES (${values}); END;
CREATE TRIGGER ${name('update1')} AFTER UPDATE OF geom ON ${t}
  WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
  BEGIN INSERT OR REPLACE INTO ${r} VALUES (${values}); END;
CREATE TRIGGER ${name('update2')} AFTER UPDATE OF geom ON ${t}
  WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
  BEGIN DELETE FROM ${r} WHERE id = OLD.fid; END;
CREATE TRIGGER ${name('update3')} AFTER UPDATE ON ${t}
  WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
  BEGIN DELETE FROM ${r} WHERE id = OLD.fid; INSERT OR REPLACE INTO ${r} VALUES (${values}); END;
CREATE TRIGGER ${name('update4')} AFTER UPDATE ON ${t}
  WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
  BEGIN DELETE FROM ${r} WHERE id IN (OLD.fid, NEW.fid); END;
CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${t}
  WHEN OLD.geom NOT NULL
  BEGIN DELETE FROM ${r} WHERE id = OLD.fid; END;
`;
}

function writeLayer(db: Database.Database, layer: GpkgLayer, now: string): void {
  const table = quote(layer.name);
  const columns = layer.columns.map((c) => `${quote(c.name)} ${SQL_TYPES[c.type]}`);
  db.exec(
    `CREATE TABLE ${table} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom ${layer.geometryType}${columns.map((c) => `, ${c}`).join('')})`,
  );
  db.exec(`CREATE VIRTUAL TABLE ${quote(`rtree_${layer.name}_geom`)} USING rtree(id, minx, maxx, miny, maxy)`);
  const names = ['geom', ...layer.columns.map((c) => quote(c.name))];
  const insert = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  const index = db.prepare(`INSERT INTO ${quote(`rtree_${layer.name}_geom`)} VALUES (?, ?, ?, ?, ?)`);
  const extent: Envelope = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of layer.features) {
    const values = layer.columns.map((c) => cell(feature.properties[c.name], c.type));
    const blob = feature.geometry ? gpkgGeometry(feature.geometry, SRS_ID) : null;
    const { lastInsertRowid } = insert.run(blob, ...values);
    if (!feature.geometry) continue;
    const [minX, minY, maxX, maxY] = envelopeOf(feature.geometry);
    index.run(lastInsertRowid, minX, maxX, minY, maxY);
    extent[0] = Math.min(extent[0], minX);
    extent[1] = Math.min(extent[1], minY);
    extent[2] = Math.max(extent[2], maxX);
    extent[3] = Math.max(extent[3], maxY);
  }
  db.exec(rtreeTriggers(layer.name));
  const bounds = Number.isFinite(extent[0]) ? extent : [null, null, null, null];
  db.prepare(
    `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
     VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(layer.name, layer.title, layer.description, now, ...bounds, SRS_ID);
  db.prepare(
    `INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
     VALUES (?, 'geom', ?, ?, 0, 0)`,
  ).run(layer.name, layer.geometryType, SRS_ID);
  db.prepare(
    `INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
     VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')`,
  ).run(layer.name);
}

/** Writes the layers into a new GeoPackage file at `file` (which must not exist). */
export function writeGeoPackage(file: string, layers: readonly GpkgLayer[]): void {
  const db = new Database(file);
  try {
    db.pragma(`application_id = ${0x47504b47}`);
    db.pragma('user_version = 10300');
    db.transaction(() => {
      db.exec(CORE_TABLES);
      const srs = db.prepare(
        'INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)',
      );
      srs.run(
        'Undefined cartesian SRS',
        -1,
        'NONE',
        -1,
        'undefined',
        'undefined cartesian coordinate reference system',
      );
      srs.run(
        'Undefined geographic SRS',
        0,
        'NONE',
        0,
        'undefined',
        'undefined geographic coordinate reference system',
      );
      srs.run(
        'WGS 84 geodetic',
        SRS_ID,
        'EPSG',
        4326,
        WGS84_WKT,
        'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
      );
      const now = new Date().toISOString();
      for (const layer of layers) writeLayer(db, layer, now);
    })();
  } finally {
    db.close();
  }
}

/** The declared type of a layer: the one type all its geometries share, else GEOMETRY. */
export function layerGeometryType(features: readonly GpkgFeature[], fallback: GpkgGeometryType): GpkgGeometryType {
  const types = new Set(features.flatMap((f) => (f.geometry ? [f.geometry.type.toUpperCase()] : [])));
  if (types.size === 0) return fallback;
  if (types.size > 1) return 'GEOMETRY';
  return [...types][0] as GpkgGeometryType;
}

/**
 * Writes the GeoPackage to a temporary file (SQLite needs a real file), streams it as an
 * attachment and removes it when the stream closes, also when the client hangs up early.
 */
export function sendGeoPackage(reply: FastifyReply, fileName: string, layers: readonly GpkgLayer[]): FastifyReply {
  const dir = mkdtempSync(join(tmpdir(), 'qa-gpkg-'));
  const file = join(dir, 'export.gpkg');
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  try {
    writeGeoPackage(file, layers);
  } catch (error) {
    cleanUp();
    throw error;
  }
  const stream = createReadStream(file);
  stream.on('close', cleanUp);
  return reply
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('content-length', statSync(file).size)
    .type(GPKG_MEDIA_TYPE)
    .send(stream);
}
