import { RECORD_KINDS, type RecordKind } from '@quartiersatlas/domain';
import type { StoredRecord } from '../store/records.ts';
import { recordColumns, recordProperties } from './columns.ts';
import { type GpkgGeometryType, type GpkgLayer, layerGeometryType } from './geopackage.ts';

/** How each record kind is named as a GIS layer: the GeoPackage table and the OGC collection. */
export const RECORD_LAYERS: Record<
  RecordKind,
  { name: string; title: string; description: string; geometryType: GpkgGeometryType }
> = {
  service: {
    name: 'services',
    title: 'Services (Angebote)',
    description:
      'Everyday services recorded in the quarters: category, operator, capacity, opening hours. Angebote der Daseinsvorsorge.',
    geometryType: 'POINT',
  },
  vacancy: {
    name: 'vacancies',
    title: 'Vacancies (Leerstände)',
    description: 'Empty shops and buildings: former use, floor area, condition. Leerstände, als Punkt oder Umriss.',
    geometryType: 'GEOMETRY',
  },
  brownfield: {
    name: 'brownfields',
    title: 'Brownfield sites (Brachflächen)',
    description: 'Unused land: former use, area, suspected contamination, ownership. Brachflächen, meist als Umriss.',
    geometryType: 'GEOMETRY',
  },
  need: {
    name: 'needs',
    title: 'Needs (Bedarfe)',
    description: 'What residents and Quartierszirkel miss: category, target groups, urgency, supporters. Bedarfe.',
    geometryType: 'POINT',
  },
};

export function kindOfLayer(name: string): RecordKind | undefined {
  return RECORD_KINDS.find((kind) => RECORD_LAYERS[kind].name === name);
}

/**
 * One GeoPackage layer per record kind among the records; when there are none, one empty layer
 * per kind asked for, so the file still opens with the expected tables.
 */
export function recordLayers(records: readonly StoredRecord[], kindsAsked: readonly RecordKind[]): GpkgLayer[] {
  const present = RECORD_KINDS.filter((kind) => records.some((r) => r.kind === kind));
  const kinds = present.length > 0 ? present : kindsAsked;
  return kinds.map((kind) => {
    const columns = recordColumns(kind);
    const features = records
      .filter((r) => r.kind === kind)
      .map((r) => ({ geometry: r.geometry, properties: { id: r.id, ...recordProperties(r, columns) } }));
    const layer = RECORD_LAYERS[kind];
    return {
      name: layer.name,
      title: layer.title,
      description: layer.description,
      geometryType: layerGeometryType(features, layer.geometryType),
      columns: [{ name: 'id', type: 'text' }, ...columns],
      features,
    };
  });
}
