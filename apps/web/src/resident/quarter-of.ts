import { containsPoint, parseQuarterShape } from '@quartiersatlas/gap';
import type { QuarterCollection } from '../api/endpoints.ts';

/**
 * The quarter a resident's point belongs to: the link's quarter when it lies inside it (or when the
 * link's quarter has no outline to check against), else another known quarter that holds it — the
 * server files it the same way. Null when the point lies in no known quarter: the server would not
 * know where it belongs, so the phone asks for another place before anything is sent.
 */
export function quarterOf(point: [number, number], linkQuarterId: string, quarters: QuarterCollection): string | null {
  const inside = (geometry: unknown) => {
    const shape = parseQuarterShape(geometry);
    return shape === null ? null : containsPoint(shape, point[0], point[1]);
  };
  const own = quarters.features.find((quarter) => quarter.id === linkQuarterId);
  const inOwn = own ? inside(own.geometry) : null;
  if (inOwn !== false) return linkQuarterId;
  const other = quarters.features.find((quarter) => quarter.id !== linkQuarterId && inside(quarter.geometry) === true);
  return other?.id ?? null;
}
