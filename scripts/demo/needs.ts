/**
 * What residents miss, in their own words and language. Each topic is one category with the same
 * sentence in the eight languages of the project; needs cluster where the demo leaves a gap, so the
 * voiced-need density lines up with the computed deficit.
 */
import type { TARGET_GROUPS, URGENCIES } from '@quartiersatlas/domain';
import { type LonLat, roundPosition } from './geo.ts';
import { type QuarterContext, residentialPoint } from './placement.ts';
import type { Rng } from './prng.ts';
import { type QuarterId, zone } from './quarters.ts';

type TargetGroup = (typeof TARGET_GROUPS)[number];
type Urgency = (typeof URGENCIES)[number];
export type NeedLanguage = 'de' | 'en' | 'tr' | 'ar' | 'bg' | 'ro' | 'pl' | 'uk';

interface Topic {
  category: string;
  groups: readonly TargetGroup[];
  urgency: readonly (readonly [Urgency, number])[];
  /** relative frequency per quarter */
  weight: Record<QuarterId, number>;
  /** a zone of the quarter where this need is voiced most */
  hotspot?: Partial<Record<QuarterId, string>>;
  text: Record<NeedLanguage, string>;
}

const TOPICS: readonly Topic[] = [
  {
    category: 'groceries',
    groups: ['seniors', 'families', 'disabled'],
    urgency: [
      ['medium', 2],
      ['high', 3],
    ],
    weight: { eving: 6, marten: 22 },
    hotspot: { marten: 'south' },
    text: {
      de: 'Hier fehlt ein Supermarkt, den man zu Fuß erreicht.',
      en: 'There is no supermarket within walking distance here.',
      tr: 'Burada yürüyerek gidilebilecek bir market yok.',
      ar: 'لا يوجد هنا سوبرماركت يمكن الوصول إليه سيرًا على الأقدام.',
      bg: 'Тук няма супермаркет, до който да се стигне пеша.',
      ro: 'Aici nu există niciun supermarket la care să poți ajunge pe jos.',
      pl: 'Brakuje tu supermarketu, do którego można dojść pieszo.',
      uk: 'Тут немає супермаркету, до якого можна дійти пішки.',
    },
  },
  {
    category: 'kita',
    groups: ['children', 'families'],
    urgency: [
      ['medium', 1],
      ['high', 3],
    ],
    weight: { eving: 18, marten: 10 },
    hotspot: { eving: 'north' },
    text: {
      de: 'Wir finden für unser Kind keinen Kita-Platz in der Nähe.',
      en: 'We cannot find a nursery place for our child nearby.',
      tr: 'Çocuğumuz için yakınlarda kreş yeri bulamıyoruz.',
      ar: 'لا نجد مكانًا لطفلنا في روضة أطفال قريبة.',
      bg: 'Не можем да намерим място в детска градина наблизо за детето ни.',
      ro: 'Nu găsim un loc la grădiniță în apropiere pentru copilul nostru.',
      pl: 'Nie możemy znaleźć miejsca w przedszkolu w pobliżu dla naszego dziecka.',
      uk: 'Ми не можемо знайти місце в дитячому садку поблизу для нашої дитини.',
    },
  },
  {
    category: 'meeting_place',
    groups: ['seniors'],
    urgency: [
      ['low', 2],
      ['medium', 3],
    ],
    weight: { eving: 12, marten: 10 },
    text: {
      de: 'Für ältere Menschen gibt es keinen Treffpunkt im Viertel.',
      en: 'Older people have no place to meet in the neighbourhood.',
      tr: 'Mahallede yaşlıların buluşabileceği bir yer yok.',
      ar: 'لا يوجد في الحي مكان يلتقي فيه كبار السن.',
      bg: 'В квартала няма място, където възрастните хора да се срещат.',
      ro: 'În cartier nu există un loc de întâlnire pentru vârstnici.',
      pl: 'W dzielnicy brakuje miejsca spotkań dla seniorów.',
      uk: 'У районі немає місця, де могли б зустрічатися літні люди.',
    },
  },
  {
    category: 'pharmacy',
    groups: ['seniors', 'disabled'],
    urgency: [
      ['medium', 3],
      ['high', 1],
    ],
    weight: { eving: 9, marten: 10 },
    hotspot: { eving: 'east', marten: 'west' },
    text: {
      de: 'Die nächste Apotheke ist zu weit weg, besonders für Ältere.',
      en: 'The nearest pharmacy is too far away, especially for older people.',
      tr: 'En yakın eczane çok uzakta, özellikle yaşlılar için.',
      ar: 'أقرب صيدلية بعيدة جدًا، خاصة بالنسبة لكبار السن.',
      bg: 'Най-близката аптека е твърде далеч, особено за възрастните хора.',
      ro: 'Cea mai apropiată farmacie este prea departe, mai ales pentru vârstnici.',
      pl: 'Najbliższa apteka jest za daleko, zwłaszcza dla starszych osób.',
      uk: 'Найближча аптека надто далеко, особливо для літніх людей.',
    },
  },
  {
    category: 'bus_tram_stop',
    groups: ['seniors', 'disabled', 'youth'],
    urgency: [
      ['low', 1],
      ['medium', 3],
    ],
    weight: { eving: 10, marten: 10 },
    text: {
      de: 'Wir brauchen eine Bushaltestelle näher an unserer Straße.',
      en: 'We need a bus stop closer to our street.',
      tr: 'Sokağımıza daha yakın bir otobüs durağına ihtiyacımız var.',
      ar: 'نحتاج إلى موقف حافلات أقرب إلى شارعنا.',
      bg: 'Нуждаем се от автобусна спирка по-близо до нашата улица.',
      ro: 'Avem nevoie de o stație de autobuz mai aproape de strada noastră.',
      pl: 'Potrzebujemy przystanku autobusowego bliżej naszej ulicy.',
      uk: 'Нам потрібна автобусна зупинка ближче до нашої вулиці.',
    },
  },
  {
    category: 'laundry',
    groups: ['newcomers', 'families'],
    urgency: [
      ['low', 2],
      ['medium', 2],
    ],
    weight: { eving: 7, marten: 6 },
    text: {
      de: 'Es gibt keinen Waschsalon in der Nähe.',
      en: 'There is no launderette nearby.',
      tr: 'Yakınlarda çamaşırhane yok.',
      ar: 'لا توجد مغسلة ملابس قريبة.',
      bg: 'Наблизо няма обществена пералня.',
      ro: 'Nu există nicio spălătorie în apropiere.',
      pl: 'W pobliżu nie ma pralni samoobsługowej.',
      uk: 'Поблизу немає пральні самообслуговування.',
    },
  },
  {
    category: 'youth_centre',
    groups: ['youth'],
    urgency: [
      ['low', 1],
      ['medium', 2],
      ['high', 1],
    ],
    weight: { eving: 12, marten: 10 },
    text: {
      de: 'Jugendliche haben abends keinen Ort, an den sie gehen können.',
      en: 'Teenagers have nowhere to go in the evening.',
      tr: 'Gençlerin akşamları gidebilecekleri bir yer yok.',
      ar: 'ليس للشباب مكان يذهبون إليه في المساء.',
      bg: 'Младежите нямат къде да отидат вечер.',
      ro: 'Tinerii nu au unde să meargă seara.',
      pl: 'Młodzież nie ma dokąd pójść wieczorem.',
      uk: 'Підліткам нікуди піти ввечері.',
    },
  },
  {
    category: 'paediatrician',
    groups: ['children', 'families'],
    urgency: [
      ['medium', 1],
      ['high', 2],
    ],
    weight: { eving: 10, marten: 8 },
    text: {
      de: 'Wir brauchen eine Kinderarztpraxis, die neue Patienten aufnimmt.',
      en: 'We need a paediatrician who takes new patients.',
      tr: 'Yeni hasta kabul eden bir çocuk doktoruna ihtiyacımız var.',
      ar: 'نحتاج إلى طبيب أطفال يقبل مرضى جددًا.',
      bg: 'Нуждаем се от детски лекар, който приема нови пациенти.',
      ro: 'Avem nevoie de un medic pediatru care să primească pacienți noi.',
      pl: 'Potrzebujemy pediatry, który przyjmuje nowych pacjentów.',
      uk: 'Нам потрібен педіатр, який приймає нових пацієнтів.',
    },
  },
  {
    category: 'counselling',
    groups: ['newcomers'],
    urgency: [
      ['medium', 2],
      ['high', 1],
    ],
    weight: { eving: 10, marten: 7 },
    text: {
      de: 'Neu Zugezogene brauchen Beratung zu Ämtern in ihrer Sprache.',
      en: 'Newcomers need advice on dealing with the authorities in their own language.',
      tr: 'Yeni gelenlerin resmi işler konusunda kendi dillerinde danışmanlığa ihtiyacı var.',
      ar: 'يحتاج القادمون الجدد إلى استشارة بلغتهم حول التعامل مع الدوائر الرسمية.',
      bg: 'Новодошлите имат нужда от консултации за институциите на своя език.',
      ro: 'Cei nou-veniți au nevoie de consiliere în limba lor pentru relația cu autoritățile.',
      pl: 'Nowo przybyli potrzebują porad w swoim języku w sprawach urzędowych.',
      uk: 'Новоприбулим потрібні консультації рідною мовою щодо справ в установах.',
    },
  },
  {
    category: 'household_help',
    groups: ['seniors', 'disabled'],
    urgency: [
      ['low', 1],
      ['medium', 2],
      ['high', 1],
    ],
    weight: { eving: 6, marten: 7 },
    text: {
      de: 'Meine Mutter braucht Hilfe im Haushalt, aber wir finden niemanden.',
      en: 'My mother needs help around the house, but we cannot find anyone.',
      tr: 'Annemin ev işlerinde yardıma ihtiyacı var ama kimseyi bulamıyoruz.',
      ar: 'أمي تحتاج إلى مساعدة في أعمال المنزل، لكننا لا نجد أحدًا.',
      bg: 'Майка ми има нужда от помощ вкъщи, но не можем да намерим никого.',
      ro: 'Mama mea are nevoie de ajutor în gospodărie, dar nu găsim pe nimeni.',
      pl: 'Moja mama potrzebuje pomocy w domu, ale nie możemy nikogo znaleźć.',
      uk: 'Моїй мамі потрібна допомога по господарству, але ми нікого не можемо знайти.',
    },
  },
];

