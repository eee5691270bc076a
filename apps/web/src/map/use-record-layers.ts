import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import { type LayerVisibility, SOURCES, setSelected, setVisibility, tappableLayers } from './map-layers.ts';
import { recordFeatures, visiblePoints } from './record-features.ts';
import type { MapRecord, MapRecordKind } from './types.ts';

/** Half the side of the square a tap searches, in CSS pixels: fingers are less precise than a mouse. */
const TAP_TOLERANCE = 10;

function source(map: MapLibreMap, id: string): GeoJSONSource | undefined {
  return map.getSource<GeoJSONSource>(id);
}

/**
 * Feeds the records into the map. Sources are updated with setData only when `records` changes
 * (by identity), never on map moves, so panning over 5,000 records costs React nothing.
 */
export function useRecordLayers(
  map: MapLibreMap | null,
  generation: number,
  records: readonly MapRecord[],
  selectedId: string | null | undefined,
  visibility: LayerVisibility,
): Record<MapRecordKind, number> {
  const features = useMemo(() => recordFeatures(records), [records]);
  const points = useMemo(() => visiblePoints(features.points, visibility.kinds), [features, visibility.kinds]);

  useEffect(() => {
    if (map && generation > 0) source(map, SOURCES.points)?.setData(points);
  }, [map, generation, points]);

  useEffect(() => {
    if (map && generation > 0) source(map, SOURCES.polygons)?.setData(features.polygons);
  }, [map, generation, features]);

  useEffect(() => {
    if (map && generation > 0) setSelected(map, selectedId);
  }, [map, generation, selectedId]);

  useEffect(() => {
    if (map && generation > 0) setVisibility(map, visibility);
  }, [map, generation, visibility]);

  return features.counts;
}

/** In browse mode a tap selects a record, zooms into a cluster, or clears the selection. */
export function useRecordTaps(map: MapLibreMap | null, enabled: boolean, onSelect?: (id: string | null) => void): void {
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!map || !enabled) return;
    const layers = tappableLayers();
    const onClick = (event: MapMouseEvent) => {
      const { x, y } = event.point;
      const hits = map.queryRenderedFeatures(
        [
          [x - TAP_TOLERANCE, y - TAP_TOLERANCE],
          [x + TAP_TOLERANCE, y + TAP_TOLERANCE],
        ],
        { layers: layers.filter((layer) => map.getLayer(layer)) },
      );
      const hit = hits[0];
      if (!hit) {
        onSelectRef.current?.(null);
        return;
      }
      const clusterId = hit.properties.cluster_id as number | undefined;
      if (clusterId !== undefined && hit.geometry.type === 'Point') {
        const center = hit.geometry.coordinates as [number, number];
        void source(map, hit.source)
          ?.getClusterExpansionZoom(clusterId)
          .then((zoom) => map.easeTo({ center, zoom: zoom + 0.2 }));
        return;
      }
      onSelectRef.current?.(String(hit.properties.id));
    };
    const pointer = () => {
      map.getCanvas().style.cursor = 'pointer';
    };
    const plain = () => {
      map.getCanvas().style.cursor = '';
    };
    map.on('click', onClick);
    for (const layer of layers) {
      map.on('mouseenter', layer, pointer);
      map.on('mouseleave', layer, plain);
    }
    return () => {
      map.off('click', onClick);
      for (const layer of layers) {
        map.off('mouseenter', layer, pointer);
        map.off('mouseleave', layer, plain);
      }
      plain();
    };
  }, [map, enabled]);
}
