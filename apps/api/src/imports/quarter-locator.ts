import { bboxOf, type Quarter } from '@quartiersatlas/domain';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';

/**
 * A service just outside a quarter still serves the people inside (supply across the boundary),
 * so it belongs to the nearest quarter up to this far; beyond it, it is not the lab's business.
 */
export const NEAR_QUARTER_M = 2000;

// Degrees of latitude per metre; longitude degrees are scaled by cos(latitude) on top.
const DEG_PER_M = 1 / 111_195;

export interface Location {
  quarterId: string;
  /** Metres outside the quarter's outline; 0 inside. */
  outsideM: number;
}

export class QuarterLocator {
  private readonly quarters: Array<{ quarter: Quarter; box: [number, number, number, number] }>;

  constructor(quarters: readonly Quarter[]) {
    this.quarters = quarters.map((quarter) => ({ quarter, box: bboxOf(quarter.geometry) }));
  }

  has(id: string): boolean {
    return this.quarters.some((q) => q.quarter.id === id);
  }

  /** The quarter a point lies in, else the nearest one within NEAR_QUARTER_M; null when none is that near. */
  locate(lon: number, lat: number): Location | null {
    const dLat = NEAR_QUARTER_M * DEG_PER_M;
    const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
    let best: Location | null = null;
    for (const { quarter, box } of this.quarters) {
      const [minLon, minLat, maxLon, maxLat] = box;
      if (lon < minLon - dLon || lon > maxLon + dLon || lat < minLat - dLat || lat > maxLat + dLat) continue;
      // Negative inside: the deepest containing quarter wins where outlines overlap.
      const distance = pointToPolygonDistance([lon, lat], quarter.geometry, { units: 'meters' });
      if (distance <= NEAR_QUARTER_M && (best === null || distance < best.outsideM))
        best = { quarterId: quarter.id, outsideM: distance };
    }
    return best && { quarterId: best.quarterId, outsideM: Math.max(0, best.outsideM) };
  }
}