export const NEED_LANGUAGES: readonly NeedLanguage[] = ['de', 'en', 'tr', 'ar', 'bg', 'ro', 'pl', 'uk'];

/** Every topic's sentence in every language, so the test can check a need's text matches its category. */
export function needTexts(): { category: string; lang: NeedLanguage; text: string }[] {
  return TOPICS.flatMap((topic) =>
    NEED_LANGUAGES.map((lang) => ({ category: topic.category, lang, text: topic.text[lang] })),
  );
}

/** Who writes in which language depends on the format: the resident link reaches the most languages. */
export type NeedChannel = 'resident_link' | 'quartierszirkel' | 'walkabout' | 'none';

const LANGUAGE_MIX: Record<NeedChannel, readonly (readonly [NeedLanguage, number])[]> = {
  resident_link: [
    ['de', 30],
    ['tr', 20],
    ['ar', 14],
    ['bg', 10],
    ['ro', 10],
    ['pl', 6],
    ['uk', 6],
    ['en', 4],
  ],
  quartierszirkel: [
    ['de', 55],
    ['tr', 20],
    ['ar', 8],
    ['pl', 5],
    ['uk', 5],
    ['bg', 4],
    ['ro', 3],
  ],
  walkabout: [['de', 1]],
  none: [
    ['de', 3],
    ['en', 1],
  ],
};

