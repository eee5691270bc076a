import type { Taxonomy } from '@quartiersatlas/domain';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection } from '../api/endpoints.ts';
import { DemoBanner } from '../components/demo-banner.tsx';
import { QuarterOverview } from '../components/quarter-overview.tsx';
import { TaxonomyOverview } from '../components/taxonomy-overview.tsx';

const noRetry = () => undefined;

/** Planners' desk view: the quarters with their counts and the categories the atlas uses. */
export function OverviewView({ quarters, taxonomy }: { quarters: QuarterCollection; taxonomy: Taxonomy }) {
  const { t } = useTranslation();
  const demo = quarters.features.some((quarter) => quarter.properties.demo);
  return (
    <div className="overview page">
      {demo && <DemoBanner />}
      <h1 className="overview__title">{t('shell.overviewTitle')}</h1>
      <div className="overview__sections">
        <QuarterOverview resource={{ status: 'ready', data: quarters, retry: noRetry }} />
        <TaxonomyOverview resource={{ status: 'ready', data: taxonomy, retry: noRetry }} />
      </div>
    </div>
  );
}
