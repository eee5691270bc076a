import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { SiteHeader } from '../components/site-header.tsx';

/** A first start without network and without anything stored: say what is needed, in plain words. */
export function OfflineStart({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <SiteHeader />
      <main id="main" className="page" tabIndex={-1}>
        <div className="notice notice--error offline-start" role="alert">
          <Icon name="cloud-off" className="notice__icon" />
          <div className="notice__body">
            <h1 className="notice__title">{t('offline.noDataTitle')}</h1>
            <p>{t('offline.noData')}</p>
            <button type="button" className="button button--secondary notice__action" onClick={onRetry}>
              {t('common.retry')}
            </button>
          </div>
        </div>
      </main>
    </>
  );
}