export interface NeedDraft {
  position: LonLat;
  fields: Record<string, unknown>;
}

export function needDraft(ctx: QuarterContext, channel: NeedChannel, rng: Rng): NeedDraft {
  const quarterId = ctx.quarter.id;
  const topic = rng.weighted(TOPICS.map((t) => [t, t.weight[quarterId]] as const));
  const hotspotId = topic.hotspot?.[quarterId];
  const hotspot = hotspotId ? zone(ctx.quarter, hotspotId) : undefined;
  const position =
    hotspot && rng.chance(0.7) ? residentialPoint(ctx, rng, (p) => hotspot.contains(p)) : residentialPoint(ctx, rng);

  const groups = topic.groups.filter(() => rng.chance(0.6));
  const targetGroups = groups.length > 0 || topic.category === 'groceries' ? groups : [rng.pick(topic.groups)];
  const fields: Record<string, unknown> = {
    category: topic.category,
    targetGroups,
    urgency: rng.weighted(topic.urgency),
  };
  // Field teams sometimes only tick the category on a walkabout.
  if (channel !== 'walkabout' || rng.chance(0.5)) {
    const lang = rng.weighted(LANGUAGE_MIX[channel]);
    fields.text = topic.text[lang];
    fields.lang = lang;
  }
  if (channel === 'quartierszirkel')
    fields.supporters = rng.weighted([
      [rng.int(1, 4), 5],
      [rng.int(5, 12), 3],
      [rng.int(13, 30), 1],
    ] as const);
  if (channel === 'resident_link') fields.supporters = rng.chance(0.3) ? rng.int(1, 3) : 0;
  return { position: roundPosition(position), fields };
}
