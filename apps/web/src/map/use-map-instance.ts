import { AttributionControl, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { type RefObject, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offlineStyle } from './base-style.ts';
import { installImageResolver } from './map-images.ts';
import { installLayers } from './map-layers.ts';

// Maps already removed by their own effect's cleanup (React cleans up effects in order).
const removedMaps = new WeakSet<MapLibreMap>();

// MapLibre finds its worker next to its own module, which a bundle moves; point it at the built file.
setWorkerUrl(workerUrl);

/** Dortmund's northern quarters, for the moment before the quarter outlines arrive. */
const DORTMUND: [number, number] = [7.47, 51.55];
/** A basemap style that has not loaded by then counts as unreachable (a phone on a weak network). */
const STYLE_TIMEOUT_MS = 8000;

export interface MapInstance {
  map: MapLibreMap | null;
  /** Counts style loads; our layers are re-added on each, so data effects depend on it. */
  generation: number;
  /** The basemap could not be loaded and the offline style is shown instead. */
  basemapFailed: boolean;
}

/**
 * Creates the MapLibre map once for the container. With a basemap URL it tries that style and
 * falls back to the offline style on an error or after STYLE_TIMEOUT_MS; either way our own layers
 * are installed on every style load.
 */
export function useMapInstance(container: RefObject<HTMLDivElement | null>, styleUrl: string | null): MapInstance {
  const { t, i18n } = useTranslation();
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [generation, setGeneration] = useState(0);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const rtl = i18n.dir() === 'rtl';

  // A new basemap URL (the configuration arrives after the first render) builds a new map;
  // language changes are applied below without one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: t is read once, for the initial strings
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const url = styleUrl;
    setBasemapFailed(false);
    const instance = new MapLibreMap({
      container: element,
      style: url ?? offlineStyle(),
      center: DORTMUND,
      zoom: 12,
      maxPitch: 0,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: false,
      fadeDuration: 0,
      locale: { 'Map.Title': t('map.canvas'), 'AttributionControl.ToggleAttribution': t('map.attribution') },
    });
    instance.touchZoomRotate.disableRotation();
    installImageResolver(instance);

    let styleLoaded = false;
    let fellBack = false;
    const fallBack = () => {
      if (styleLoaded || fellBack) return;
      fellBack = true;
      setBasemapFailed(true);
      instance.setStyle(offlineStyle(), { diff: false });
    };
    const timer = url ? window.setTimeout(fallBack, STYLE_TIMEOUT_MS) : undefined;
    instance.on('error', (event) => {
      if (styleLoaded) return;
      console.warn('basemap style failed, showing the offline style', event.error);
      fallBack();
    });
    instance.on('style.load', () => {
      styleLoaded = true;
      window.clearTimeout(timer);
      installLayers(instance);
      setGeneration((n) => n + 1);
    });
    setMap(instance);
    return () => {
      window.clearTimeout(timer);
      removedMaps.add(instance);
      instance.remove();
      setMap(null);
    };
  }, [container, styleUrl]);

  // The attribution control sits in the corner at the end of a line: bottom-left in Arabic.
  useEffect(() => {
    if (!map) return;
    const control = new AttributionControl({ compact: true });
    map.addControl(control, rtl ? 'bottom-left' : 'bottom-right');
    return () => {
      // On unmount React runs the map's cleanup first; a removed map has no controls left to remove.
      if (!removedMaps.has(map)) map.removeControl(control);
    };
  }, [map, rtl]);

  // MapLibre reads its UI strings once; keep them in the current language.
  useEffect(() => {
    if (!map) return;
    map.getCanvas().setAttribute('aria-label', t('map.canvas'));
    for (const button of map.getContainer().querySelectorAll('.maplibregl-ctrl-attrib-button')) {
      button.setAttribute('aria-label', t('map.attribution'));
      button.setAttribute('title', t('map.attribution'));
    }
  }, [map, t]);

  return { map, generation, basemapFailed };
}
