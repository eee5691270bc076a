export { type Placed, placeGeometry, polygonCentroid } from './centroid.ts';
export * from './epsg3035.ts';
export * from './geojson.ts';
export * from './groups.ts';
export * from './needs.ts';
export * from './zensus-grid.ts';
