import { type Map as MapLibreMap, type MapMouseEvent, Marker } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { SELECTED_COLOR } from './kind-style.ts';
import type { MapMode, Position } from './types.ts';
import type { LocationState } from './use-geolocation.ts';

type PlaceMode = Extract<MapMode, { type: 'place-point' }>;

function round(position: Position): Position {
  // 7 decimals are about 1 cm: more is noise from the projection, not precision.
  return [Math.round(position[0] * 1e7) / 1e7, Math.round(position[1] * 1e7) / 1e7];
}

/** Tap to place, drag the marker to adjust; or take the GPS position. */
export function PlacePoint({
  map,
  mode,
  location,
  onLocate,
}: {
  map: MapLibreMap;
  mode: PlaceMode;
  location: LocationState;
  onLocate(): void;
}) {
  const { t } = useTranslation();
  const onChange = useRef(mode.onChange);
  onChange.current = mode.onChange;
  const marker = useRef<Marker | null>(null);
  const [waitingForFix, setWaitingForFix] = useState(false);

  useEffect(() => {
    const onClick = (event: MapMouseEvent) => onChange.current(round([event.lngLat.lng, event.lngLat.lat]));
    map.on('click', onClick);
    map.getCanvas().style.cursor = 'crosshair';
    return () => {
      map.off('click', onClick);
      map.getCanvas().style.cursor = '';
    };
  }, [map]);

  const value = mode.value;
  const label = t('map.place.marker');
  useEffect(() => {
    if (!value) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) {
      const created = new Marker({ draggable: true, color: SELECTED_COLOR, anchor: 'bottom' });
      created.on('dragend', () => {
        const { lng, lat } = created.getLngLat();
        onChange.current(round([lng, lat]));
      });
      marker.current = created.setLngLat(value).addTo(map);
    } else {
      marker.current.setLngLat(value);
    }
    marker.current.getElement().setAttribute('aria-label', label);
  }, [map, value, label]);

  useEffect(
    () => () => {
      marker.current?.remove();
      marker.current = null;
    },
    [],
  );

  // "Use my location" before the first fix: place the point as soon as it arrives.
  useEffect(() => {
    if (waitingForFix && location.status === 'on') {
      setWaitingForFix(false);
      onChange.current(round(location.position));
    } else if (waitingForFix && location.status === 'error') {
      setWaitingForFix(false);
    }
  }, [waitingForFix, location]);

  const placeAtLocation = () => {
    if (location.status === 'on') {
      onChange.current(round(location.position));
    } else {
      setWaitingForFix(true);
      onLocate();
    }
  };

  if (mode.panel === false) return null;
  return (
    <div className="qa-map__panel">
      <p className="qa-map__hint">{t('map.place.hint')}</p>
      <div className="qa-map__actions">
        <button type="button" className="button button--secondary" onClick={placeAtLocation} aria-busy={waitingForFix}>
          <Pictogram name="locate" />
          {t('map.place.useLocation')}
        </button>
      </div>
    </div>
  );
}
