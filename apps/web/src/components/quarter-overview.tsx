import type { RecordKind } from '@quartiersatlas/domain';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection, QuarterFeature } from '../api/endpoints.ts';
import { useFormat } from '../format.ts';
import type { Resource } from '../hooks/use-resource.ts';
import { Icon } from './icon.tsx';
import { QuarterOutline } from './quarter-outline.tsx';
import { LoadError, Loading } from './status.tsx';

const KINDS = ['service', 'vacancy', 'brownfield', 'need'] as const satisfies readonly RecordKind[];

function QuarterCard({ quarter }: { quarter: QuarterFeature }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { name, city, approximate, recordCounts } = quarter.properties;
  const total = KINDS.reduce((sum, kind) => sum + (recordCounts[kind] ?? 0), 0);
  const headingId = `quarter-${quarter.id}`;
  return (
    <li className="quarter-card">
      <article aria-labelledby={headingId}>
        <div className="quarter-card__head">
          <QuarterOutline geometry={quarter.geometry} approximate={approximate} />
          <div className="quarter-card__title">
            <h3 id={headingId} className="quarter-card__name">
              {name}
            </h3>
            <p className="quarter-card__meta">
              <span>{city}</span>
              <span className="quarter-card__total">{t('quarter.recordCount', { count: total })}</span>
            </p>
          </div>
        </div>
        <dl className="kind-counts" aria-label={t('quarter.countsLabel')}>
          {KINDS.map((kind) => {
            const count = recordCounts[kind] ?? 0;
            return (
              <div key={kind} className={`kind-count kind-count--${kind}`}>
                <dt className="kind-count__label">{t(`kind.${kind}`, { count })}</dt>
                <dd className="kind-count__value">{format.number(count)}</dd>
              </div>
            );
          })}
        </dl>
        {approximate && (
          <p className="quarter-card__note">
            <Icon name="outline" />
            <span>{t('quarter.approximate')}</span>
          </p>
        )}
      </article>
    </li>
  );
}

export function QuarterOverview({ resource }: { resource: Resource<QuarterCollection> & { retry: () => void } }) {
  const { t } = useTranslation();
  return (
    <section className="section section--quarters" aria-labelledby="quarters-heading">
      <h2 id="quarters-heading" className="section__title">
        {t('quarter.heading')}
      </h2>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && (
        <LoadError title={t('quarter.loadError')} error={resource.error} onRetry={resource.retry} />
      )}
      {resource.status === 'ready' &&
        (resource.data.features.length === 0 ? (
          <p className="empty">{t('quarter.empty')}</p>
        ) : (
          <ul className="quarter-list">
            {resource.data.features.map((quarter) => (
              <QuarterCard key={quarter.id} quarter={quarter} />
            ))}
          </ul>
        ))}
    </section>
  );
}
