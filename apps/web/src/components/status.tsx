import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { errorKey } from '../format.ts';
import { Icon } from './icon.tsx';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </p>
  );
}

/** What failed, why (translated from the API's code) and a way to try again. */
export function LoadError({ title, error, onRetry }: { title: string; error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <Icon name="alert" className="notice__icon" />
      <div className="notice__body">
        <p className="notice__title">{title}</p>
        <p>{t(errorKey(error.code))}</p>
        <button type="button" className="button button--secondary notice__action" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    </div>
  );
}
