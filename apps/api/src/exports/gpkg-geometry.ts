import type { Geometry, Position } from '@quartiersatlas/domain';

/**
 * GeoPackage geometry blobs: the GeoPackage header, then ISO WKB (little-endian, 2D).
 *
 * Written by hand because no maintained npm library fits: wkx has had no release since 2020,
 * betterknown does WKT only, and @ngageoint/geopackage brings a whole GIS stack. The three types
 * our data has (Point, Polygon, MultiPolygon) take a few lines each. Heights (a third coordinate
 * some devices send) are dropped: the layers are declared 2D.
 */

/** [minX, minY, maxX, maxY] */
export type Envelope = [number, number, number, number];

const WKB_POINT = 1;
const WKB_POLYGON = 3;
const WKB_MULTIPOLYGON = 6;

class Writer {
  private readonly view: DataView;
  private offset = 0;
  readonly bytes: Uint8Array;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  byte(value: number): void {
    this.view.setUint8(this.offset, value);
    this.offset += 1;
  }
  uint32(value: number): void {
    this.view.setUint32(this.offset, value, true);
    this.offset += 4;
  }
  int32(value: number): void {
    this.view.setInt32(this.offset, value, true);
    this.offset += 4;
  }
  double(value: number): void {
    this.view.setFloat64(this.offset, value, true);
    this.offset += 8;
  }
}

function ringsSize(rings: readonly Position[][]): number {
  return 4 + rings.reduce((sum, ring) => sum + 4 + ring.length * 16, 0);
}

function wkbSize(geometry: Geometry): number {
  const head = 1 + 4;
  if (geometry.type === 'Point') return head + 16;
  if (geometry.type === 'Polygon') return head + ringsSize(geometry.coordinates);
  return head + 4 + geometry.coordinates.reduce((sum, polygon) => sum + head + ringsSize(polygon), 0);
}

function writeRings(out: Writer, rings: readonly Position[][]): void {
  out.uint32(rings.length);
  for (const ring of rings) {
    out.uint32(ring.length);
    for (const [x, y] of ring) {
      out.double(x);
      out.double(y);
    }
  }
}

function writeWkb(out: Writer, geometry: Geometry): void {
  out.byte(1);
  switch (geometry.type) {
    case 'Point':
      out.uint32(WKB_POINT);
      out.double(geometry.coordinates[0]);
      out.double(geometry.coordinates[1]);
      return;
    case 'Polygon':
      out.uint32(WKB_POLYGON);
      writeRings(out, geometry.coordinates);
      return;
    case 'MultiPolygon':
      out.uint32(WKB_MULTIPOLYGON);
      out.uint32(geometry.coordinates.length);
      for (const polygon of geometry.coordinates) {
        out.byte(1);
        out.uint32(WKB_POLYGON);
        writeRings(out, polygon);
      }
      return;
    default:
      exhaustive(geometry);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unsupported geometry ${JSON.stringify(value)}`);
}

/** The 2D extent of a geometry. */
export function envelopeOf(geometry: Geometry): Envelope {
  const env: Envelope = [Infinity, Infinity, -Infinity, -Infinity];
  const add = ([x, y]: Position) => {
    if (x < env[0]) env[0] = x;
    if (y < env[1]) env[1] = y;
    if (x > env[2]) env[2] = x;
    if (y > env[3]) env[3] = y;
  };
  if (geometry.type === 'Point') add(geometry.coordinates);
  else if (geometry.type === 'Polygon') for (const ring of geometry.coordinates) ring.forEach(add);
  else for (const polygon of geometry.coordinates) for (const ring of polygon) ring.forEach(add);
  return env;
}

/**
 * A GeoPackage geometry blob (spec 1.3, §2.1.3): magic "GP", version 0, flags (little-endian,
 * envelope kind), SRS id, envelope, WKB. Points carry no envelope, as the spec recommends.
 */
export function gpkgGeometry(geometry: Geometry, srsId: number): Uint8Array {
  const withEnvelope = geometry.type !== 'Point';
  const out = new Writer(8 + (withEnvelope ? 32 : 0) + wkbSize(geometry));
  out.byte(0x47);
  out.byte(0x50);
  out.byte(0);
  // bit 0: little-endian; bits 1–3: envelope kind 1 = [minX, maxX, minY, maxY].
  out.byte(withEnvelope ? 0b0000_0011 : 0b0000_0001);
  out.int32(srsId);
  if (withEnvelope) {
    const [minX, minY, maxX, maxY] = envelopeOf(geometry);
    out.double(minX);
    out.double(maxX);
    out.double(minY);
    out.double(maxY);
  }
  writeWkb(out, geometry);
  return out.bytes;
}
