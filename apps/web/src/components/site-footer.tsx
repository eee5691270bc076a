import { useTranslation } from 'react-i18next';
import './site-footer.css';

export function SiteFooter({ taxonomyVersion }: { taxonomyVersion: number | undefined }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav className="site-footer__links" aria-label={t('footer.label')}>
          <a className="site-footer__link" href="/privacy">
            {t('footer.privacy')}
          </a>
          <a className="site-footer__link" href="/receipt">
            {t('footer.receipt')}
          </a>
          <a className="site-footer__link" href="/api/docs">
            {t('footer.apiDocs')}
          </a>
        </nav>
        {taxonomyVersion !== undefined && (
          <span className="site-footer__meta">{t('footer.taxonomyVersion', { version: taxonomyVersion })}</span>
        )}
      </div>
    </footer>
  );
}
