/**
 * Potential sites: brownfields (hand-placed, outlines drawn around them at a target size) and
 * vacancies (empty shop fronts and flats along the shopping streets).
 */
import type { OWNERSHIP, VACANCY_CONDITIONS } from '@quartiersatlas/domain';
import { blob, type LonLat, type Ring, rectangle, roundPosition } from './geo.ts';
import { type QuarterContext, streetPlace } from './placement.ts';
import type { Rng } from './prng.ts';
import type { QuarterId } from './quarters.ts';

type Ownership = (typeof OWNERSHIP)[number];
type Condition = (typeof VACANCY_CONDITIONS)[number];

interface BrownfieldPlan {
  at: LonLat;
  hectares: number;
  name: string;
  formerUse: string;
  contaminationSuspected: boolean;
  interimUse?: string;
  ownership: Ownership;
  /** still a point: the field team has not drawn the outline yet */
  draft?: boolean;
}

const BROWNFIELDS: Record<QuarterId, BrownfieldPlan[]> = {
  eving: [
    {
      at: [7.47, 51.5625],
      hectares: 3.8,
      name: 'Brache nördlich der Kemminghauser Straße',
      formerUse: 'Zechengelände (Nebenschacht)',
      contaminationSuspected: true,
      interimUse: 'Ruderalfläche mit Trampelpfaden',
      ownership: 'private',
    },
    {
      at: [7.4915, 51.562],
      hectares: 2,
      name: 'Gewerbebrache Kemminghausen Ost',
      formerUse: 'Gewerbebrache (ehemalige Spedition)',
      contaminationSuspected: true,
      interimUse: 'Lagerfläche',
      ownership: 'private',
    },
    {
      at: [7.459, 51.5465],
      hectares: 1.2,
      name: 'Bahnbrache an der Evinger Straße',
      formerUse: 'Gleisanlage der Zechenbahn',
      contaminationSuspected: true,
      ownership: 'public',
    },
    {
      at: [7.466, 51.5455],
      hectares: 0.6,
      name: 'Abrissfläche Deutsche Straße',
      formerUse: 'Wohnblock (abgerissen)',
      contaminationSuspected: false,
      interimUse: 'Parkplatz (provisorisch)',
      ownership: 'public',
    },
    {
      at: [7.479, 51.5448],
      hectares: 0.9,
      name: 'Ehemalige Gärtnerei an der Derner Straße',
      formerUse: 'Gärtnerei',
      contaminationSuspected: false,
      interimUse: 'Gemeinschaftsgarten (Zwischennutzung)',
      ownership: 'private',
    },
    {
      at: [7.493, 51.5572],
      hectares: 1.5,
      name: 'Ehemaliger Sportplatz Gitschiner Straße',
      formerUse: 'Sportplatz (Asche)',
      contaminationSuspected: false,
      interimUse: 'Bolzplatz (informell)',
      ownership: 'public',
    },
    {
      at: [7.4825, 51.5458],
      hectares: 0.35,
      name: 'Ehemalige Tankstelle Derner Straße',
      formerUse: 'Tankstelle',
      contaminationSuspected: true,
      ownership: 'private',
    },
    {
      at: [7.4745, 51.5615],
      hectares: 0.25,
      name: 'Baulücke am Süggelberg',
      formerUse: 'Wohnhaus (abgerissen)',
      contaminationSuspected: false,
      ownership: 'unknown',
      draft: true,
    },
    {
      at: [7.481, 51.562],
      hectares: 4,
      name: 'Zechenbrache am Förderturm',
      formerUse: 'Zechengelände (Schachtanlage)',
      contaminationSuspected: true,
      interimUse: 'Fest- und Zirkusplatz',
      ownership: 'mixed',
    },
    {
      at: [7.4705, 51.5462],
      hectares: 1.2,
      name: 'Gewerbebrache Osterfeldstraße',
      formerUse: 'Gewerbebrache (ehemalige Schlosserei)',
      contaminationSuspected: true,
      ownership: 'private',
    },
    {
      at: [7.46, 51.5515],
      hectares: 0.4,
      name: 'Leerer Garagenhof an der Bergstraße',
      formerUse: 'Garagenhof',
      contaminationSuspected: false,
      ownership: 'private',
    },
    {
      at: [7.486, 51.5488],
      hectares: 0.3,
      name: 'Brachfläche an der Innsbruckstraße',
      formerUse: 'Kleingartenparzellen (aufgegeben)',
      contaminationSuspected: false,
      ownership: 'public',
      draft: true,
    },
  ],
  marten: [
    {
      at: [7.3868, 51.504],
      hectares: 2.5,
      name: 'Zechenbrache am Martener Hellweg',
      formerUse: 'Zechengelände (ehemalige Schachtanlage)',
      contaminationSuspected: true,
      interimUse: 'Ruderalfläche, junger Birkenwald',
      ownership: 'mixed',
    },
    {
      at: [7.3772, 51.502],
      hectares: 0.5,
      name: 'Brachfläche hinter der Steinhammerstraße',
      formerUse: 'Gewerbebrache (ehemalige Schreinerei)',
      contaminationSuspected: true,
      ownership: 'private',
    },
    {
      at: [7.386, 51.499],
      hectares: 1.5,
      name: 'Bahnbrache In der Meile',
      formerUse: 'Bahntrasse (stillgelegt)',
      contaminationSuspected: true,
      interimUse: 'Trampelpfad, Radweg geplant',
      ownership: 'public',
    },
    {
      at: [7.3928, 51.5114],
      hectares: 0.8,
      name: 'Ehemalige Gärtnerei am Wischlinger Weg',
      formerUse: 'Gärtnerei',
      contaminationSuspected: false,
      interimUse: 'Urban Gardening (Zwischennutzung)',
      ownership: 'private',
    },
    {
      at: [7.3705, 51.4998],
      hectares: 0.35,
      name: 'Ehemalige Tankstelle Steinhammerstraße',
      formerUse: 'Tankstelle',
      contaminationSuspected: true,
      interimUse: 'Gebrauchtwagenhandel (Zwischennutzung)',
      ownership: 'private',
    },
    {
      at: [7.3855, 51.507],
      hectares: 0.8,
      name: 'Abrissfläche an der Schulte-Heuthaus-Straße',
      formerUse: 'Schulgebäude (abgerissen)',
      contaminationSuspected: false,
      interimUse: 'Bolzplatz (informell)',
      ownership: 'public',
    },
    {
      at: [7.386, 51.514],
      hectares: 1,
      name: 'Ehemaliger Bauhof am Wischlinger Weg',
      formerUse: 'Gewerbebrache (ehemaliger Bauhof)',
      contaminationSuspected: true,
      interimUse: 'Lagerfläche',
      ownership: 'public',
    },
    {
      at: [7.3615, 51.5045],
      hectares: 0.3,
      name: 'Baulücke Martener Straße West',
      formerUse: 'Wohn- und Geschäftshaus (abgerissen)',
      contaminationSuspected: false,
      ownership: 'private',
      draft: true,
    },
    {
      at: [7.379, 51.4992],
      hectares: 0.7,
      name: 'Ehemaliger Festplatz am Martener Hellweg',
      formerUse: 'Festplatz',
      contaminationSuspected: false,
      interimUse: 'Parkplatz',
      ownership: 'public',
    },
  ],
};

