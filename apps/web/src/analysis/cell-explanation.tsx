import type { HexProperties } from '@quartiersatlas/gap';
import { useTranslation } from 'react-i18next';
import type { AnalysisParameters, PriorityWeights } from './api.ts';
import { isolate, useFigures } from './figures.ts';
import { formatValue, type LegendContext, useMeasureLabel, useUnitText } from './heat-legend.tsx';
import { methodInfo } from './methods.ts';
import { priorityOf, priorityParts } from './priority.ts';
import { hypotheticalNumber } from './what-if.ts';

/** Below this a deficit rounds to nobody. */
const NOBODY = 0.5;

/**
 * Why a cell scores as it does, in plain sentences: who lives there, what they reach and how that
 * compares with the target, the nearest service, voiced needs, and how the priority adds up.
 */
export function CellExplanation({
  cell,
  parameters,
  weights,
  nearestName,
}: {
  cell: HexProperties;
  parameters: AnalysisParameters;
  /** Applied priority weights (summing to 1), as the map shows them. */
  weights: PriorityWeights;
  /** The nearest service's name from the records on this device; null when unknown. */
  nearestName: string | null;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  const measureLabel = useMeasureLabel();
  const unitText = useUnitText();
  const group = t(`demandGroup.${parameters.demandGroup}`);
  const units = t(`analysis.supplyUnit.${parameters.supplyUnit}`);
  const cutoff = figures.distance(parameters.cutoff);
  const target = figures.decimal(parameters.target);
  const people = cell.population > 0;
  const info = methodInfo(parameters.method);
  const context: LegendContext = {
    method: parameters.method,
    supplyUnit: parameters.supplyUnit,
    target: parameters.target,
    weights,
  };
  const lines: string[] = [];

  if (!people) {
    lines.push(t('analysis.cell.peopleNone', { group }));
  } else {
    lines.push(t('analysis.cell.people', { group, people: figures.people(cell.population) }));
    if (cell.unreachablePopulation <= 0) lines.push(t('analysis.cell.reachAll', { cutoff }));
    else if (cell.unreachablePopulation >= cell.population) lines.push(t('analysis.cell.reachNone', { cutoff }));
    else
      lines.push(
        t('analysis.cell.reachSome', {
          cutoff,
          people: figures.people(cell.unreachablePopulation),
          share: figures.percent(cell.unreachablePopulation / cell.population),
        }),
      );
    lines.push(
      cell.supplyPer1000 === null
        ? t('analysis.cell.supplyNone', { units, target })
        : t('analysis.cell.supply', { units, target, value: figures.decimal(cell.supplyPer1000) }),
    );
    lines.push(
      cell.deficit < NOBODY
        ? t('analysis.cell.deficitNone')
        : t('analysis.cell.deficit', { people: figures.people(cell.deficit) }),
    );
  }

  if (cell.nearestDistanceM !== null) {
    const distance = figures.distance(cell.nearestDistanceM);
    const number = hypotheticalNumber(cell.nearestServiceId);
    lines.push(
      number !== null
        ? t('analysis.cell.nearestHypothetical', { number, distance })
        : t('analysis.cell.nearest', {
            name: nearestName ? isolate(nearestName) : t('analysis.cell.unnamed'),
            distance,
          }),
    );
  } else if (people) {
    lines.push(t('analysis.cell.nearestNone', { cutoff }));
  }

  if (people) {
    const measure = measureLabel('accessibility', parameters.method);
    const scale = info.unit === 'perThousand' ? 1000 : 1;
    lines.push(
      cell.accessibility === null
        ? t('analysis.cell.methodNone', { measure })
        : t('analysis.cell.method', {
            measure,
            value: formatValue(info.unit, cell.accessibility * scale, figures),
            unit: unitText(info.unit, context),
          }),
    );
  }

  lines.push(
    cell.needsCount > 0
      ? t('analysis.cell.needs', {
          number: figures.people(cell.needsCount),
          weighted: figures.people(cell.needsWeighted),
        })
      : t('analysis.cell.needsNone'),
  );

  const parts = priorityParts(cell, weights);
  return (
    <div className="analysis-cell">
      <ul className="analysis-cell__lines">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="analysis-cell__note">
        {t('analysis.cell.distanceNote', { detour: figures.decimal(parameters.detour) })}
      </p>
      <h3 className="analysis-cell__priority">
        {t('analysis.cell.priority', { value: figures.score(priorityOf(cell, weights)) })}
      </h3>
      <table className="analysis-table analysis-cell__parts">
        <caption>{t('analysis.cell.priorityHow')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.cell.part')}</th>
            <th scope="col">{t('analysis.cell.weight')}</th>
            <th scope="col">{t('analysis.cell.score')}</th>
            <th scope="col">{t('analysis.cell.contribution')}</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((part) => (
            <tr key={part.part}>
              <th scope="row">{t(`analysis.weights.${part.part}`)}</th>
              <td>{figures.percent(part.weight)}</td>
              <td>{figures.score(part.score)}</td>
              <td>
                <span
                  className="analysis-cell__bar"
                  style={{ inlineSize: `${Math.round(part.contribution * 100)}%` }}
                />
                {figures.score(part.contribution)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="analysis-cell__note">{t('analysis.cell.scores')}</p>
    </div>
  );
}
