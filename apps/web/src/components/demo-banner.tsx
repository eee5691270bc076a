import { useTranslation } from 'react-i18next';
import { Icon } from './icon.tsx';

export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div className="demo-banner" role="note">
      <p className="demo-banner__inner">
        <Icon name="info" className="demo-banner__icon" />
        <span>{t('demo.banner')}</span>
      </p>
    </div>
  );
}
