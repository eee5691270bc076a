import { LOAD_QUARTER } from './database.ts';

const CATEGORIES = ['groceries', 'bakery', 'pharmacy', 'kita', 'bus_tram_stop'];
const BOX = { west: 7.4605, south: 51.5505, east: 7.4745, north: 51.5585 };

/** A service feature inside the load quarter, as a device creates it (seeded, so runs compare). */
export function serviceFeature(id: string, i: number, random: () => number) {
  const lon = BOX.west + random() * (BOX.east - BOX.west);
  const lat = BOX.south + random() * (BOX.north - BOX.south);
  return {
    type: 'Feature' as const,
    id,
    geometry: { type: 'Point' as const, coordinates: [Number(lon.toFixed(6)), Number(lat.toFixed(6))] },
    properties: {
      kind: 'service' as const,
      quarterId: LOAD_QUARTER.id,
      category: CATEGORIES[i % CATEGORIES.length] as string,
      name: `Angebot ${i}`,
      operatorType: 'private',
      openingHours: 'Mo-Fr 08:00-18:00',
      languages: ['de', 'tr'],
      note: 'rev 0',
    },
  };
}
