import './analysis-form.css';
import { findCategory, type Taxonomy } from '@quartiersatlas/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/client.ts';
import { LoadError, Loading } from '../components/status.tsx';
import type { Resource } from '../hooks/use-resource.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { type AnalysisJob, fetchAnalyses } from './api.ts';
import { useTaxonomyLabel } from './category-select.tsx';
import { useFigures } from './figures.ts';

const SHOWN = 8;

/** The newest analyses, read again whenever `refresh` changes. */
export function useRecentAnalyses(refresh: unknown): { resource: Resource<AnalysisJob[]>; retry(): void } {
  const [resource, setResource] = useState<Resource<AnalysisJob[]>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` and `attempt` are triggers
  useEffect(() => {
    const controller = new AbortController();
    fetchAnalyses(controller.signal).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [refresh, attempt]);
  return { resource, retry: () => setAttempt((n) => n + 1) };
}

/** Earlier analyses to open again; stale ones (data changed since) and failed ones are marked. */
export function RecentAnalyses({
  taxonomy,
  resource,
  onRetry,
  currentId,
  onOpen,
}: {
  taxonomy: Taxonomy;
  resource: Resource<AnalysisJob[]>;
  onRetry(): void;
  currentId: string | null;
  onOpen(job: AnalysisJob): void;
}) {
  const { t, i18n } = useTranslation();
  const label = useTaxonomyLabel();
  const figures = useFigures();
  const [all, setAll] = useState(false);
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    return <LoadError title={t('analysis.recent.loadError')} error={resource.error} onRetry={onRetry} />;
  }
  const jobs = resource.data;
  if (jobs.length === 0) return <p className="empty">{t('analysis.recent.empty')}</p>;
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return (
    <>
      <ul className="analysis-recent">
        {(all ? jobs : jobs.slice(0, SHOWN)).map((job) => {
          const category = findCategory(taxonomy, job.parameters.category);
          return (
            <li key={job.id}>
              <button
                type="button"
                className="analysis-recent__item"
                aria-current={job.id === currentId ? 'true' : undefined}
                onClick={() => onOpen(job)}
              >
                <span className="analysis-recent__icon">
                  <Pictogram name={category?.icon ?? 'service'} size={22} />
                </span>
                <span className="analysis-recent__text">
                  <span className="analysis-recent__name">
                    {t('analysis.recent.name', {
                      category: category ? label(category) : job.parameters.category,
                      method: t(`analysis.method.${job.parameters.method}.name`),
                    })}
                  </span>
                  <span className="analysis-recent__meta">
                    {t('analysis.recent.meta', {
                      date: date.format(new Date(job.createdAt)),
                      cutoff: figures.distance(job.parameters.cutoff),
                    })}
                  </span>
                </span>
                {job.status === 'failed' && (
                  <span className="analysis-chip analysis-chip--error">{t('analysis.recent.failed')}</span>
                )}
                {(job.status === 'queued' || job.status === 'running') && (
                  <span className="analysis-chip">{t('analysis.recent.running')}</span>
                )}
                {job.stale && (
                  <span className="analysis-chip analysis-chip--warning">{t('analysis.recent.stale')}</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {!all && jobs.length > SHOWN && (
        <button type="button" className="button button--secondary" onClick={() => setAll(true)}>
          {t('analysis.recent.more')}
        </button>
      )}
    </>
  );
}
