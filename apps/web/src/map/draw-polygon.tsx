import { type GeoJSONSource, type Map as MapLibreMap, type MapMouseEvent, Marker } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { SOURCES } from './map-layers.ts';
import { draftArea, draftFeatures, draftIssues, formatArea } from './polygon-draft.ts';
import type { MapMode, Position } from './types.ts';

type DrawMode = Extract<MapMode, { type: 'draw-polygon' }>;

const NO_CORNERS: Position[] = [];

function round(lng: number, lat: number): Position {
  return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}

function vertexElement(): HTMLDivElement {
  const element = document.createElement('div');
  element.className = 'qa-vertex';
  // Dragging a corner needs a pointer; keyboard and screen reader users get the panel's buttons.
  element.setAttribute('aria-hidden', 'true');
  return element;
}

/**
 * Drawing a site outline: taps add corners, corners are draggable handles, the panel shows the
 * live area and what the domain's geometry rules would reject (self-intersection, area bounds).
 */
export function DrawPolygon({ map, generation, mode }: { map: MapLibreMap; generation: number; mode: DrawMode }) {
  const { t, i18n } = useTranslation();
  const corners = mode.value ?? NO_CORNERS;
  const [finished, setFinished] = useState(false);
  const latest = useRef({ corners, mode, finished });
  latest.current = { corners, mode, finished };
  const markers = useRef<Marker[]>([]);

  const area = useMemo(() => draftArea(corners), [corners]);
  const issues = useMemo(() => draftIssues(corners, mode.kind ?? 'brownfield'), [corners, mode.kind]);
  const canFinish = corners.length >= 3 && issues.length === 0;
  const latestCanFinish = useRef(canFinish);
  latestCanFinish.current = canFinish;

  const finish = () => {
    setFinished(true);
    latest.current.mode.onFinish?.(latest.current.corners);
  };
  const finishRef = useRef(finish);
  finishRef.current = finish;

  const empty = corners.length === 0;
  useEffect(() => {
    if (empty) setFinished(false);
  }, [empty]);

  useEffect(() => {
    if (finished) return;
    const onClick = (event: MapMouseEvent) => {
      const target = event.originalEvent.target;
      if (target instanceof Element && target.closest('.maplibregl-marker')) return;
      latest.current.mode.onChange([...latest.current.corners, round(event.lngLat.lng, event.lngLat.lat)]);
    };
    map.on('click', onClick);
    map.getCanvas().style.cursor = 'crosshair';
    return () => {
      map.off('click', onClick);
      map.getCanvas().style.cursor = '';
    };
  }, [map, finished]);

  useEffect(() => {
    if (generation > 0) map.getSource<GeoJSONSource>(SOURCES.draw)?.setData(draftFeatures(corners));
  }, [map, generation, corners]);

  // Corner handles: markers are only appended or dropped at the end, so each keeps its index.
  useEffect(() => {
    while (markers.current.length > corners.length) markers.current.pop()?.remove();
    corners.forEach((corner, index) => {
      const existing = markers.current[index];
      if (existing) {
        existing.setLngLat(corner);
        return;
      }
      const element = vertexElement();
      if (index === 0) element.classList.add('qa-vertex--first');
      const marker = new Marker({ element, draggable: true }).setLngLat(corner).addTo(map);
      marker.on('drag', () => {
        const { lng, lat } = marker.getLngLat();
        const next = [...latest.current.corners];
        next[index] = round(lng, lat);
        latest.current.mode.onChange(next);
      });
      // Tapping the first corner again closes the outline, as in most drawing tools.
      element.addEventListener('click', () => {
        if (index === 0 && !latest.current.finished && latestCanFinish.current) finishRef.current();
      });
      markers.current.push(marker);
    });
  }, [map, corners]);

  useEffect(
    () => () => {
      for (const marker of markers.current) marker.remove();
      markers.current = [];
      map.getSource<GeoJSONSource>(SOURCES.draw)?.setData(draftFeatures([]));
    },
    [map],
  );

  useEffect(() => {
    latest.current.mode.onAreaChange?.(area);
  }, [area]);

  const areaText = (() => {
    if (area === null) return null;
    const { unit, value } = formatArea(area, i18n.resolvedLanguage ?? i18n.language);
    return unit === 'm2' ? t('map.draw.areaM2', { value }) : t('map.draw.areaHa', { value });
  })();

  return (
    <div className="qa-map__panel">
      <p className="qa-map__hint">{finished ? t('map.draw.done') : t('map.draw.hint')}</p>
      <p className="qa-draw__figures" aria-live="polite">
        <span>{t('map.draw.corners', { count: corners.length })}</span>
        {areaText !== null && <span className="qa-draw__area">{t('map.draw.area', { area: areaText })}</span>}
        {corners.length > 0 && corners.length < 3 && <span>{t('map.draw.needThree')}</span>}
      </p>
      {issues.length > 0 && (
        <ul className="qa-draw__issues" role="alert">
          {issues.map((code) => (
            <li key={code}>
              <Pictogram name="alert" size={20} />
              {t(`map.draw.issue.${code}`)}
            </li>
          ))}
        </ul>
      )}
      <div className="qa-map__actions">
        {finished ? (
          <button type="button" className="button button--secondary" onClick={() => setFinished(false)}>
            <Pictogram name="draw" />
            {t('map.draw.resume')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button button--secondary"
              disabled={empty}
              onClick={() => mode.onChange(corners.slice(0, -1))}
            >
              <Pictogram name="undo" />
              {t('map.draw.undo')}
            </button>
            <button type="button" className="button button--primary" disabled={!canFinish} onClick={finish}>
              <Pictogram name="check" />
              {t('map.draw.finish')}
            </button>
          </>
        )}
        <button type="button" className="button button--secondary" disabled={empty} onClick={() => mode.onChange([])}>
          <Pictogram name="trash" />
          {t('map.draw.restart')}
        </button>
      </div>
    </div>
  );
}
