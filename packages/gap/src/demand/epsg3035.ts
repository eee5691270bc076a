import proj4 from 'proj4';

/**
 * ETRS89 / LAEA Europe, the CRS of the Zensus grids. The null datum shift treats ETRS89 as WGS84:
 * they differ by well under a metre in Germany, far less than a 100 m grid cell.
 */
export const EPSG_3035 =
  '+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

let converter: proj4.Converter | undefined;

/** EPSG:3035 easting/northing in metres → [longitude, latitude] in degrees (WGS84). */
export function epsg3035ToWgs84(x: number, y: number): [number, number] {
  converter ??= proj4(EPSG_3035, 'WGS84');
  const [lon, lat] = converter.forward([x, y]);
  return [lon as number, lat as number];
}
