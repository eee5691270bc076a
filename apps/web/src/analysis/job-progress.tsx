import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import { errorKey } from '../format.ts';
import type { AnalysisJob } from './api.ts';
import { useFigures } from './figures.ts';
import type { JobState } from './use-analysis-job.ts';

const STAGES = ['queued', 'loading', 'costs', 'measure', 'aggregate', 'potentials'] as const;
type Stage = (typeof STAGES)[number];

export function stageOf(job: AnalysisJob): Stage {
  if (job.status === 'queued') return 'queued';
  return STAGES.find((stage) => stage === job.stage) ?? 'loading';
}

/**
 * While an analysis runs: its stage in words and a progress bar, updated from polling. A failed
 * run says why (by the API's error code) and offers to start it again; a lost connection to retry.
 */
export function JobProgress({
  state,
  onRetry,
  onRerun,
}: {
  state: JobState;
  /** Ask for the job again (after a network error). */
  onRetry(): void;
  /** Start the failed analysis again. */
  onRerun(): void;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  switch (state.status) {
    case 'idle':
    case 'done':
      return null;
    case 'loading':
      return <Loading />;
    case 'error':
      return <LoadError title={t('analysis.progress.lost')} error={state.error} onRetry={onRetry} />;
    case 'failed':
      return (
        <div className="notice notice--error" role="alert">
          <Icon name="alert" className="notice__icon" />
          <div className="notice__body">
            <p className="notice__title">{t('analysis.progress.failed')}</p>
            <p>{t(errorKey(state.job.error?.code ?? 'ANALYSIS_FAILED'))}</p>
            <button type="button" className="button button--secondary notice__action" onClick={onRerun}>
              {t('common.retry')}
            </button>
          </div>
        </div>
      );
    case 'running': {
      const { job } = state;
      const progress = Math.min(1, Math.max(0, job.progress));
      return (
        <div className="analysis-progress" role="status" aria-live="polite">
          <p className="analysis-progress__stage">
            <span className="loading__spinner" aria-hidden="true" />
            {t(`analysis.stage.${stageOf(job)}`)}
          </p>
          <div className="analysis-progress__bar">
            <progress max={1} value={progress} aria-label={t('analysis.progress.label')} />
            <span>{figures.percent(progress)}</span>
          </div>
        </div>
      );
    }
  }
}
