/**
 * The service catalogue of the demo: how many of each category per quarter, where they sit, how
 * they are named and run. The counts and exclusions are chosen so that a gap analysis finds real
 * gaps: no groceries in Marten's south and west, one Kita in Eving's north, no pharmacy in Eving's
 * east, no GP in Marten's west, no library in Marten.
 */
import type { OPERATOR_TYPES } from '@quartiersatlas/domain';
import type { LonLat } from './geo.ts';
import type { QuarterId } from './quarters.ts';

export type OperatorType = (typeof OPERATOR_TYPES)[number];

export interface Template {
  /** {P} a surname, {S} the street, {Q} the quarter, {N} a word from the category's `words`, {H} a patron saint */
  text: string;
  /** the surname comes from these languages (the business then speaks it too) */
  people?: readonly string[];
  operator?: OperatorType;
  /** only these get a capacity (a care home has beds, an ambulant service does not) */
  capacity?: boolean;
  hours?: readonly string[];
}

export interface ServiceSpec {
  counts: Record<QuarterId, number>;
  place: 'main' | 'streets' | 'residential' | 'stops';
  exclude?: Partial<Record<QuarterId, readonly string[]>>;
  /** placed by hand, counted in `counts` */
  fixed?: Partial<Record<QuarterId, readonly { name: string; at: LonLat }[]>>;
  templates: readonly (readonly [Template, number])[];
  words?: readonly string[];
  operator: readonly (readonly [OperatorType, number])[];
  capacity?: [number, number, number];
  hours?: readonly string[];
  /** 0: no language list (a bus stop speaks no language); otherwise how multilingual the staff are */
  multilingual: number;
  stepFree?: number;
}

export const PEOPLE: readonly (readonly [string, string])[] = [
  ['Nowak', 'pl'],
  ['Kowalski', 'pl'],
  ['Wiśniewska', 'pl'],
  ['Kamińska', 'pl'],
  ['Yılmaz', 'tr'],
  ['Kaya', 'tr'],
  ['Demir', 'tr'],
  ['Öztürk', 'tr'],
  ['Arslan', 'tr'],
  ['Korkmaz', 'tr'],
  ['Haddad', 'ar'],
  ['Khalil', 'ar'],
  ['Mansour', 'ar'],
  ['Petrov', 'bg'],
  ['Dimitrova', 'bg'],
  ['Popescu', 'ro'],
  ['Ionescu', 'ro'],
  ['Bondarenko', 'uk'],
  ['Kovalenko', 'uk'],
  ['Schulte', 'de'],
  ['Brinkmann', 'de'],
  ['Hoffmann', 'de'],
  ['Krüger', 'de'],
  ['Schröder', 'de'],
  ['Lehmann', 'de'],
  ['Schäfer', 'de'],
  ['Becker', 'de'],
  ['Kuhlmann', 'de'],
  ['Overbeck', 'de'],
  ['Rüsing', 'de'],
];

export const SAINTS = ['Barbara', 'Josef', 'Elisabeth', 'Antonius', 'Franziskus', 'Marien'];

export const SHOP_HOURS = ['Mo-Fr 09:00-18:00; Sa 09:00-14:00', 'Mo-Fr 09:30-18:30; Sa 10:00-14:00'];
export const OFFICE_HOURS = ['Mo-Fr 08:00-16:00', 'Mo-Th 08:30-16:30; Fr 08:30-13:00'];
export const ALWAYS = ['24/7'];

