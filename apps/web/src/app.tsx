import { useTranslation } from 'react-i18next';
import { fetchQuarters, fetchTaxonomy } from './api/endpoints.ts';
import { AccountPanel } from './components/account-panel.tsx';
import { DemoBanner } from './components/demo-banner.tsx';
import { QuarterOverview } from './components/quarter-overview.tsx';
import { SiteFooter } from './components/site-footer.tsx';
import { SiteHeader } from './components/site-header.tsx';
import { TaxonomyOverview } from './components/taxonomy-overview.tsx';
import { useResource } from './hooks/use-resource.ts';

export function App() {
  const { t } = useTranslation();
  const quarters = useResource(fetchQuarters);
  const taxonomy = useResource(fetchTaxonomy);
  const demo = quarters.status === 'ready' && quarters.data.features.some((quarter) => quarter.properties.demo);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      {demo && <DemoBanner />}
      <main id="main" className="page" tabIndex={-1}>
        <div className="layout">
          <div className="intro">
            <h1 className="intro__title">{t('app.tagline')}</h1>
            <p className="intro__text">{t('quarter.intro')}</p>
          </div>
          <QuarterOverview resource={quarters} />
          <AccountPanel />
          <TaxonomyOverview resource={taxonomy} />
        </div>
      </main>
      <SiteFooter taxonomyVersion={taxonomy.status === 'ready' ? taxonomy.data.version : undefined} />
    </>
  );
}
