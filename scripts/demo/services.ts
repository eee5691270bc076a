/**
 * Turns the catalogue into service drafts: places them, names them (unique within a quarter, stops
 * after their crossing) and fills in operator, capacity, hours, languages and access.
 */
import { type LonLat, pointAlong, roundPosition } from './geo.ts';
import {
  evenlyAlongStreets,
  nearestStreet,
  type QuarterContext,
  residentialPoint,
  type StreetPlace,
  streetPlace,
} from './placement.ts';
import type { Rng } from './prng.ts';
import { zone } from './quarters.ts';
import { PEOPLE, SAINTS, type ServiceSpec, type Template } from './service-catalogue.ts';

/** Staff languages besides German, and how common they are in the quarters' services. */
const EXTRA_LANGUAGES: readonly (readonly [string, number])[] = [
  ['en', 0.35],
  ['tr', 0.4],
  ['ar', 0.2],
  ['pl', 0.12],
  ['ru', 0.1],
  ['bg', 0.08],
  ['ro', 0.08],
  ['uk', 0.08],
  ['ku', 0.04],
];
const LANGUAGE_ORDER = ['de', ...EXTRA_LANGUAGES.map(([lang]) => lang)];

/**
 * Stops are named like the real ones: after the crossing street when there is one nearby, else
 * after the street and the direction from its middle.
 */
function stopName(ctx: QuarterContext, stop: StreetPlace, used: Set<string>): string {
  const cross = nearestStreet(ctx.quarter, stop.position, stop.street);
  const [mx, my] = pointAlong(stop.street.path, 0.5).position;
  const dx = (stop.position[0] - mx) * Math.cos((my * Math.PI) / 180);
  const dy = stop.position[1] - my;
  const direction = Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'Ost' : 'West') : dy > 0 ? 'Nord' : 'Süd';
  const candidates = [
    ...(cross.distanceM < 160 ? [`${stop.street.name}/${cross.street.name}`] : []),
    stop.street.name,
    `${stop.street.name} ${direction}`,
    `${stop.street.name} Mitte`,
  ];
  let name = candidates.find((candidate) => !used.has(candidate));
  for (let n = 2; name === undefined; n++) {
    const numbered = `${stop.street.name} ${direction} ${n}`;
    if (!used.has(numbered)) name = numbered;
  }
  used.add(name);
  return `Haltestelle ${name}`;
}

/** A second station on the same street is told apart by the corner it stands at, as people do. */
function distinctName(
  ctx: QuarterContext,
  name: string,
  place: { position: LonLat; street: string },
  used: Set<string>,
) {
  if (!used.has(name)) return name;
  const own = ctx.quarter.streets.find((s) => s.name === place.street);
  const corner = nearestStreet(ctx.quarter, place.position, own).street.name;
  const candidates = [`${name} (Ecke ${corner})`, `${name} (${place.street})`];
  const free = candidates.find((candidate) => !used.has(candidate));
  if (free) return free;
  for (let n = 2; ; n++) if (!used.has(`${name} ${n}`)) return `${name} ${n}`;
}

export interface ServiceDraft {
  category: string;
  position: LonLat;
  fields: Record<string, unknown>;
}

function fill(template: Template, words: readonly string[] | undefined, street: string, quarter: string, rng: Rng) {
  const people = PEOPLE.filter(([, lang]) => !template.people || template.people.includes(lang));
  const [surname, surnameLang] = rng.pick(people);
  const name = template.text
    .replace('{P}', surname)
    .replace('{S}', street)
    .replace('{Q}', quarter)
    .replace('{N}', words ? rng.pick(words) : '')
    .replace('{H}', rng.pick(SAINTS));
  return { name, speaks: template.text.includes('{P}') && surnameLang !== 'de' ? surnameLang : null };
}

function languagesFor(spec: ServiceSpec, speaks: string | null, rng: Rng): string[] | undefined {
  if (spec.multilingual === 0) return undefined;
  const langs = new Set(['de']);
  if (speaks) langs.add(speaks);
  for (const [lang, p] of EXTRA_LANGUAGES) if (rng.chance(Math.min(p * spec.multilingual, 0.9))) langs.add(lang);
  return LANGUAGE_ORDER.filter((lang) => langs.has(lang));
}

export function serviceDrafts(ctx: QuarterContext, category: string, spec: ServiceSpec, rng: Rng): ServiceDraft[] {
  const quarterId = ctx.quarter.id;
  const count = spec.counts[quarterId];
  const fixed = spec.fixed?.[quarterId] ?? [];
  const excluded = (spec.exclude?.[quarterId] ?? []).map((id) => zone(ctx.quarter, id));
  const allowed = (p: LonLat) => !excluded.some((z) => z.contains(p));
  const main = ctx.quarter.streets.filter((s) => s.main);

  const places: { position: LonLat; street: string; name?: string }[] = fixed.map((f) => ({
    position: f.at,
    street: '',
    name: f.name,
  }));
  if (spec.place === 'stops') {
    const used = new Set<string>();
    for (const stop of evenlyAlongStreets(ctx, ctx.quarter.streets, count, rng)) {
      places.push({ position: stop.position, street: stop.street.name, name: stopName(ctx, stop, used) });
    }
  }
  while (places.length < count) {
    if (spec.place === 'residential') {
      const position = residentialPoint(ctx, rng, allowed);
      places.push({ position, street: nearestStreet(ctx.quarter, position).street.name });
    } else {
      const streets = spec.place === 'main' && rng.chance(0.85) ? main : ctx.quarter.streets;
      const place = streetPlace(ctx, streets, rng, [8, 20], allowed);
      places.push({ position: place.position, street: place.street.name });
    }
  }

  const names = new Set<string>();
  return places.map((place) => {
    let template = rng.weighted(spec.templates);
    let filled = fill(template, spec.words, place.street, ctx.quarter.name, rng);
    for (let attempt = 0; names.has(filled.name) && attempt < 200; attempt++) {
      template = rng.weighted(spec.templates);
      filled = fill(template, spec.words, place.street, ctx.quarter.name, rng);
    }
    const name = place.name ?? distinctName(ctx, filled.name, place, names);
    names.add(name);
    const hours = template.hours ?? spec.hours;
    const hasCapacity = spec.capacity && (category !== 'nursing_care' || template.capacity);
    const languages = languagesFor(spec, filled.speaks, rng);
    const fields: Record<string, unknown> = {
      name,
      operatorType: template.operator ?? rng.weighted(spec.operator),
    };
    if (hasCapacity && spec.capacity) {
      const [min, max, step] = spec.capacity;
      fields.capacity = min + step * rng.int(0, Math.floor((max - min) / step));
    }
    if (hours) fields.openingHours = rng.pick(hours);
    if (languages) fields.languages = languages;
    if (spec.stepFree !== undefined) fields.stepFree = rng.chance(spec.stepFree);
    return { category, position: roundPosition(place.position), fields };
  });
}
