export { PublicMap } from './public-map.tsx';