export const SERVICE_SPECS: Record<string, ServiceSpec> = {
  groceries: {
    counts: { eving: 10, marten: 5 },
    place: 'main',
    exclude: { marten: ['south', 'west'] },
    templates: [
      [{ text: 'Frischemarkt {S}' }, 2],
      [{ text: 'Discountmarkt {S}' }, 2],
      [{ text: 'Supermarkt {Q} Mitte' }, 1],
      [{ text: 'Lebensmittel {P}', people: ['tr', 'ar', 'pl', 'bg', 'ro'] }, 3],
      [{ text: 'Obst & Gemüse {P}', people: ['tr', 'ar'] }, 2],
      [{ text: 'Polski Sklep {P}', people: ['pl'] }, 1],
    ],
    operator: [['private', 1]],
    hours: ['Mo-Sa 07:00-21:00', 'Mo-Sa 08:00-20:00', 'Mo-Sa 07:00-22:00'],
    multilingual: 1,
    stepFree: 0.8,
  },
  bakery: {
    counts: { eving: 13, marten: 8 },
    place: 'main',
    templates: [
      [{ text: 'Bäckerei {P}', people: ['de', 'tr', 'pl'] }, 4],
      [{ text: 'Backstube am {N}' }, 1],
      [{ text: 'Café & Backwaren {P}', people: ['de', 'pl', 'bg'] }, 1],
      [{ text: 'Fırın {P}', people: ['tr'] }, 1],
    ],
    words: ['Markt', 'Platz', 'Förderturm', 'Eck'],
    operator: [['private', 1]],
    hours: ['Mo-Fr 06:00-18:00; Sa 06:00-13:00; Su 08:00-11:00', 'Mo-Sa 06:30-18:00; Su 07:30-12:00'],
    multilingual: 0.8,
    stepFree: 0.5,
  },
  pharmacy: {
    counts: { eving: 7, marten: 3 },
    place: 'main',
    exclude: { eving: ['east'], marten: ['west'] },
    templates: [
      [{ text: '{N}-Apotheke' }, 3],
      [{ text: 'Apotheke im Ärztehaus {S}' }, 1],
    ],
    words: ['Stern', 'Löwen', 'Zechen', 'Glückauf', 'Linden', 'Rosen', 'Markt', 'Sonnen', 'Adler', 'Schwanen'],
    operator: [['private', 1]],
    hours: ['Mo-Fr 08:30-18:30; Sa 09:00-13:00', 'Mo,Tu,Th,Fr 08:00-18:30; We 08:00-13:00; Sa 08:30-13:00'],
    multilingual: 1,
    stepFree: 0.7,
  },
  post: {
    counts: { eving: 3, marten: 2 },
    place: 'main',
    templates: [
      [{ text: 'Postfiliale im Schreibwarenladen {P}', people: ['de', 'tr'] }, 1],
      [{ text: 'Paketshop im Kiosk {P}', people: ['tr', 'ar', 'de'] }, 1],
      [{ text: 'Postpoint Lotto-Toto {P}', people: ['de'] }, 1],
    ],
    operator: [['private', 1]],
    hours: SHOP_HOURS,
    multilingual: 0.8,
    stepFree: 0.5,
  },
  bank_atm: {
    counts: { eving: 6, marten: 3 },
    place: 'main',
    templates: [
      [{ text: 'Geldautomat {S}', hours: ALWAYS }, 3],
      [{ text: 'Bankfiliale {Q}' }, 1],
      [{ text: 'SB-Center {S}', hours: ALWAYS }, 1],
    ],
    operator: [['private', 1]],
    hours: ['Mo-Fr 09:00-12:30; Tu,Th 14:00-17:30'],
    multilingual: 0,
    stepFree: 0.6,
  },
  weekly_market: {
    counts: { eving: 1, marten: 1 },
    place: 'main',
    fixed: {
      eving: [{ name: 'Wochenmarkt Evinger Platz', at: [7.4639, 51.5492] }],
      marten: [{ name: 'Wochenmarkt Marten', at: [7.3788, 51.5093] }],
    },
    templates: [[{ text: 'Wochenmarkt {Q}' }, 1]],
    operator: [['public', 1]],
    hours: ['Tu,Fr 07:00-13:00'],
    multilingual: 1,
    stepFree: 1,
  },
  bus_tram_stop: {
    counts: { eving: 50, marten: 32 },
    place: 'stops',
    templates: [[{ text: 'Haltestelle {S}' }, 1]],
    operator: [['public', 1]],
    multilingual: 0,
    stepFree: 0.6,
  },
  bike_sharing: {
    counts: { eving: 6, marten: 3 },
    place: 'main',
    templates: [[{ text: 'Leihradstation {S}' }, 1]],
    operator: [['private', 1]],
    hours: ALWAYS,
    multilingual: 0,
  },
  car_sharing: {
    counts: { eving: 4, marten: 2 },
    place: 'streets',
    templates: [[{ text: 'Carsharing-Stellplatz {S}' }, 1]],
    operator: [
      ['private', 3],
      ['civic', 1],
    ],
    hours: ALWAYS,
    multilingual: 0,
  },
  bike_repair: {
    counts: { eving: 2, marten: 1 },
    place: 'streets',
    templates: [
      [{ text: 'Fahrradwerkstatt {P}', people: ['de', 'pl', 'uk'] }, 2],
      [
        {
          text: 'Selbsthilfe-Radwerkstatt {Q}',
          operator: 'civic',
          hours: ['We 16:00-19:00', 'Sa 11:00-15:00'],
        },
        1,
      ],
    ],
    operator: [['private', 1]],
    hours: ['Tu-Fr 10:00-18:00; Sa 10:00-14:00'],
    multilingual: 0.6,
    stepFree: 0.8,
  },
  laundry: {
    counts: { eving: 2, marten: 1 },
    place: 'main',
    templates: [[{ text: 'Waschsalon {S}' }, 1]],
    operator: [['private', 1]],
    hours: ['Mo-Sa 07:00-22:00', 'Mo-Su 06:00-23:00'],
    multilingual: 0.3,
    stepFree: 0.7,
  },
  tailoring_repair: {
    counts: { eving: 7, marten: 4 },
    place: 'main',
    templates: [
      [{ text: 'Änderungsschneiderei {P}', people: ['tr', 'ar', 'bg', 'ro'] }, 3],
      [{ text: 'Schuh- und Schlüsseldienst {P}', people: ['de', 'pl', 'tr'] }, 2],
      [{ text: 'Repair-Café {Q}', operator: 'civic', hours: ['Sa 14:00-17:00'] }, 1],
      [{ text: 'Handy- und Elektroreparatur {P}', people: ['ar', 'tr', 'uk'] }, 1],
    ],
    operator: [['private', 1]],
    hours: SHOP_HOURS,
    multilingual: 1,
    stepFree: 0.4,
  },
  household_help: {
    counts: { eving: 5, marten: 3 },
    place: 'streets',
    templates: [
      [{ text: 'Alltagshilfe {Q}', operator: 'nonprofit' }, 2],
      [{ text: 'Haushaltshilfe {P}', people: ['pl', 'bg', 'ro', 'uk', 'de'] }, 2],
      [{ text: 'Nachbarschaftshilfe {Q} e. V.', operator: 'civic', hours: ['Mo,We 10:00-12:00'] }, 1],
    ],
    operator: [['private', 1]],
    hours: OFFICE_HOURS,
    multilingual: 1,
    stepFree: 0.5,
  },
  delivery: {
    counts: { eving: 4, marten: 2 },
    place: 'streets',
    templates: [
      [{ text: 'Essen auf Rädern {Q}', operator: 'nonprofit', hours: ['Mo-Su 10:00-13:00'] }, 2],
      [{ text: 'Einkaufsdienst der Nachbarschaftshilfe', operator: 'civic', hours: ['Tu,Fr 09:00-12:00'] }, 1],
      [{ text: 'Getränke-Lieferdienst {P}', people: ['de', 'tr'] }, 1],
    ],
    operator: [['private', 1]],
    hours: ['Mo-Sa 09:00-18:00'],
    multilingual: 0.6,
  },
  kita: {
    counts: { eving: 17, marten: 10 },
    place: 'residential',
    exclude: { eving: ['north'] },
    fixed: { eving: [{ name: 'Kita Zwergenland', at: [7.4882, 51.5594] }] },
    templates: [
      [{ text: 'Städtische Kita {N}', operator: 'public' }, 3],
      [{ text: 'AWO-Kita {N}', operator: 'nonprofit' }, 2],
      [{ text: 'Ev. Kita {N}', operator: 'nonprofit' }, 2],
      [{ text: 'Kath. Kita St. {H}', operator: 'nonprofit' }, 1],
      [{ text: 'Elterninitiative {N} e. V.', operator: 'civic' }, 1],
      [{ text: 'Kita {N}' }, 3],
    ],
    words: [
      'Sonnenblume',
      'Regenbogen',
      'Pusteblume',
      'Kunterbunt',
      'Sternschnuppe',
      'Löwenzahn',
      'Marienkäfer',
      'Zechenzwerge',
      'Glückauf',
      'Abenteuerland',
      'Wirbelwind',
      'Spatzennest',
      'Schatzkiste',
      'Kleine Strolche',
      'Arche Noah',
      'Purzelbaum',
      'Rasselbande',
      'Wolkenschloss',
      'Grashüpfer',
      'Sonnenschein',
      'Entdeckerland',
      'Windrad',
      'Haselnuss',
      'Bullerbü',
      'Seepferdchen',
    ],
    operator: [['nonprofit', 1]],
    capacity: [25, 110, 5],
    hours: ['Mo-Fr 07:00-16:30', 'Mo-Fr 07:30-16:00', 'Mo-Fr 07:00-17:00'],
    multilingual: 1.2,
    stepFree: 0.7,
  },
  senior_day_care: {
    counts: { eving: 3, marten: 2 },
    place: 'residential',
    templates: [
      [{ text: 'Tagespflege {N}' }, 1],
      [{ text: 'Tagespflege im Seniorenzentrum {Q}', operator: 'nonprofit' }, 1],
    ],
    words: ['Am Park', 'Haus Sonnenhof', 'Zeche', 'Lindenhof', 'Am Markt'],
    operator: [
      ['nonprofit', 2],
      ['private', 1],
    ],
    capacity: [12, 24, 1],
    hours: ['Mo-Fr 08:00-16:00'],
    multilingual: 0.8,
    stepFree: 1,
  },
  nursing_care: {
    counts: { eving: 6, marten: 4 },
    place: 'residential',
    templates: [
      [{ text: 'Seniorenzentrum {Q}', operator: 'nonprofit', capacity: true, hours: ALWAYS }, 1],
      [{ text: 'Pflegeheim Haus {N}', capacity: true, hours: ALWAYS }, 1],
      [{ text: 'Ambulanter Pflegedienst {P}', people: ['tr', 'pl', 'de', 'uk'] }, 3],
      [{ text: 'Diakoniestation {Q}', operator: 'nonprofit' }, 1],
    ],
    words: ['Lindenhof', 'Abendsonne', 'Am Grubenwald', 'Kastanienhof', 'Sonnenhof'],
    operator: [
      ['private', 2],
      ['nonprofit', 1],
    ],
    capacity: [40, 120, 2],
    hours: OFFICE_HOURS,
    multilingual: 1,
    stepFree: 0.9,
  },
  family_centre: {
    counts: { eving: 2, marten: 1 },
    place: 'residential',
    templates: [
      [{ text: 'Familienzentrum {Q}' }, 1],
      [{ text: 'Familienbüro {Q}', operator: 'public' }, 1],
    ],
    operator: [
      ['nonprofit', 2],
      ['public', 1],
    ],
    hours: OFFICE_HOURS,
    multilingual: 1.5,
    stepFree: 0.9,
  },
  youth_centre: {
    counts: { eving: 3, marten: 2 },
    place: 'residential',
    templates: [
      [{ text: 'Jugendfreizeitstätte {Q}', operator: 'public' }, 1],
      [{ text: 'Jugendtreff {N}' }, 2],
    ],
    words: ['Zeche', 'Förderturm', 'Bunker', 'Schacht', 'Halde'],
    operator: [['nonprofit', 1]],
    hours: ['Mo-Fr 14:00-20:00', 'Tu-Sa 15:00-21:00'],
    multilingual: 1,
    stepFree: 0.6,
  },
  meeting_place: {
    counts: { eving: 10, marten: 5 },
    place: 'streets',
    templates: [
      [{ text: 'Nachbarschaftstreff {S}', operator: 'civic' }, 2],
      [{ text: 'Seniorentreff {Q}', operator: 'nonprofit', hours: ['Tu,Th 14:00-18:00'] }, 2],
      [{ text: 'Café International', operator: 'civic', hours: ['We 15:00-18:00'] }, 1],
      [{ text: 'Frauencafé {Q}', operator: 'nonprofit', hours: ['Mo 10:00-12:00'] }, 1],
      [{ text: 'Stadtteiltreff {Q}', operator: 'public' }, 1],
      [{ text: 'Mehrgenerationencafé {N}', operator: 'civic' }, 1],
      [{ text: 'Kulturverein {N} e. V.', operator: 'civic', hours: ['Mo-Su 10:00-22:00'] }, 1],
    ],
    words: ['Begegnung', 'Brücke', 'Zusammen', 'Anadolu', 'Glückauf'],
    operator: [['civic', 1]],
    hours: ['Mo-Fr 10:00-17:00', 'Tu,Th 14:00-18:00'],
    multilingual: 1.5,
    stepFree: 0.5,
  },
  counselling: {
    counts: { eving: 8, marten: 4 },
    place: 'streets',
    templates: [
      [{ text: 'Migrationsberatung der {N}' }, 2],
      [{ text: 'Schuldnerberatung der {N}' }, 1],
      [{ text: 'Sozialberatung der {N}' }, 1],
      [{ text: 'Mietersprechstunde im Nachbarschaftstreff', operator: 'civic', hours: ['Tu 10:00-13:00'] }, 1],
      [{ text: 'Seniorenbüro {Q}', operator: 'public' }, 1],
      [{ text: 'Erziehungsberatung {Q}', operator: 'public' }, 1],
      [{ text: 'Beratung für Neuzugewanderte {Q}', hours: ['Mo,We 09:00-12:00; Th 14:00-17:00'] }, 1],
      [{ text: 'Pflegeberatung {Q}' }, 1],
    ],
    words: ['AWO', 'Caritas', 'Diakonie'],
    operator: [['nonprofit', 1]],
    hours: ['Mo,We 09:00-12:00; Th 14:00-17:00', 'Tu 10:00-13:00'],
    multilingual: 2,
    stepFree: 0.6,
  },
  gp: {
    counts: { eving: 14, marten: 8 },
    place: 'main',
    exclude: { marten: ['west'] },
    templates: [
      [{ text: 'Hausarztpraxis Dr. {P}' }, 5],
      [{ text: 'Gemeinschaftspraxis Dr. {P} und Kollegen' }, 2],
      [{ text: 'Praxis für Allgemeinmedizin {P}' }, 2],
    ],
    operator: [['private', 1]],
    hours: ['Mo-Fr 08:00-12:00; Mo,Tu,Th 15:00-18:00', 'Mo-Fr 07:30-12:30; Mo,Th 15:00-19:00'],
    multilingual: 1,
    stepFree: 0.5,
  },
  paediatrician: {
    counts: { eving: 3, marten: 1 },
    place: 'main',
    templates: [[{ text: 'Kinderarztpraxis Dr. {P}' }, 1]],
    operator: [['private', 1]],
    hours: ['Mo-Fr 08:00-12:00; Mo,Tu,Th 14:30-17:30'],
    multilingual: 1,
    stepFree: 0.7,
  },
  library: {
    counts: { eving: 1, marten: 0 },
    place: 'main',
    fixed: { eving: [{ name: 'Stadtteilbibliothek Eving', at: [7.4645, 51.5499] }] },
    templates: [[{ text: 'Stadtteilbibliothek {Q}' }, 1]],
    operator: [['public', 1]],
    hours: ['Tu,Th 10:00-13:00,14:00-18:00; Fr 10:00-13:00'],
    multilingual: 1,
    stepFree: 1,
  },
  community_centre: {
    counts: { eving: 4, marten: 2 },
    place: 'streets',
    templates: [
      [{ text: 'Bürgerhaus {Q}', operator: 'public' }, 1],
      [{ text: 'Gemeindezentrum {N}', operator: 'nonprofit' }, 1],
      [{ text: 'Gemeindezentrum St. {H}', operator: 'nonprofit' }, 1],
      [{ text: 'Kulturtreff {S}', operator: 'civic' }, 1],
    ],
    words: ['Am Lindenplatz', 'Zur Heimat', 'Friedenskirche', 'Am Markt'],
    operator: [['public', 1]],
    hours: ['Mo-Fr 09:00-21:00', 'Mo-Sa 10:00-22:00'],
    multilingual: 1,
    stepFree: 0.8,
  },
};
