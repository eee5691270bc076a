import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoBanner } from '../components/demo-banner.tsx';
import { Icon } from '../components/icon.tsx';
import { QuarterOverview } from '../components/quarter-overview.tsx';
import { SiteFooter } from '../components/site-footer.tsx';
import { SiteHeader } from '../components/site-header.tsx';
import { TaxonomyOverview } from '../components/taxonomy-overview.tsx';
import { PublicMap } from '../public-map/index.ts';
import { LanguageGrid } from './language-grid.tsx';
import { asResource } from './loadable.ts';
import { OfflineIndicator } from './offline-indicator.tsx';
import type { PublicData } from './public-data.ts';
import { SignInCard } from './sign-in-card.tsx';

/** Before sign-in: pick a language, sign in as a field team, or just look at the quarters and their map. */
export function FirstScreen({ data }: { data: PublicData }) {
  const { t } = useTranslation();
  const languageHeading = useId();
  const { quarters, taxonomy } = data;
  const demo = quarters.status === 'ready' && quarters.data.features.some((quarter) => quarter.properties.demo);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <OfflineIndicator />
      {demo && <DemoBanner />}
      <main id="main" className="page" tabIndex={-1}>
        <div className="layout layout--first layout--with-map">
          <div className="intro">
            <h1 className="intro__title">{t('app.tagline')}</h1>
            <p className="intro__text">{t('quarter.intro')}</p>
          </div>
          <section className="section section--languages" aria-labelledby={languageHeading}>
            <h2 id={languageHeading} className="section__title section__title--small">
              <Icon name="globe" />
              <span>{t('language.choose')}</span>
            </h2>
            <LanguageGrid />
          </section>
          <SignInCard />
          <QuarterOverview resource={asResource(quarters)} />
          {quarters.status === 'ready' && taxonomy.status === 'ready' && (
            <PublicMap
              quarters={quarters.data}
              taxonomy={taxonomy.data}
              basemapStyleUrl={data.config.status === 'ready' ? data.config.data.basemap.styleUrl : null}
            />
          )}
          <TaxonomyOverview resource={asResource(taxonomy)} />
        </div>
      </main>
      <SiteFooter taxonomyVersion={taxonomy.status === 'ready' ? taxonomy.data.version : undefined} />
    </>
  );
}
