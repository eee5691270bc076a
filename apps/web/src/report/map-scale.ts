import type { CellMeasures } from './report-api.ts';

/** What the report map colours the cells by. */
export const MAP_MEASURES = ['priority', 'deficit', 'coverageShare'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

/** Viridis in five steps, light to dark: readable with every colour-vision deficiency and in greyscale. */
export const PALETTE = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] as const;
export const NO_VALUE_COLOR = '#d9ded8';

export interface MapClass {
  /** Inclusive lower and exclusive upper bound (the last class includes its upper bound). */
  from: number;
  to: number;
  color: string;
}

/** 1, 2, 2.5, 5 × 10ⁿ: the smallest such step of at least `value`. */
export function niceStep(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= value) return factor * power;
  return 10 * power;
}

/**
 * Five equal classes: 0–1 for the priority index, 0–100 % for coverage, and round steps up to the
 * largest deficit. Darker always means worse, so coverage (where more is better) runs the palette
 * the other way round.
 */
export function mapClasses(measure: MapMeasure, values: readonly number[]): MapClass[] {
  const step = measure === 'deficit' ? niceStep(Math.max(0, ...values) / PALETTE.length) : 1 / PALETTE.length;
  const colors = measure === 'coverageShare' ? [...PALETTE].reverse() : [...PALETTE];
  return colors.map((color, index) => ({ from: index * step, to: (index + 1) * step, color }));
}

export function cellValue(cell: CellMeasures, measure: MapMeasure): number | null {
  return cell[measure];
}

export function classColor(classes: readonly MapClass[], value: number | null): string {
  if (value === null) return NO_VALUE_COLOR;
  const found = classes.find((item) => value < item.to);
  return (found ?? classes.at(-1))?.color ?? NO_VALUE_COLOR;
}

type Ring = ReadonlyArray<readonly [number, number] | readonly number[]>;

/** Web Mercator (the projection of the app's map), y growing downwards as in SVG. */
function project(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [(lon * Math.PI) / 180, -Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

const EARTH_RADIUS_M = 6_378_137;

export interface MapFrame {
  width: number;
  height: number;
  /** SVG path data of a ring in this frame. */
  path(ring: Ring): string;
  /** A position in this frame. */
  point(lon: number, lat: number): [number, number];
  /** A scale bar: a round length in metres and its length in SVG units. */
  scaleBar: { metres: number; length: number };
}

/** Height of the strip under the drawing that holds the scale bar, so the bar never covers a cell. */
export const SCALE_STRIP = 44;

/**
 * Fits the rings into a frame `width` units wide, keeping the aspect, with a margin around them and
 * the scale bar's strip below.
 */
export function mapFrame(rings: readonly Ring[], width: number, margin = 12): MapFrame | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let latSum = 0;
  let count = 0;
  for (const ring of rings) {
    for (const position of ring) {
      const [lon = 0, lat = 0] = position;
      const [x, y] = project(lon, lat);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      latSum += lat;
      count += 1;
    }
  }
  if (count === 0 || maxX <= minX || maxY <= minY) return null;
  const scale = (width - 2 * margin) / (maxX - minX);
  const height = Math.ceil((maxY - minY) * scale + 2 * margin + SCALE_STRIP);
  const metresPerUnit = (EARTH_RADIUS_M * Math.cos(((latSum / count) * Math.PI) / 180)) / scale;
  const metres = niceStep((width / 5) * metresPerUnit);
  const round = (value: number) => Math.round(value * 10) / 10;
  const point = (lon: number, lat: number): [number, number] => {
    const [x, y] = project(lon, lat);
    return [round((x - minX) * scale + margin), round((y - minY) * scale + margin)];
  };
  return {
    width,
    height,
    point,
    path(ring) {
      let d = '';
      ring.forEach((position, index) => {
        const [x, y] = point(position[0] ?? 0, position[1] ?? 0);
        d += `${index === 0 ? 'M' : 'L'}${x} ${y}`;
      });
      return `${d}Z`;
    },
    scaleBar: { metres, length: metres / metresPerUnit },
  };
}
