import type { HexFeature, HexFeatureCollection } from '@quartiersatlas/gap';
import { pinImageId } from '../map/map-images.ts';
import type { Position } from '../map/types.ts';
import type { PointFeatures } from './heatmap-layers.ts';

/** The middle of an H3 cell: the mean of its corners (the ring repeats the first at the end). */
export function cellCentre(cell: HexFeature): Position {
  const ring = cell.geometry.coordinates[0] ?? [];
  const corners = ring.length > 1 ? ring.slice(0, -1) : ring;
  let lon = 0;
  let lat = 0;
  for (const [x, y] of corners) {
    lon += x;
    lat += y;
  }
  return corners.length > 0 ? [lon / corners.length, lat / corners.length] : [0, 0];
}

const MIN_RADIUS = 2;
const MAX_RADIUS = 12;

/**
 * The population of the demand group as circles at the cell centres; the area of a circle is
 * proportional to the people (radius ∝ √people), the most populous cell at MAX_RADIUS pixels.
 */
export function demandFeatures(grid: HexFeatureCollection | null): PointFeatures {
  const cells = (grid?.features ?? []).filter((cell) => cell.properties.population > 0);
  const most = cells.reduce((max, cell) => Math.max(max, cell.properties.population), 0);
  return {
    type: 'FeatureCollection',
    features: cells.map((cell) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: cellCentre(cell) },
      properties: {
        population: cell.properties.population,
        radius: MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(cell.properties.population / most),
      },
    })),
  };
}

/** Hypothetical services as service pins with the category's pictogram. */
export function hypotheticalFeatures(points: ReadonlyArray<{ lon: number; lat: number }>, icon: string): PointFeatures {
  return {
    type: 'FeatureCollection',
    features: points.map((point, k) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
      properties: { n: k + 1, img: pinImageId('service', icon, false) },
    })),
  };
}

export function pointFeatures(points: ReadonlyArray<{ lng: number; lat: number }>): PointFeatures {
  return {
    type: 'FeatureCollection',
    features: points.map((point) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
      properties: {},
    })),
  };
}

/** Rank badges of the picked potential sites; the number is drawn by the map module's `qa-count/<n>` images. */
export function rankFeatures(sites: ReadonlyArray<{ lng: number; lat: number; rank: number | null }>): PointFeatures {
  return {
    type: 'FeatureCollection',
    features: sites.flatMap((site) =>
      site.rank === null
        ? []
        : [
            {
              type: 'Feature' as const,
              geometry: { type: 'Point' as const, coordinates: [site.lng, site.lat] },
              properties: { rank: site.rank, img: `qa-count/${site.rank}` },
            },
          ],
    ),
  };
}