export interface Site {
  geometry: { type: 'Point'; coordinates: LonLat } | { type: 'Polygon'; coordinates: Ring[] };
  fields: Record<string, unknown>;
}

export function brownfieldSites(quarterId: QuarterId, rng: Rng): Site[] {
  return BROWNFIELDS[quarterId].map((plan) => {
    const { at, hectares, draft, ...fields } = plan;
    const geometry: Site['geometry'] = draft
      ? { type: 'Point', coordinates: roundPosition(at) }
      : { type: 'Polygon', coordinates: [blob(at, hectares * 10_000, rng.int(6, 10), rng)] };
    return {
      geometry,
      fields: { ...fields, ...(draft ? { note: 'Umriss noch nicht erfasst, nur Lage markiert.' } : {}) },
    };
  });
}

interface FormerUse {
  label: string;
  areaM2: [number, number];
  shopFront: boolean;
}

const FORMER_USES: readonly (readonly [FormerUse, number])[] = [
  [{ label: 'Bäckerei', areaM2: [45, 110], shopFront: true }, 4],
  [{ label: 'Trinkhalle', areaM2: [25, 60], shopFront: true }, 3],
  [{ label: 'Friseursalon', areaM2: [40, 90], shopFront: true }, 3],
  [{ label: 'Blumenladen', areaM2: [35, 80], shopFront: true }, 2],
  [{ label: 'Bankfiliale', areaM2: [120, 280], shopFront: true }, 2],
  [{ label: 'Drogerie', areaM2: [180, 400], shopFront: true }, 1],
  [{ label: 'Gaststätte', areaM2: [90, 240], shopFront: true }, 3],
  [{ label: 'Metzgerei', areaM2: [60, 140], shopFront: true }, 2],
  [{ label: 'Schuhgeschäft', areaM2: [60, 150], shopFront: true }, 1],
  [{ label: 'Reisebüro', areaM2: [40, 90], shopFront: true }, 1],
  [{ label: 'Lotto-Annahmestelle mit Schreibwaren', areaM2: [40, 100], shopFront: true }, 2],
  [{ label: 'Imbiss', areaM2: [40, 90], shopFront: true }, 2],
  [{ label: 'Handyladen', areaM2: [30, 70], shopFront: true }, 2],
  [{ label: 'Textilgeschäft', areaM2: [70, 180], shopFront: true }, 2],
  [{ label: 'Lebensmittelmarkt', areaM2: [250, 400], shopFront: true }, 1],
  [{ label: 'Arztpraxis', areaM2: [90, 200], shopFront: false }, 2],
  [{ label: 'Büro', areaM2: [50, 160], shopFront: false }, 2],
  [{ label: 'Wohnung im Erdgeschoss', areaM2: [45, 95], shopFront: false }, 2],
];

