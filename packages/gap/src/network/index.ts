export {
  type BuildNetworkOptions,
  buildNetwork,
  type LineFeatureCollection,
  type NetworkComponents,
  type NetworkInput,
  type NetworkSegments,
  type StreetNetwork,
} from './build.ts';
export { type NetworkMatrixOptions, type NetworkMatrixResult, networkMatrix } from './matrix.ts';
export { DEFAULT_MAX_SNAP, type SnapReport, snapPoints } from './snap.ts';
