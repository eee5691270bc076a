import { TARGET_GROUPS } from '@quartiersatlas/domain';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { type RecordText, textDirection } from '../review/record-text.ts';
import type { PublicFeature } from './public-features.ts';

/** A few facts worth a resident's glance, per kind; anything else stays in the GIS. */
const FACTS: Record<PublicFeature['kind'], readonly string[]> = {
  service: ['openingHours', 'capacity', 'stepFree'],
  vacancy: ['address', 'floorAreaM2', 'condition'],
  brownfield: ['areaM2', 'interimUse'],
  need: ['urgency'],
};

function present(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/**
 * What the public map tells about one feature. A need shows its category, who is affected and how
 * many support it; its words only when the API sent them (a planner approved showing them).
 */
export function FeatureCard({
  feature,
  text,
  headingId,
  headingLevel = 3,
}: {
  feature: PublicFeature;
  text: RecordText;
  headingId?: string;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const { properties } = feature;
  const shown = text.present({ properties: { ...properties, kind: feature.kind } });
  const need = feature.kind === 'need';
  const groups = Array.isArray(properties.targetGroups)
    ? TARGET_GROUPS.filter((group) => (properties.targetGroups as unknown[]).includes(group))
    : [];
  const words = need && typeof properties.text === 'string' && properties.text.trim() !== '' ? properties.text : null;
  const supporters = Number(properties.supporters ?? 0);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  // A need's title is its category: its own words, if shown at all, come as a quote below.
  const title = need ? (shown.categoryLabel ?? shown.kindLabel) : shown.title;
  return (
    <article className={`feature-card feature-card--${feature.kind}`} aria-labelledby={headingId}>
      <header className="feature-card__head">
        <span className="feature-card__icon">
          <Pictogram name={shown.icon} size={26} />
        </span>
        <div>
          <Heading id={headingId} className="feature-card__title" tabIndex={-1}>
            <bdi>{title}</bdi>
          </Heading>
          <p className="feature-card__meta">
            <span>{shown.kindLabel}</span>
            {!need && shown.categoryLabel && shown.categoryLabel !== title && <span>{shown.categoryLabel}</span>}
            {typeof properties.quarterId === 'string' && <span>{text.quarterName(properties.quarterId)}</span>}
          </p>
        </div>
      </header>
      {words && (
        <blockquote
          className="feature-card__quote"
          lang={typeof properties.lang === 'string' && properties.lang !== '' ? properties.lang : undefined}
          dir={textDirection(properties.lang)}
        >
          <p>{words}</p>
        </blockquote>
      )}
      <dl className="feature-card__facts">
        {need && (
          <div>
            <dt>{t('capture.field.targetGroups')}</dt>
            <dd>
              {groups.length > 0 ? (
                <ul className="review-chips">
                  {groups.map((group) => (
                    <li key={group} className="chip">
                      {t(`targetGroup.${group}`)}
                    </li>
                  ))}
                </ul>
              ) : (
                t('review.value.empty')
              )}
            </dd>
          </div>
        )}
        {need && supporters > 0 && (
          <div>
            <dt>{t('review.field.supporters')}</dt>
            <dd>{t('review.submission.supporters', { count: supporters })}</dd>
          </div>
        )}
        {FACTS[feature.kind]
          .filter((field) => present(properties[field]))
          .map((field) => (
            <div key={field}>
              <dt>{text.fieldLabel(field)}</dt>
              <dd>
                <bdi>{text.value(field, properties[field])}</bdi>
              </dd>
            </div>
          ))}
      </dl>
      {need && (
        <p className="feature-card__rough">
          <Pictogram name="outline" size={18} />
          <span>{t('publicMap.roughPlace')}</span>
        </p>
      )}
    </article>
  );
}
