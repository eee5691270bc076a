import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import type { MapRecordKind } from '../map/index.ts';
import type { RecordText } from '../review/record-text.ts';
import { FeatureCard } from './feature-card.tsx';
import type { PublicFeature } from './public-features.ts';

export const PUBLIC_KINDS: readonly MapRecordKind[] = ['service', 'vacancy', 'brownfield', 'need'];

function Item({ feature, title, text }: { feature: PublicFeature; title: string; text: RecordText }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const shown = text.present({ properties: { ...feature.properties, kind: feature.kind } });
  return (
    <li className="public-list__item">
      <button
        type="button"
        className="public-list__toggle"
        aria-expanded={open}
        aria-controls={`${id}-card`}
        onClick={() => setOpen((value) => !value)}
      >
        <span className={`public-list__icon public-list__icon--${feature.kind}`}>
          <Pictogram name={shown.icon} size={20} />
        </span>
        <span className="public-list__text">
          <bdi className="public-list__title">{title}</bdi>
          {typeof feature.properties.quarterId === 'string' && (
            <span className="public-list__meta">{text.quarterName(feature.properties.quarterId)}</span>
          )}
        </span>
        <span className="public-list__chevron" aria-hidden="true" />
      </button>
      <div id={`${id}-card`} hidden={!open}>
        {open && <FeatureCard feature={feature} text={text} headingLevel={4} />}
      </div>
    </li>
  );
}

/**
 * The map's content as a list, for keyboards and screen readers (a map canvas offers neither):
 * by kind, each entry opening the same card a tap on the map shows.
 */
export function FeatureList({ features, text }: { features: readonly PublicFeature[]; text: RecordText }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useMemo(
    () =>
      PUBLIC_KINDS.map((kind) => ({
        kind,
        items: features
          .filter((feature) => feature.kind === kind)
          .map((feature) => {
            const shown = text.present({ properties: { ...feature.properties, kind } });
            return { feature, title: kind === 'need' ? (shown.categoryLabel ?? shown.kindLabel) : shown.title };
          })
          .sort((a, b) => a.title.localeCompare(b.title)),
      })).filter((group) => group.items.length > 0),
    [features, text],
  );
  if (groups.length === 0) return <p className="public-map__empty">{t('publicMap.empty')}</p>;
  return (
    <details className="public-list">
      <summary>{t('publicMap.list', { count: features.length, shown: format.number(features.length) })}</summary>
      {groups.map((group) => (
        <section key={group.kind} className="public-list__group">
          <h3 className="public-list__heading">
            {t('publicMap.group', { kind: t(`map.legend.${group.kind}`), shown: format.number(group.items.length) })}
          </h3>
          <ul className="public-list__items">
            {group.items.map((item) => (
              <Item key={item.feature.id} feature={item.feature} title={item.title} text={text} />
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