const CONDITIONS: readonly (readonly [Condition, number])[] = [
  ['good', 3],
  ['fair', 5],
  ['poor', 3],
  ['unknown', 1],
];

/** `count` vacancies, most on the shopping streets; about a third drawn as building outlines. */
export function vacancySites(ctx: QuarterContext, count: number, rng: Rng): Site[] {
  const main = ctx.quarter.streets.filter((s) => s.main);
  const used = new Set<string>();
  const sites: Site[] = [];
  while (sites.length < count) {
    const streets = rng.chance(0.8) ? main : ctx.quarter.streets;
    const place = streetPlace(ctx, streets, rng, [10, 18]);
    const suffix = rng.chance(0.12) ? rng.pick(['a', 'b']) : '';
    const address = `${place.street.name} ${place.houseNumber}${suffix}, ${ctx.quarter.postcode} Dortmund`;
    if (used.has(address)) continue;
    used.add(address);
    const use = rng.weighted(FORMER_USES);
    const floorArea = Math.round(rng.range(use.areaM2[0], use.areaM2[1]));
    const year = rng.weighted([
      [2016, 1],
      [2018, 1],
      [2019, 2],
      [2020, 3],
      [2021, 3],
      [2022, 3],
      [2023, 4],
      [2024, 4],
      [2025, 3],
    ] as const);
    const precision = rng.weighted([
      ['year', 3],
      ['month', 4],
      ['day', 1],
    ] as const);
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const vacantSince =
      precision === 'year'
        ? String(year)
        : precision === 'month'
          ? `${year}-${month}`
          : `${year}-${month}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    // Outlines are the ground floor footprint, so their area is the floor area of a one-storey unit.
    const depth = rng.range(0.9, 1.6) * Math.sqrt(floorArea);
    const geometry: Site['geometry'] = rng.chance(0.33)
      ? { type: 'Polygon', coordinates: [rectangle(place.position, floorArea / depth, depth, place.bearing)] }
      : { type: 'Point', coordinates: roundPosition(place.position) };
    sites.push({
      geometry,
      fields: {
        formerUse: use.label,
        address,
        floorAreaM2: floorArea,
        vacantSince,
        condition: rng.weighted(CONDITIONS),
        ownerKnown: rng.chance(0.55),
        shopFront: use.shopFront,
      },
    });
  }
  return sites;
}
