import type { Decay, Method } from '@quartiersatlas/gap';
import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFigures } from './figures.ts';
import { NumberField } from './form-fields.tsx';
import type { AnalysisFormValues } from './form-values.ts';
import {
  DECAY_CHOICES,
  type DecayChoice,
  decayNeedsParameter,
  decayProblem,
  methodDefaultDecay,
  parseDecimal,
  usesDecay,
} from './methods.ts';

/** A decay in words: "Gaussian curve, σ = 400 m", "steps: up to 267 m 100 %, …". */
export function useDecayDescription(): (decay: Decay) => string {
  const { t } = useTranslation();
  const figures = useFigures();
  return (decay) => {
    switch (decay.kind) {
      case 'binary':
      case 'linear':
        return t(`analysis.decay.${decay.kind}`);
      case 'exponential':
      case 'power':
        return t(`analysis.decay.${decay.kind}With`, { beta: figures.decimal(decay.beta) });
      case 'gaussian':
        return t('analysis.decay.gaussianWith', { sigma: figures.distance(decay.sigma) });
      case 'steps':
        return t('analysis.decay.stepsWith', {
          steps: decay.steps
            .map((step) =>
              t('analysis.decay.step', { distance: figures.distance(step.upTo), weight: figures.percent(step.weight) }),
            )
            .join(', '),
        });
      case 'gravity':
        return t('analysis.decay.other');
    }
  };
}

type ParameterChoice = 'exponential' | 'power' | 'gaussian' | 'steps';

function parameterOf(choice: DecayChoice): ParameterChoice | null {
  return decayNeedsParameter(choice) ? (choice as ParameterChoice) : null;
}

/**
 * How fast a service counts less with distance. The method's own default is the first choice and
 * follows the cutoff; nearest and coverage ignore decay, so the field is not shown for them.
 */
export function DecayField({ method, cutoffText }: { method: Method; cutoffText: string }) {
  const { t } = useTranslation();
  const { register, watch } = useFormContext<AnalysisFormValues>();
  const describeDecay = useDecayDescription();
  const selectId = useId();
  const choice = watch('decayChoice');
  if (!usesDecay(method)) return null;
  const cutoff = parseDecimal(cutoffText);
  const standard = cutoff === undefined ? null : methodDefaultDecay(method, cutoff);
  const parameter = parameterOf(choice);

  return (
    <fieldset className="analysis-decay">
      <legend>{t('analysis.form.decay')}</legend>
      <div className="analysis-field">
        <label htmlFor={selectId} className="visually-hidden">
          {t('analysis.form.decay')}
        </label>
        <select id={selectId} {...register('decayChoice')}>
          {DECAY_CHOICES.map((item) => (
            <option key={item} value={item}>
              {item === 'method' ? t('analysis.decay.method') : t(`analysis.decay.${item}`)}
            </option>
          ))}
        </select>
        {choice === 'method' && standard && (
          <p className="analysis-field__hint">{t('analysis.decay.methodIs', { decay: describeDecay(standard) })}</p>
        )}
      </div>
      {parameter && (
        <NumberField
          key={choice}
          name="decayParameter"
          inputMode={parameter === 'steps' ? 'text' : 'decimal'}
          label={t(`analysis.decay.parameter.${parameter}`)}
          hint={<p>{t(`analysis.decay.parameterHint.${parameter}`)}</p>}
          rules={{
            validate: (value, values) => {
              if (!usesDecay(values.method)) return true;
              const problem = decayProblem({ choice: values.decayChoice, parameter: value });
              return problem === undefined ? true : t(`analysis.decay.error.${problem}`);
            },
          }}
        />
      )}
    </fieldset>
  );
}
