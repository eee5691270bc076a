import type { DatePrecision } from './form-values.ts';

const SHAPES: Record<DatePrecision, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
};

/**
 * The date typed so far, kept when the precision changes: a day or month is cut down to its month or
 * year, while a coarser date cannot become finer (the month input would show it empty) and is cleared.
 */
export function convertPartialDate(value: string, precision: DatePrecision): string {
  const trimmed = value.trim();
  if (SHAPES[precision].test(trimmed)) return trimmed;
  if (precision === 'year' && /^\d{4}-/.test(trimmed)) return trimmed.slice(0, 4);
  if (precision === 'month' && SHAPES.day.test(trimmed)) return trimmed.slice(0, 7);
  return '';
}
