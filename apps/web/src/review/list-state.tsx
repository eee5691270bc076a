import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import type { Paged } from './use-paged.ts';

/** Above a review list: loading, the error with a retry, the friendly empty state, or how many there are. */
export function ListState({
  paged,
  count,
  empty,
  emptyIcon,
}: {
  paged: Paged<{ id: string }>;
  count: string;
  empty: string;
  emptyIcon: string;
}) {
  const { t } = useTranslation();
  if (paged.status === 'loading') {
    return (
      <p className="loading review-list__state" role="status">
        <span className="loading__spinner" aria-hidden="true" />
        <span>{t('common.loading')}</span>
      </p>
    );
  }
  if (paged.status === 'error' && paged.error) {
    return (
      <div className="review-problem" role="alert">
        <p>{t(errorKey(paged.error.code))}</p>
        <button type="button" className="button button--secondary" onClick={paged.reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const reload = (
    <button type="button" className="button button--secondary review-list__reload" onClick={paged.reload}>
      <Icon name="refresh" />
      <span>{t('review.reload')}</span>
    </button>
  );
  if (paged.items.length === 0) {
    return (
      <div className="review-empty">
        <span className="review-empty__icon">
          <Pictogram name={emptyIcon} size={28} />
        </span>
        <p role="status">{empty}</p>
        {reload}
      </div>
    );
  }
  return (
    <>
      <div className="review-list__head">
        <p className="review-list__count" role="status">
          {count}
        </p>
        {reload}
      </div>
      {paged.error && (
        <p className="form-error" role="alert">
          {t(errorKey(paged.error.code))}
        </p>
      )}
    </>
  );
}
