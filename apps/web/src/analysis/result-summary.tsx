import type { GapAnalysisResult } from '@quartiersatlas/gap';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import type { AnalysisJob } from './api.ts';
import { useDecayDescription } from './decay-field.tsx';
import { useFigures } from './figures.ts';

/** When and with what an analysis ran, its headline figures, and the per-quarter table. */
export function ResultSummary({
  job,
  result,
  categoryLabel,
  onRerun,
  busy,
}: {
  job: AnalysisJob;
  result: GapAnalysisResult;
  categoryLabel: string;
  onRerun(): void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const figures = useFigures();
  const describeDecay = useDecayDescription();
  const { summary, parameters } = result;
  const units = t(`analysis.supplyUnit.${job.parameters.supplyUnit}`);
  const date = job.finishedAt
    ? new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(job.finishedAt))
    : '';

  return (
    <section className="analysis-summary" aria-labelledby="analysis-summary-title">
      <h2 id="analysis-summary-title" className="analysis-summary__title">
        {t('analysis.summary.title', {
          category: categoryLabel,
          method: t(`analysis.method.${parameters.method}.name`),
        })}
      </h2>
      <p className="analysis-summary__meta">{t('analysis.summary.ranAt', { date })}</p>
      <p className="analysis-summary__meta">
        {t('analysis.summary.parameters', {
          cutoff: figures.distance(parameters.cutoff),
          decay: parameters.decay ? describeDecay(parameters.decay) : t('analysis.decay.none'),
          detour: figures.decimal(parameters.detour),
        })}
      </p>
      {job.stale && (
        <div className="analysis-stale" role="status">
          <Icon name="alert" />
          <p>{t('analysis.summary.stale')}</p>
          <button type="button" className="button button--secondary" onClick={onRerun} disabled={busy}>
            {t('analysis.summary.rerun')}
          </button>
        </div>
      )}
      <dl className="analysis-figures">
        <div>
          <dt>{t('analysis.summary.population', { group: t(`demandGroup.${job.parameters.demandGroup}`) })}</dt>
          <dd>{figures.people(summary.population)}</dd>
        </div>
        <div>
          <dt>{t('analysis.summary.coverage', { cutoff: figures.distance(parameters.cutoff) })}</dt>
          <dd>
            {summary.coverageShare === null ? t('analysis.summary.none') : figures.percent(summary.coverageShare)}
          </dd>
        </div>
        <div>
          <dt>{t('analysis.summary.supply', { units, target: figures.decimal(parameters.target) })}</dt>
          <dd>
            {summary.supplyPer1000 === null ? t('analysis.summary.none') : figures.decimal(summary.supplyPer1000)}
          </dd>
        </div>
        <div>
          <dt>{t('analysis.summary.deficit')}</dt>
          <dd>{figures.people(summary.deficit)}</dd>
        </div>
        <div>
          <dt>{t('analysis.summary.needs')}</dt>
          <dd>{figures.people(summary.needsCount)}</dd>
        </div>
        <div>
          <dt>{t('analysis.summary.services')}</dt>
          <dd>{figures.people(summary.supplyPoints)}</dd>
        </div>
      </dl>
      {result.quarters.length > 0 && (
        <div className="analysis-table-wrap">
          <table className="analysis-table">
            <caption>{t('analysis.summary.quarters')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analysis.summary.quarter')}</th>
                <th scope="col">{t('analysis.summary.people')}</th>
                <th scope="col">{t('analysis.summary.coverageShort')}</th>
                <th scope="col">{t('analysis.summary.deficitShort')}</th>
                <th scope="col">{t('analysis.summary.priorityShort')}</th>
              </tr>
            </thead>
            <tbody>
              {result.quarters.map((quarter) => (
                <tr key={quarter.id}>
                  <th scope="row">{quarter.name}</th>
                  <td>{figures.people(quarter.population)}</td>
                  <td>{quarter.coverageShare === null ? '–' : figures.percent(quarter.coverageShare)}</td>
                  <td>{figures.people(quarter.deficit)}</td>
                  <td>{figures.score(quarter.priority)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
