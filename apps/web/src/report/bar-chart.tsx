import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pictogramPath } from '../icons/pictograms.tsx';
import './charts.css';

export interface ChartSeries {
  key: string;
  label: string;
  /** One of the SERIES_COLORS, so neighbouring bars stay apart for colour-blind readers too. */
  color: string;
}

export interface ChartRow {
  key: string;
  label: string;
  /** Pictogram name drawn before the label. */
  icon?: string;
  values: number[];
}

/** Okabe–Ito blue and vermilion: distinct with every common colour-vision deficiency and in greyscale. */
export const SERIES_COLORS = ['#0072b2', '#d55e00'] as const;

const LABEL_H = 22;
const BAR_H = 14;
const BAR_GAP = 3;
const ROW_GAP = 10;
/** The longest bar takes this share of the width; the rest leaves room for its value. */
const BAR_SPAN = 84;
const ICON = 16;

/**
 * Horizontal bars, one row per item with its label above the bars, so long category names never
 * collide with the bars on a phone. Positions are percentages of the chart's own width, and in a
 * right-to-left page the bars grow from the right edge. The SVG is one image with a text
 * alternative that names every value; the same figures stand in a table beside it.
 */
export function BarChart({
  title,
  series,
  rows,
  format,
  max: fixedMax,
}: {
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  format: (value: number) => string;
  /** The value of a full-length bar (1 for shares); default the largest value. */
  max?: number;
}) {
  const { i18n } = useTranslation();
  const rtl = i18n.dir(i18n.resolvedLanguage ?? i18n.language) === 'rtl';
  const titleId = useId();
  const descId = useId();
  const max = fixedMax ?? Math.max(1, ...rows.flatMap((row) => row.values));
  const rowH = LABEL_H + series.length * (BAR_H + BAR_GAP) + ROW_GAP;
  const height = rows.length * rowH;
  const description = rows
    .map((row) =>
      series.length === 1
        ? `${row.label}: ${format(row.values[0] ?? 0)}`
        : `${row.label}: ${series.map((s, i) => `${s.label} ${format(row.values[i] ?? 0)}`).join(', ')}`,
    )
    .join('; ');
  // Percentages place things along the width; dx adds pixel gaps to them.
  const at = (percent: number) => `${rtl ? 100 - percent : percent}%`;
  const side = (px: number) => (rtl ? -px : px);

  return (
    <figure className="bar-chart">
      {series.length > 1 && (
        <ul className="bar-chart__legend">
          {series.map((s) => (
            <li key={s.key}>
              <span className="bar-chart__swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg
        className="bar-chart__svg"
        width="100%"
        height={height}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        direction={rtl ? 'rtl' : 'ltr'}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <line className="bar-chart__axis" x1={at(0)} x2={at(0)} y1={LABEL_H - 2} y2={height - ROW_GAP + 2} />
        {rows.map((row, index) => {
          const top = index * rowH;
          return (
            <g key={row.key}>
              {/* The viewBox shift puts the pictogram just inside the right edge in RTL. */}
              {row.icon && (
                <svg
                  className="bar-chart__icon"
                  x={at(0)}
                  y={top + 2}
                  width={ICON}
                  height={ICON}
                  viewBox={rtl ? '24 0 24 24' : '0 0 24 24'}
                  overflow="visible"
                  aria-hidden="true"
                  focusable="false"
                >
                  <path d={pictogramPath(row.icon) ?? 'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z'} />
                </svg>
              )}
              <text
                className="bar-chart__label"
                x={at(0)}
                dx={side(row.icon ? ICON + 6 : 0)}
                y={top + 15}
                textAnchor="start"
              >
                {row.label}
              </text>
              {series.map((s, i) => {
                const value = row.values[i] ?? 0;
                const length = (value / max) * BAR_SPAN;
                const y = top + LABEL_H + i * (BAR_H + BAR_GAP);
                return (
                  <g key={s.key}>
                    {value > 0 && (
                      <rect
                        x={rtl ? `${100 - length}%` : 0}
                        y={y}
                        width={`${length}%`}
                        height={BAR_H}
                        rx={2}
                        fill={s.color}
                      />
                    )}
                    <text className="bar-chart__value" x={at(length)} dx={side(5)} y={y + BAR_H - 3} textAnchor="start">
                      {format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
