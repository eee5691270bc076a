import { useTranslation } from 'react-i18next';
import { BrandMark } from './brand-mark.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="brand" href="/">
          <BrandMark />
          <span className="brand__name">{t('app.title')}</span>
        </a>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
