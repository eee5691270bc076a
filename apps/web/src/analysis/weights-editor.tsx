import './analysis-form.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriorityWeights } from './api.ts';
import { useFigures } from './figures.ts';
import { appliedWeights, sameWeights, WEIGHT_PARTS } from './priority.ts';

/**
 * The priority index's weights. The map recomputes the index at once in the browser from the
 * three scores each cell carries; the weights are stored with the next run of the analysis.
 */
export function WeightsEditor({
  weights,
  stored,
  onChange,
}: {
  weights: PriorityWeights;
  /** The weights the shown analysis ran with. */
  stored: PriorityWeights | null;
  onChange(weights: PriorityWeights): void;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  const id = useId();
  const applied = appliedWeights(weights);
  return (
    <fieldset className="analysis-weights">
      <legend>{t('analysis.weights.title')}</legend>
      <p className="analysis-weights__intro">{t('analysis.weights.intro')}</p>
      {WEIGHT_PARTS.map((part) => (
        <div key={part} className="analysis-weights__row">
          <label htmlFor={`${id}-${part}`}>{t(`analysis.weights.${part}`)}</label>
          <input
            id={`${id}-${part}`}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={weights[part]}
            aria-valuetext={applied ? figures.percent(applied[part]) : figures.score(weights[part])}
            onChange={(event) => onChange({ ...weights, [part]: Number(event.target.value) })}
          />
          <output htmlFor={`${id}-${part}`}>{applied ? figures.percent(applied[part]) : '–'}</output>
        </div>
      ))}
      {applied === null && (
        <p className="analysis-field__error" role="alert">
          {t('analysis.weights.allZero')}
        </p>
      )}
      <p className="analysis-weights__note">
        {stored && !sameWeights(weights, stored) ? t('analysis.weights.changed') : t('analysis.weights.howStored')}
      </p>
    </fieldset>
  );
}
