import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { DrawPolygon } from './draw-polygon.tsx';
import { MapButton } from './map-button.tsx';
import type { LayerVisibility } from './map-layers.ts';
import { MapLegend } from './map-legend.tsx';
import { PlacePoint } from './place-point.tsx';
import type { MapViewProps } from './types.ts';
import { type LocationState, useGeolocation } from './use-geolocation.ts';
import { useLocationLayer } from './use-location-layer.ts';
import { useMapInstance } from './use-map-instance.ts';
import { useQuarterLayer } from './use-quarter-layer.ts';
import { useRecordLayers, useRecordTaps } from './use-record-layers.ts';

const ALL_VISIBLE: LayerVisibility = {
  kinds: { service: true, vacancy: true, brownfield: true, need: true },
  quarters: true,
};

function LocationMessage({ state }: { state: LocationState }) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (state.status) {
    case 'off':
      return null;
    case 'locating':
      return <p className="qa-map__notice">{t('map.locating')}</p>;
    case 'on':
      return (
        <p className="qa-map__notice">{t('map.located', { distance: format.distance(Math.round(state.accuracyM)) })}</p>
      );
    case 'error':
      return <p className="qa-map__notice qa-map__notice--error">{t(`map.location.${state.error}`)}</p>;
  }
}

/** The map (MapLibre GL): quarter outlines, records by kind, GPS, placing a point, drawing an outline. */
export default function MapView(props: MapViewProps) {
  const { quarters, focusQuarterId, records, selectedId, onSelect, mode, basemapStyleUrl, className, onMapReady } =
    props;
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { map, generation, basemapFailed } = useMapInstance(container, basemapStyleUrl);
  const [visibility, setVisibility] = useState(ALL_VISIBLE);
  const location = useGeolocation();

  useQuarterLayer(map, generation, quarters, focusQuarterId);
  const counts = useRecordLayers(map, generation, records, selectedId, visibility);
  useRecordTaps(map, mode.type === 'browse', onSelect);
  useLocationLayer(map, generation, location.state);

  const ready = useRef(onMapReady);
  ready.current = onMapReady;
  const loaded = generation > 0;
  useEffect(() => {
    if (map && loaded) ready.current?.(map);
  }, [map, loaded]);

  return (
    <section className={className ? `qa-map ${className}` : 'qa-map'} aria-label={t('map.label')}>
      <div ref={container} className="qa-map__canvas" />
      <div className="qa-map__status" role="status">
        {basemapFailed && <p className="qa-map__notice">{t('map.basemapUnavailable')}</p>}
        <LocationMessage state={location.state} />
      </div>
      <div className="qa-map__controls">
        <MapButton icon="plus" label={t('map.zoomIn')} onClick={() => map?.zoomIn()} />
        <MapButton icon="minus" label={t('map.zoomOut')} onClick={() => map?.zoomOut()} />
        <MapButton
          icon="locate"
          label={location.watching ? t('map.locateStop') : t('map.locate')}
          pressed={location.watching}
          onClick={location.watching ? location.stop : location.start}
        />
        <MapLegend counts={counts} visibility={visibility} onChange={setVisibility} />
      </div>
      {map && mode.type === 'place-point' && (
        <PlacePoint map={map} mode={mode} location={location.state} onLocate={location.start} />
      )}
      {map && mode.type === 'draw-polygon' && <DrawPolygon map={map} generation={generation} mode={mode} />}
    </section>
  );
}
