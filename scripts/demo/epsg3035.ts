/**
 * ETRS89 / LAEA Europe (EPSG:3035), the CRS of the Zensus grids: Lambert azimuthal equal-area on
 * the GRS80 ellipsoid, formulas of IOGP Guidance Note 7-2, method EPSG:9820. Written out here so
 * the demo generator needs no proj4; WGS84 and ETRS89 differ by well under a metre, far less than
 * a 100 m grid cell, so WGS84 coordinates go in unchanged.
 */

const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const LAT0 = (52 * Math.PI) / 180;
const LON0 = (10 * Math.PI) / 180;
const FALSE_EASTING = 4321000;
const FALSE_NORTHING = 3210000;

function q(sinPhi: number): number {
  return (
    (1 - E2) * (sinPhi / (1 - E2 * sinPhi * sinPhi) - (1 / (2 * E)) * Math.log((1 - E * sinPhi) / (1 + E * sinPhi)))
  );
}

const QP = q(1);
const RQ = A * Math.sqrt(QP / 2);
const BETA0 = Math.asin(q(Math.sin(LAT0)) / QP);
const D = (A * Math.cos(LAT0)) / Math.sqrt(1 - E2 * Math.sin(LAT0) ** 2) / (RQ * Math.cos(BETA0));

/** [longitude, latitude] in degrees → [easting, northing] in metres. */
export function toEpsg3035(lon: number, lat: number): [number, number] {
  const beta = Math.asin(q(Math.sin((lat * Math.PI) / 180)) / QP);
  const dLon = (lon * Math.PI) / 180 - LON0;
  const b =
    RQ * Math.sqrt(2 / (1 + Math.sin(BETA0) * Math.sin(beta) + Math.cos(BETA0) * Math.cos(beta) * Math.cos(dLon)));
  const easting = FALSE_EASTING + b * D * Math.cos(beta) * Math.sin(dLon);
  const northing =
    FALSE_NORTHING + (b / D) * (Math.cos(BETA0) * Math.sin(beta) - Math.sin(BETA0) * Math.cos(beta) * Math.cos(dLon));
  return [easting, northing];
}

/** [easting, northing] in metres → [longitude, latitude] in degrees. */
export function fromEpsg3035(easting: number, northing: number): [number, number] {
  const x = easting - FALSE_EASTING;
  const y = northing - FALSE_NORTHING;
  const rho = Math.hypot(x / D, D * y);
  if (rho === 0) return [(LON0 * 180) / Math.PI, (LAT0 * 180) / Math.PI];
  const c = 2 * Math.asin(rho / (2 * RQ));
  const betaP = Math.asin(Math.cos(c) * Math.sin(BETA0) + (D * y * Math.sin(c) * Math.cos(BETA0)) / rho);
  const lon =
    LON0 +
    Math.atan2(x * Math.sin(c), D * rho * Math.cos(BETA0) * Math.cos(c) - D * D * y * Math.sin(BETA0) * Math.sin(c));
  const e4 = E2 * E2;
  const e6 = e4 * E2;
  const lat =
    betaP +
    (E2 / 3 + (31 * e4) / 180 + (517 * e6) / 5040) * Math.sin(2 * betaP) +
    ((23 * e4) / 360 + (251 * e6) / 3780) * Math.sin(4 * betaP) +
    ((761 * e6) / 45360) * Math.sin(6 * betaP);
  return [(lon * 180) / Math.PI, (lat * 180) / Math.PI];
}
