import type { Taxonomy } from '@quartiersatlas/domain';
import taxonomyJson from '../../../../data/taxonomy.json' with { type: 'json' };
import { db } from './db.ts';
import { META } from './meta.ts';
import type { RecordFeatureInput } from './types.ts';

/** Empties every store and caches the taxonomy as the shell does at start. Tests only. */
export async function resetDb({ withTaxonomy = true } = {}): Promise<void> {
  await Promise.all(db.tables.map((table) => table.clear()));
  if (withTaxonomy) await db.meta.put({ key: META.taxonomy, value: taxonomyJson as Taxonomy });
}

export function bakery(name = 'Bäckerei Özdemir'): RecordFeatureInput {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [7.4823, 51.5535] },
    properties: { kind: 'service', quarterId: 'eving', category: 'bakery', name },
  };
}

export function need(text = 'Mehr Kita-Plätze in der Bergstraße', quarterId = 'eving'): RecordFeatureInput {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [7.4651, 51.5604] },
    properties: { kind: 'need', quarterId, category: 'kita', text, lang: 'de' },
  };
}

export function vacancy(): RecordFeatureInput {
  return {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [7.47, 51.55],
          [7.4702, 51.55],
          [7.4702, 51.5501],
          [7.47, 51.5501],
          [7.47, 51.55],
        ],
      ],
    },
    properties: { kind: 'vacancy', quarterId: 'eving', formerUse: 'Schlecker-Filiale', address: 'Evinger Platz 3' },
  };
}
