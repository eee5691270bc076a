import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { Icon } from '../components/icon.tsx';
import { errorKey } from '../format.ts';
import { OwnSubmissions } from './own-submissions.tsx';

type Problem = { kind: 'closed' } | { kind: 'unknown' } | { kind: 'offline'; error: ApiError; retry: () => void };

/** A closed or unknown link, or no network on the very first visit: what happened and what to do. */
export function LinkProblem({ problem, code }: { problem: Problem; code: string }) {
  const { t } = useTranslation();
  const title =
    problem.kind === 'closed'
      ? t('resident.problem.closedTitle')
      : problem.kind === 'unknown'
        ? t('resident.problem.unknownTitle')
        : t('offline.noDataTitle');
  const text =
    problem.kind === 'closed'
      ? t('error.LINK_REVOKED')
      : problem.kind === 'unknown'
        ? t('error.LINK_NOT_FOUND')
        : t(errorKey(problem.error.code));
  return (
    <div className="resident-step">
      <div className="notice notice--error resident-problem-card" role="alert">
        <Icon name={problem.kind === 'offline' ? 'cloud-off' : 'alert'} className="notice__icon" />
        <div className="notice__body">
          <h1 className="notice__title">{title}</h1>
          <p>{text}</p>
          {problem.kind === 'offline' && (
            <button type="button" className="button button--secondary notice__action" onClick={problem.retry}>
              {t('common.retry')}
            </button>
          )}
          {problem.kind !== 'offline' && <p>{t('resident.problem.receiptStill')}</p>}
          {problem.kind !== 'offline' && (
            <a className="button button--secondary notice__action" href="/receipt">
              {t('footer.receipt')}
            </a>
          )}
        </div>
      </div>
      {problem.kind !== 'unknown' && <OwnSubmissions linkCode={code} taxonomy={null} />}
    </div>
  );
}
