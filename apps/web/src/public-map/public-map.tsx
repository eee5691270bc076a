import type { Taxonomy } from '@quartiersatlas/domain';
import { type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, NETWORK_ERROR, toApiError } from '../api/client.ts';
import type { QuarterCollection } from '../api/endpoints.ts';
import { errorKey, useFormat } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import type { MapRecordKind } from '../map/index.ts';
import { useRecordText } from '../review/record-text.ts';
import { MapFrame } from '../shell/map-frame.tsx';
import { mapQuarters } from '../shell/map-records.ts';
import { useOnline } from '../shell/online.ts';
import { FeatureCard } from './feature-card.tsx';
import { FeatureList, PUBLIC_KINDS } from './feature-list.tsx';
import { fetchPublicFeatures, type PublicFeature, toMapRecords } from './public-features.ts';
import './public-map.css';

type Loaded =
  | { status: 'waiting' }
  | { status: 'loading' }
  | { status: 'ready'; features: PublicFeature[] }
  | { status: 'error'; error: ApiError };

/** True once the element comes near the screen: the map (about 1 MB) loads only for those who scroll to it. */
function useNearViewport(element: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (near || !target) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '300px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, near]);
  return near;
}

function usePublicFeatures(wanted: boolean): { loaded: Loaded; retry(): void } {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'waiting' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt asks again
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    fetchPublicFeatures(controller.signal).then(
      (features) => setLoaded({ status: 'ready', features }),
      (failure: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', error: toApiError(failure) });
      },
    );
    return () => controller.abort();
  }, [wanted, attempt]);
  return { loaded, retry: () => setAttempt((value) => value + 1) };
}

/**
 * "Karte des Quartiers" on the first screen: what is published — services, vacancies, brownfield
 * sites and residents' needs — for anyone, without signing in. Needs are only where the public API
 * puts them (the centre of a hexagon of about 500 m), never where someone placed them.
 */
export function PublicMap({
  quarters,
  taxonomy,
  basemapStyleUrl,
}: {
  quarters: QuarterCollection;
  taxonomy: Taxonomy;
  basemapStyleUrl: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useId();
  const cardHeading = useId();
  const section = useRef<HTMLElement>(null);
  const near = useNearViewport(section);
  const online = useOnline();
  const { loaded, retry } = usePublicFeatures(near && online);
  const text = useRecordText({ taxonomy, quarters });
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const features = loaded.status === 'ready' ? loaded.features : [];
  const records = useMemo(
    () =>
      toMapRecords(features, taxonomy, (feature) => {
        const shown = text.present({ properties: { ...feature.properties, kind: feature.kind } });
        return feature.kind === 'need' ? (shown.categoryLabel ?? shown.kindLabel) : shown.title;
      }),
    [features, taxonomy, text],
  );
  const mapQuarterList = useMemo(() => mapQuarters(quarters), [quarters]);
  const counts = useMemo(() => {
    const byKind: Record<MapRecordKind, number> = { service: 0, vacancy: 0, brownfield: 0, need: 0 };
    for (const feature of features) byKind[feature.kind] += 1;
    return byKind;
  }, [features]);
  const selected = features.find((feature) => feature.id === selectedId) ?? null;
  const offline = !online || (loaded.status === 'error' && loaded.error.code === NETWORK_ERROR);

  return (
    <section ref={section} className="section section--public-map public-map" aria-labelledby={heading}>
      <h2 id={heading} className="section__title">
        {t('publicMap.heading')}
      </h2>
      <p className="section__intro">{t('publicMap.intro')}</p>
      <p className="public-map__rough">
        <Pictogram name="outline" size={20} />
        <span>{t('publicMap.roughNeeds')}</span>
      </p>

      {offline ? (
        <div className="public-map__message" role="status">
          <Pictogram name="alert" size={28} />
          <p>{t('publicMap.offline')}</p>
          {online && (
            <button type="button" className="button button--secondary" onClick={retry}>
              {t('common.retry')}
            </button>
          )}
        </div>
      ) : loaded.status === 'error' ? (
        <div className="public-map__message" role="alert">
          <Pictogram name="alert" size={28} />
          <p>{t(errorKey(loaded.error.code))}</p>
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('common.retry')}
          </button>
        </div>
      ) : (
        <>
          <div className="public-map__frame" data-features={loaded.status === 'ready' ? features.length : undefined}>
            {near && (
              <MapFrame
                quarters={mapQuarterList}
                records={records}
                selectedId={selectedId}
                onSelect={setSelectedId}
                mode={{ type: 'browse' }}
                basemapStyleUrl={basemapStyleUrl}
              />
            )}
            {loaded.status !== 'ready' && (
              <p className="public-map__loading" role="status">
                <span className="loading__spinner" aria-hidden="true" />
                <span>{t('common.loading')}</span>
              </p>
            )}
          </div>
          <div className="public-map__selected" aria-live="polite">
            {selected && (
              <div className="public-map__card">
                <FeatureCard key={selected.id} feature={selected} text={text} headingId={cardHeading} />
                <button
                  type="button"
                  className="public-map__close"
                  aria-label={t('common.close')}
                  onClick={() => setSelectedId(null)}
                >
                  <Pictogram name="close" size={20} />
                </button>
              </div>
            )}
          </div>
          <ul className="public-map__legend" aria-label={t('map.legend.title')}>
            {PUBLIC_KINDS.map((kind) => (
              <li key={kind} className={`public-map__key public-map__key--${kind}`}>
                <span className="public-map__swatch">
                  <Pictogram name={kind} size={18} />
                </span>
                <span>{t(`map.legend.${kind}`)}</span>
                {loaded.status === 'ready' && <span className="public-map__count">{format.number(counts[kind])}</span>}
              </li>
            ))}
          </ul>
          {loaded.status === 'ready' && <FeatureList features={features} text={text} />}
        </>
      )}
    </section>
  );
}
