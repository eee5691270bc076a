import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection } from '../api/endpoints.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import type { Position } from '../map/index.ts';
import { type LocationError, useGeolocation } from '../map/use-geolocation.ts';
import { MapFrame } from '../shell/map-frame.tsx';
import { mapQuarters } from '../shell/map-records.ts';
import { quarterOf } from './quarter-of.ts';
import type { Draft } from './resident-db.ts';
import { StepHead } from './resident-frame.tsx';

const NO_RECORDS: never[] = [];

function rounded(position: Position): [number, number] {
  // 7 decimals are about 1 cm, as the map rounds a tapped point.
  return [Math.round(position[0] * 1e7) / 1e7, Math.round(position[1] * 1e7) / 1e7];
}

/**
 * "Near me" takes the phone's position and moves on at once; a tap on the map places the point,
 * which "use this place" confirms. A point in no known quarter is refused here with a clear message.
 */
export function PlaceStep({
  draft,
  linkQuarterId,
  quarters,
  basemapStyleUrl,
  onPlace,
  onBack,
  onNext,
}: {
  draft: Draft;
  linkQuarterId: string;
  quarters: QuarterCollection;
  basemapStyleUrl: string | null;
  onPlace(point: [number, number], source: 'location' | 'map', quarterId: string | null): void;
  onBack(): void;
  onNext(): void;
}) {
  const { t } = useTranslation();
  const location = useGeolocation();
  const [waiting, setWaiting] = useState(false);
  const [problem, setProblem] = useState<LocationError | null>(null);
  const shapes = useMemo(() => mapQuarters(quarters), [quarters]);
  const outside = draft.point !== null && draft.quarterId === null;

  const place = (position: Position, source: 'location' | 'map'): boolean => {
    const point = rounded(position);
    const quarterId = quarterOf(point, linkQuarterId, quarters);
    onPlace(point, source, quarterId);
    return quarterId !== null;
  };

  const { state, stop } = location;
  useEffect(() => {
    if (!waiting) return;
    if (state.status === 'on') {
      setWaiting(false);
      stop();
      if (place(state.position, 'location')) onNext();
    } else if (state.status === 'error') {
      setWaiting(false);
      setProblem(state.error);
      stop();
    }
  });

  const nearMe = () => {
    setProblem(null);
    setWaiting(true);
    location.start();
  };

  return (
    <section className="resident-step resident-step--place">
      <StepHead step="place" title={t('resident.place.heading')} onBack={onBack} />
      <button
        type="button"
        className="button button--primary resident-near-me"
        onClick={nearMe}
        aria-busy={waiting}
        disabled={waiting}
      >
        {waiting ? <span className="loading__spinner" aria-hidden="true" /> : <Pictogram name="locate" size={28} />}
        <span>{waiting ? t('resident.place.locating') : t('resident.place.nearMe')}</span>
      </button>
      <div role="alert">
        {problem && <p className="resident-problem">{t(`map.location.${problem}`)}</p>}
        {outside && <p className="resident-problem">{t('resident.place.outside')}</p>}
      </div>
      <p className="resident-step__hint resident-or-map">
        <Pictogram name="pin" size={20} />
        <span>{t('resident.place.orMap')}</span>
      </p>
      <div className="resident-map">
        <MapFrame
          quarters={shapes}
          focusQuarterId={linkQuarterId}
          records={NO_RECORDS}
          mode={{
            type: 'place-point',
            value: draft.point,
            onChange: (position) => {
              setProblem(null);
              place(position, 'map');
            },
            panel: false,
          }}
          basemapStyleUrl={basemapStyleUrl}
        />
      </div>
      {draft.point !== null && !outside && (
        <div className="resident-actions">
          <button type="button" className="button button--primary resident-actions__main" onClick={onNext}>
            <Pictogram name="check" />
            {t('resident.place.useThis')}
          </button>
        </div>
      )}
    </section>
  );
}
