/**
 * Colour classes of the heatmap: a sequential viridis ramp (readable with every common colour
 * vision deficiency and in greyscale print, since lightness rises monotonically) and class breaks
 * rounded to numbers a legend can show.
 */

/** Viridis sampled evenly, darkest first, per number of classes (matplotlib's values). */
const VIRIDIS: Record<number, readonly string[]> = {
  1: ['#21918c'],
  2: ['#440154', '#fde725'],
  3: ['#440154', '#21918c', '#fde725'],
  4: ['#440154', '#31688e', '#35b779', '#fde725'],
  5: ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'],
  6: ['#440154', '#414487', '#2a788e', '#22a884', '#7ad151', '#fde725'],
  7: ['#440154', '#443983', '#31688e', '#21918c', '#35b779', '#8fd744', '#fde725'],
};

export const MAX_CLASSES = 6;

/**
 * Colours of `count` classes ordered by value, lowest first. `higherIsWorse`: the highest values
 * (largest deficit, highest priority) get the darkest colour, so "dark = needs attention" holds for
 * every measure; otherwise the lowest values do.
 */
export function palette(count: number, higherIsWorse: boolean): string[] {
  const colours = [...(VIRIDIS[Math.min(7, Math.max(1, count))] ?? [])];
  return higherIsWorse ? colours.reverse() : colours;
}

/** `value` rounded to two significant digits: 1234 → 1200, 0.0723 → 0.072. */
export function roundNice(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Number((Math.round(value / magnitude) * magnitude).toPrecision(12));
}

/**
 * Breaks between classes, ascending: class 0 holds values below breaks[0], class k values from
 * breaks[k − 1] up to below breaks[k], the last class the rest. Quantiles of the values, rounded;
 * breaks that round together merge, so fewer classes come back when the values are few or alike.
 */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const min = sorted[0] as number;
  const max = sorted.at(-1) as number;
  const breaks: number[] = [];
  for (let k = 1; k < classes; k++) {
    const at = sorted[Math.min(sorted.length - 1, Math.floor((k / classes) * sorted.length))] as number;
    const nice = roundNice(at);
    // Rounding may push a break past the largest value, which would leave the top class empty.
    if (nice > min && nice <= max && nice > (breaks.at(-1) ?? Number.NEGATIVE_INFINITY)) breaks.push(nice);
  }
  return breaks;
}

/** A break just above 0, so exactly 0 (no deficit, no voiced need) is a class of its own. */
export const ZERO_BREAK = 1e-9;

/** Quantile breaks over the values above 0, with 0 as the first class when some values are 0. */
export function breaksWithZeroClass(values: readonly number[], classes: number): number[] {
  const positive = values.filter((value) => value > 0);
  if (positive.length === 0) return [];
  if (positive.length === values.length) return quantileBreaks(positive, classes);
  return [ZERO_BREAK, ...quantileBreaks(positive, classes - 1)];
}

/** The class of a value for the given breaks (same rule as MapLibre's `step`). */
export function classOf(value: number, breaks: readonly number[]): number {
  let k = 0;
  while (k < breaks.length && value >= (breaks[k] as number)) k++;
  return k;
}

/** One legend row: the value range a colour stands for (null = open end). */
export interface ClassRange {
  colour: string;
  from: number | null;
  to: number | null;
  /** The class of exactly 0 (see ZERO_BREAK). */
  zero: boolean;
}

export function classRanges(breaks: readonly number[], colours: readonly string[]): ClassRange[] {
  return colours.map((colour, k) => ({
    colour,
    from: k === 0 ? null : (breaks[k - 1] as number),
    to: k === breaks.length ? null : (breaks[k] as number),
    zero: k === 0 && breaks[0] === ZERO_BREAK,
  }));
}
