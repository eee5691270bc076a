import { useTranslation } from 'react-i18next';

export function SiteFooter({ taxonomyVersion }: { taxonomyVersion: number | undefined }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <a className="site-footer__link" href="/api/docs">
          {t('footer.apiDocs')}
        </a>
        {taxonomyVersion !== undefined && (
          <span className="site-footer__meta">{t('footer.taxonomyVersion', { version: taxonomyVersion })}</span>
        )}
      </div>
    </footer>
  );
}
