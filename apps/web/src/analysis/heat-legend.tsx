import './heat-legend.css';
import type { SupplyUnit } from '@quartiersatlas/domain';
import type { Method } from '@quartiersatlas/gap';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import type { PriorityWeights } from './api.ts';
import { type ClassRange, ZERO_BREAK } from './classes.ts';
import { type Figures, useFigures } from './figures.ts';
import { type LegendUnit, MEASURES, type MeasureId, type MeasureStyle } from './measures.ts';

export interface LegendContext {
  method: Method;
  supplyUnit: SupplyUnit;
  target: number;
  /** Applied priority weights (summing to 1). */
  weights: PriorityWeights;
}

/** A value in the legend's unit. */
export function formatValue(unit: LegendUnit, value: number, figures: Figures): string {
  switch (unit) {
    case 'people':
      return figures.people(value);
    case 'share':
      return figures.percent(value);
    case 'metres':
      return figures.distance(value);
    default:
      return figures.decimal(value);
  }
}

/** The text of one class: "below 10", "10 to 20", "from 40", or the zero class. */
export function useRangeLabel(unit: LegendUnit) {
  const { t } = useTranslation();
  const figures = useFigures();
  const value = (v: number) => formatValue(unit, v, figures);
  return (range: ClassRange): string => {
    if (range.zero) return value(0);
    if (range.from === ZERO_BREAK) {
      return range.to === null
        ? t('analysis.legend.aboveZero')
        : t('analysis.legend.aboveZeroTo', { to: value(range.to) });
    }
    if (range.from === null && range.to === null) return t('analysis.legend.all');
    if (range.from === null) return t('analysis.legend.below', { value: value(range.to as number) });
    if (range.to === null) return t('analysis.legend.atLeast', { value: value(range.from) });
    return t('analysis.legend.between', { from: value(range.from), to: value(range.to) });
  };
}

/** The unit line under the legend's title. */
export function useUnitText() {
  const { t } = useTranslation();
  const figures = useFigures();
  return (unit: LegendUnit, context: LegendContext): string => {
    const units = t(`analysis.supplyUnit.${context.supplyUnit}`);
    switch (unit) {
      case 'perThousandTarget':
        return t('analysis.unit.perThousandTarget', { units, target: figures.decimal(context.target) });
      case 'perThousand':
        return t('analysis.unit.perThousand', { units });
      case 'units':
        return t('analysis.unit.units', { units });
      default:
        return t(`analysis.unit.${unit}`);
    }
  };
}

export function useMeasureLabel() {
  const { t } = useTranslation();
  return (measure: MeasureId, method: Method) =>
    measure === 'accessibility'
      ? t('analysis.measure.accessibility', { method: t(`analysis.method.${method}.name`) })
      : t(`analysis.measure.${measure}`);
}

/**
 * The heatmap's legend at the map's lower corner: which measure is shown (switchable), its
 * colour classes with their value ranges and unit, and the hatchings for cells without a value.
 * Folds to the colour ramp alone, so it leaves the map free on a phone.
 */
export function HeatLegend({
  style,
  context,
  onMeasure,
  hypothetical,
  demand,
}: {
  style: MeasureStyle;
  context: LegendContext;
  onMeasure(measure: MeasureId): void;
  hypothetical: boolean;
  demand: boolean;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  // Open at a desk, folded on a phone where the map is small.
  const [open, setOpen] = useState(() =>
    typeof window === 'undefined' ? true : window.matchMedia('(min-width: 60rem)').matches,
  );
  const selectId = useId();
  const detailsId = useId();
  const rangeLabel = useRangeLabel(style.unit);
  const unitText = useUnitText();
  const measureLabel = useMeasureLabel();
  const ends = style.classes.length > 1 ? [style.classes[0], style.classes.at(-1)] : [];

  return (
    <section className="heat-legend" aria-label={t('analysis.legend.title')}>
      <div className="heat-legend__head">
        <label className="heat-legend__label visually-hidden-on-phone" htmlFor={selectId}>
          {t('analysis.legend.measure')}
        </label>
        <select
          id={selectId}
          className="heat-legend__select"
          value={style.measure}
          onChange={(event) => onMeasure(event.target.value as MeasureId)}
        >
          {MEASURES.map((measure) => (
            <option key={measure} value={measure}>
              {measureLabel(measure, context.method)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="heat-legend__toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={open ? t('analysis.legend.hide') : t('analysis.legend.show')}
          title={open ? t('analysis.legend.hide') : t('analysis.legend.show')}
          onClick={() => setOpen(!open)}
        >
          <Icon name={open ? 'close' : 'info'} />
        </button>
      </div>
      <p className="heat-legend__unit">{unitText(style.unit, context)}</p>
      <div className="heat-legend__ramp" aria-hidden="true">
        {style.classes.map((range) => (
          <span key={range.colour} className="heat-legend__step" style={{ background: range.colour }} />
        ))}
      </div>
      {!open && ends.length === 2 && (
        <p className="heat-legend__ends" aria-hidden="true">
          <span>{rangeLabel(ends[0] as ClassRange)}</span>
          <span>{rangeLabel(ends[1] as ClassRange)}</span>
        </p>
      )}
      <div id={detailsId} hidden={!open} className="heat-legend__details">
        <ul className="heat-legend__classes">
          {style.classes.map((range) => (
            <li key={range.colour}>
              <span className="heat-legend__swatch" style={{ background: range.colour }} />
              {rangeLabel(range)}
            </li>
          ))}
          {style.unreachable && (
            <li>
              <span className="heat-legend__swatch heat-legend__swatch--unreachable" />
              {t('analysis.legend.unreachable')}
            </li>
          )}
          {style.empty && (
            <li>
              <span className="heat-legend__swatch heat-legend__swatch--empty" />
              {t('analysis.legend.empty')}
            </li>
          )}
          {demand && (
            <li>
              <span className="heat-legend__swatch heat-legend__swatch--demand" />
              {t('analysis.legend.demand')}
            </li>
          )}
          {hypothetical && (
            <li>
              <span className="heat-legend__swatch heat-legend__swatch--hypothetical" />
              {t('analysis.legend.hypothetical')}
            </li>
          )}
        </ul>
        <p className="heat-legend__note">{t('analysis.legend.darker')}</p>
        {style.measure === 'priority' && (
          <p className="heat-legend__note">
            {t('analysis.legend.weights', {
              deficit: figures.percent(context.weights.deficit),
              needs: figures.percent(context.weights.needs),
              access: figures.percent(context.weights.access),
            })}
          </p>
        )}
      </div>
    </section>
  );
}
