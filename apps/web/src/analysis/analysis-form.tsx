import './analysis-form.css';
import { findCategory, type Taxonomy } from '@quartiersatlas/domain';
import type { Method } from '@quartiersatlas/gap';
import { useEffect, useId, useState } from 'react';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import type { AnalysisRequest, PriorityWeights } from './api.ts';
import { CategorySelect, useTaxonomyLabel } from './category-select.tsx';
import { DecayField } from './decay-field.tsx';
import { useFigures } from './figures.ts';
import { DefaultHint, FieldError, NumberField } from './form-fields.tsx';
import {
  type AnalysisFormValues,
  cutoffProblem,
  DEFAULT_DETOUR,
  DEFAULT_POTENTIALS,
  defaultsFor,
  detourProblem,
  type FieldProblem,
  formFieldOf,
  LIMITS,
  potentialsProblem,
  targetProblem,
  toRequest,
} from './form-values.ts';
import { isMethod, METHODS } from './methods.ts';

/**
 * Category, method and parameters of a gap analysis. Each parameter shows the category's default
 * and where it comes from; changing the category brings its defaults back.
 */
export function AnalysisForm({
  taxonomy,
  initial,
  weights,
  busy,
  onSubmit,
}: {
  taxonomy: Taxonomy;
  initial: AnalysisFormValues;
  /** Applied with the run; edited beside the map (see WeightsEditor). */
  weights: PriorityWeights;
  busy: boolean;
  onSubmit(request: AnalysisRequest): Promise<void>;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  const label = useTaxonomyLabel();
  const form = useForm<AnalysisFormValues>({ defaultValues: initial, mode: 'onTouched' });
  const { control, handleSubmit, watch, setValue, reset, setError, formState } = form;
  const [failure, setFailure] = useState<string | null>(null);
  const methodId = useId();
  const methodHelpId = useId();
  const categoryId = useId();

  // A stored analysis opened from the list fills the form with its parameters.
  useEffect(() => {
    reset(initial);
  }, [initial, reset]);

  const values = watch();
  const category = findCategory(taxonomy, values.category);
  const method = values.method;
  const units = category ? t(`analysis.supplyUnit.${category.supplyUnit}`) : '';
  const group = category ? t(`demandGroup.${category.demandGroup}`) : '';

  const message = (problem: FieldProblem | undefined, range: string) =>
    problem === undefined ? true : problem === 'range' ? range : t(`analysis.form.error.${problem}`);
  const between = (min: number, max: number) =>
    t('analysis.form.error.between', { min: figures.decimal(min), max: figures.decimal(max) });

  const submit = handleSubmit(async (valid) => {
    setFailure(null);
    try {
      await onSubmit(toRequest(valid, weights));
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'unknown';
      const fields = error instanceof ApiError ? error.fields.map(formFieldOf) : [];
      for (const field of fields) if (field) setError(field, { message: t(errorKey(code)) });
      setFailure(t(errorKey(code)));
    }
  });

  return (
    <FormProvider {...form}>
      <form className="analysis-form" noValidate onSubmit={submit}>
        <div className="analysis-field">
          <label htmlFor={categoryId}>{t('analysis.form.category')}</label>
          <Controller
            control={control}
            name="category"
            render={({ field }) => (
              <CategorySelect
                id={categoryId}
                taxonomy={taxonomy}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(event) => {
                  const next = findCategory(taxonomy, event.target.value);
                  if (next)
                    reset({ ...defaultsFor(next, method), detour: values.detour, potentials: values.potentials });
                }}
              />
            )}
          />
          {category && (
            <p className="analysis-field__hint">
              {t('analysis.form.categoryFacts', { group, units: t(`analysis.supplyUnitLong.${category.supplyUnit}`) })}
            </p>
          )}
        </div>

        <div className="analysis-field">
          <label htmlFor={methodId}>{t('analysis.form.method')}</label>
          <Controller
            control={control}
            name="method"
            render={({ field }) => (
              <select
                id={methodId}
                aria-describedby={methodHelpId}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(event) => {
                  if (isMethod(event.target.value)) field.onChange(event.target.value);
                }}
              >
                {METHODS.map((item) => (
                  <option key={item} value={item}>
                    {t(`analysis.method.${item}.name`)}
                  </option>
                ))}
              </select>
            )}
          />
          <p id={methodHelpId} className="analysis-field__hint">
            {t(`analysis.method.${method}.explain`)}
          </p>
          <details className="analysis-methods">
            <summary>{t('analysis.form.allMethods')}</summary>
            <dl>
              {METHODS.map((item: Method) => (
                <div key={item}>
                  <dt>{t(`analysis.method.${item}.name`)}</dt>
                  <dd>{t(`analysis.method.${item}.explain`)}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>

        <NumberField
          name="cutoff"
          label={t('analysis.form.cutoff')}
          unit={t('analysis.form.metres')}
          rules={{ validate: (v) => message(cutoffProblem(v), between(LIMITS.cutoff.min, LIMITS.cutoff.max)) }}
          hint={
            category && (
              <DefaultHint
                text={t('analysis.form.default', {
                  category: label(category),
                  value: figures.distance(category.catchmentM),
                })}
                source={category.catchmentSource}
                changed={values.cutoff !== String(category.catchmentM)}
                onReset={() => setValue('cutoff', String(category.catchmentM), { shouldValidate: true })}
              />
            )
          }
        />

        <DecayField method={method} cutoffText={values.cutoff} />

        <NumberField
          name="target"
          label={t('analysis.form.target')}
          unit={t('analysis.form.targetUnit', { units })}
          rules={{
            validate: (v) =>
              message(targetProblem(v), t('analysis.form.error.target', { max: figures.decimal(LIMITS.target.max) })),
          }}
          hint={
            category && (
              <DefaultHint
                text={t('analysis.form.default', {
                  category: label(category),
                  value: figures.decimal(category.targetPer1000),
                })}
                source={category.targetSource}
                changed={values.target !== String(category.targetPer1000)}
                onReset={() => setValue('target', String(category.targetPer1000), { shouldValidate: true })}
              />
            )
          }
        />

        <details className="analysis-more">
          <summary>{t('analysis.form.more')}</summary>
          <NumberField
            name="detour"
            label={t('analysis.form.detour')}
            rules={{ validate: (v) => message(detourProblem(v), between(LIMITS.detour.min, LIMITS.detour.max)) }}
            hint={<p>{t('analysis.form.detourHint', { value: figures.decimal(DEFAULT_DETOUR) })}</p>}
          />
          <NumberField
            name="potentials"
            integer
            label={t('analysis.form.potentials')}
            rules={{
              validate: (v) => message(potentialsProblem(v), between(LIMITS.potentials.min, LIMITS.potentials.max)),
            }}
            hint={<p>{t('analysis.form.potentialsHint', { value: DEFAULT_POTENTIALS })}</p>}
          />
        </details>

        <FieldError id={`${methodId}-category`} name="category" />
        {failure && (
          <p className="form-error" role="alert">
            <Pictogram name="alert" size={20} />
            {failure}
          </p>
        )}
        {formState.submitCount > 0 && Object.keys(formState.errors).length > 0 && (
          <p className="form-error" role="alert">
            <Pictogram name="alert" size={20} />
            {t('analysis.form.error.summary')}
          </p>
        )}
        <button type="submit" className="button button--primary analysis-form__submit" disabled={busy}>
          {t('analysis.form.run')}
        </button>
      </form>
    </FormProvider>
  );
}
