import type { QuarterGeometry } from '../api/endpoints.ts';

const SIZE = 64;
const PADDING = 4;

function rings(geometry: QuarterGeometry): number[][][] {
  return geometry.type === 'Polygon'
    ? (geometry.coordinates as number[][][])
    : (geometry.coordinates as number[][][][]).flat();
}

/**
 * The quarter's outline as a small SVG. Longitude is scaled by cos(latitude) so the shape is not
 * stretched: at Dortmund's 51.5° N a degree of longitude is only 62 % as long as one of latitude.
 */
export function outlinePath(geometry: QuarterGeometry): string | undefined {
  const all = rings(geometry).flat();
  if (all.length < 3) return undefined;
  const ys = all.map((position) => position[1] ?? 0);
  const kx = Math.cos(((ys.reduce((sum, y) => sum + y, 0) / ys.length) * Math.PI) / 180);
  const xs = all.map((position) => (position[0] ?? 0) * kx);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY);
  if (!(span > 0)) return undefined;
  const scale = (SIZE - 2 * PADDING) / span;
  const offsetX = (SIZE - (maxX - minX) * scale) / 2;
  const offsetY = (SIZE - (maxY - minY) * scale) / 2;
  const point = (position: number[]) => {
    const x = offsetX + ((position[0] ?? 0) * kx - minX) * scale;
    const y = offsetY + (maxY - (position[1] ?? 0)) * scale;
    return `${x.toFixed(1)} ${y.toFixed(1)}`;
  };
  return rings(geometry)
    .map((ring) => `M${ring.map(point).join('L')}Z`)
    .join('');
}

export function QuarterOutline({ geometry, approximate }: { geometry: QuarterGeometry | null; approximate: boolean }) {
  const path = geometry ? outlinePath(geometry) : undefined;
  return (
    <svg className="quarter-outline" viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true" focusable="false">
      {path ? (
        <path
          d={path}
          className="quarter-outline__shape"
          strokeDasharray={approximate ? '3 2.5' : undefined}
          fillRule="evenodd"
        />
      ) : (
        <circle cx={SIZE / 2} cy={SIZE / 2} r={SIZE / 4} className="quarter-outline__shape" />
      )}
    </svg>
  );
}
