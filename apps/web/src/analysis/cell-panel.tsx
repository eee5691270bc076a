import './cell-panel.css';
import type { HexProperties } from '@quartiersatlas/gap';
import { useTranslation } from 'react-i18next';
import type { AnalysisParameters, PriorityWeights } from './api.ts';
import { CellExplanation } from './cell-explanation.tsx';
import { useFigures } from './figures.ts';
import { formatValue, useMeasureLabel } from './heat-legend.tsx';
import { cellValue, type MeasureContext, type MeasureStyle } from './measures.ts';

const TOP = 5;

/** The cells that need attention most under the shown measure (highest, or lowest where higher is better). */
export function topCells(
  cells: readonly HexProperties[],
  style: MeasureStyle,
  context: MeasureContext,
): HexProperties[] {
  const scored: Array<{ cell: HexProperties; value: number }> = [];
  for (const cell of cells) {
    const value = cellValue(style.measure, cell, context);
    if (value !== null) scored.push({ cell, value });
  }
  scored.sort((a, b) => (style.higherIsWorse ? b.value - a.value : a.value - b.value));
  return scored.slice(0, TOP).map((item) => item.cell);
}

/**
 * The "cell" tab: the explanation of the chosen cell, and — so the map is not the only way in,
 * for keyboards and screen readers too — the five cells that stand out under the shown measure.
 */
export function CellPanel({
  cell,
  cells,
  style,
  parameters,
  weights,
  titleOf,
  onSelect,
}: {
  cell: HexProperties | null;
  cells: readonly HexProperties[];
  style: MeasureStyle;
  parameters: AnalysisParameters;
  weights: PriorityWeights;
  titleOf(id: string): string | undefined;
  onSelect(h3: string | null): void;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  const measureLabel = useMeasureLabel();
  const context: MeasureContext = { method: parameters.method, weights, target: parameters.target };
  const top = topCells(cells, style, context);
  const nearest = cell?.nearestServiceId ? (titleOf(cell.nearestServiceId) ?? null) : null;

  return (
    <div className="analysis-cell-panel">
      {cell ? (
        <section aria-labelledby="analysis-cell-title">
          <div className="analysis-section__head">
            <h2 id="analysis-cell-title" className="analysis-section__title">
              {t('analysis.cell.title')}
            </h2>
            <button type="button" className="button button--secondary" onClick={() => onSelect(null)}>
              {t('analysis.cell.clear')}
            </button>
          </div>
          <CellExplanation cell={cell} parameters={parameters} weights={weights} nearestName={nearest} />
        </section>
      ) : (
        <p className="analysis-hint">{t('analysis.cell.hint')}</p>
      )}
      {top.length > 0 && (
        <section className="analysis-top" aria-labelledby="analysis-top-title">
          <h3 id="analysis-top-title" className="analysis-top__title">
            {t('analysis.cell.top', { measure: measureLabel(style.measure, parameters.method) })}
          </h3>
          <ol className="analysis-top__list">
            {top.map((item) => {
              const value = cellValue(style.measure, item, context);
              return (
                <li key={item.h3}>
                  <button
                    type="button"
                    className="analysis-top__item"
                    aria-pressed={item.h3 === cell?.h3}
                    onClick={() => onSelect(item.h3)}
                  >
                    <span>{value === null ? '' : formatValue(style.unit, value, figures)}</span>
                    <span className="analysis-top__people">
                      {t('analysis.cell.topPeople', { people: figures.people(item.population) })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );
}
