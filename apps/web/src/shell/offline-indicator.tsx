import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { useOnline } from './online.ts';

/** A strip under the top bar while the browser has no network; entries are still saved on the device. */
export function OfflineIndicator() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <div className="offline-indicator" role="status" data-online={online}>
      {!online && (
        <p className="offline-indicator__text">
          <Icon name="cloud-off" />
          <strong>{t('offline.title')}</strong>
          <span>{t('offline.savedLocally')}</span>
        </p>
      )}
    </div>
  );
}
