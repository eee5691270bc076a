import { readFileSync } from 'node:fs';
import {
  areaM2,
  type Geometry,
  geometryIssues,
  parseRecord,
  QuarterInputSchema,
  quarterGeometry,
  SurveySessionInputSchema,
  schemaIssues,
  type Taxonomy,
} from '@quartiersatlas/domain';
import { describe, expect, it } from 'vitest';
import { fromEpsg3035, toEpsg3035 } from './epsg3035.ts';
import { generateDemoData, type RecordFeature, staleFiles } from './generate.ts';
import { type LonLat, pointInRing } from './geo.ts';
import { needTexts } from './needs.ts';
import { POPULATION_HEADER } from './population.ts';
import { DEMO_QUARTERS, zone } from './quarters.ts';

const taxonomy = JSON.parse(readFileSync(new URL('../../data/taxonomy.json', import.meta.url), 'utf8')) as Taxonomy;
const files = generateDemoData();

function file(name: string): string {
  const content = files[name];
  if (content === undefined) throw new Error(`the generator wrote no ${name}`);
  return content;
}

interface QuarterFeature {
  id: string;
  geometry: { type: 'Polygon'; coordinates: LonLat[][] };
  properties: Record<string, unknown>;
}

const quarters = (JSON.parse(file('quarters.geojson')) as { features: QuarterFeature[] }).features;
const recordsFile = JSON.parse(file('records.geojson')) as {
  generated: string;
  demo: boolean;
  features: RecordFeature[];
};
const records = recordsFile.features;
const sessions = JSON.parse(file('sessions.json')) as { id: string; kind: string; quarterId: string }[];
const ofKind = (kind: string) => records.filter((r) => r.properties.kind === kind);

function outline(quarterId: string): LonLat[] {
  const quarter = quarters.find((q) => q.id === quarterId);
  if (!quarter?.geometry.coordinates[0]) throw new Error(`no quarter ${quarterId}`);
  return quarter.geometry.coordinates[0];
}

function positions(geometry: Geometry): LonLat[] {
  if (geometry.type === 'Point') return [geometry.coordinates as LonLat];
  if (geometry.type === 'Polygon') return geometry.coordinates.flat() as LonLat[];
  return geometry.coordinates.flat(2) as LonLat[];
}

describe('demo data generation', () => {
  it('produces byte-identical output on every run', () => {
    expect(generateDemoData()).toEqual(files);
  });

  it('matches the files checked in under data/demo (run `npm run demo:generate` after changing the generator)', () => {
    expect(staleFiles(files)).toEqual([]);
  });

  it('marks every file as generated', () => {
    expect(file('README.md').split('\n')[0]).toMatch(/GENERATED/);
    expect(recordsFile.generated).toMatch(/scripts\/demo\/generate\.ts/);
    expect(recordsFile.demo).toBe(true);
    expect(Object.keys(JSON.parse(file('quarters.geojson')))[0]).toBe('generated');
    expect(Object.keys(recordsFile)[0]).toBe('generated');
  });

  it('keeps the records file small', () => {
    expect(Buffer.byteLength(file('records.geojson'))).toBeLessThan(600_000);
  });
});

describe('demo data validity', () => {
  it('has two quarters with valid, approximate outlines of a few km²', () => {
    expect(quarters.map((q) => q.id)).toEqual(['eving', 'marten']);
    for (const quarter of quarters) {
      expect(geometryIssues(quarter.geometry, quarterGeometry)).toEqual([]);
      expect(schemaIssues(QuarterInputSchema, { id: quarter.id, ...quarter.properties })).toEqual([]);
      expect(quarter.properties.approximate).toBe(true);
      const km2 = areaM2(quarter.geometry) / 1e6;
      expect(km2).toBeGreaterThan(2);
      expect(km2).toBeLessThan(10);
      expect(quarter.geometry.coordinates[0]?.length).toBeLessThanOrEqual(26);
    }
  });

  it('has valid sessions of every kind in both quarters', () => {
    for (const session of sessions) expect(schemaIssues(SurveySessionInputSchema, session)).toEqual([]);
    for (const quarterId of ['eving', 'marten']) {
      const kinds = sessions.filter((s) => s.quarterId === quarterId).map((s) => s.kind);
      expect(kinds.sort()).toEqual(['desk', 'quartierszirkel', 'resident_link', 'walkabout']);
    }
  });

  it('accepts every record with parseRecord and the shipped taxonomy', () => {
    const refused = records
      .map((record) => ({ id: record.id, result: parseRecord(record, taxonomy) }))
      .filter(({ result }) => !result.ok);
    expect(refused).toEqual([]);
  });

  it('gives every record a unique UUIDv7 and a session of its own quarter, or none', () => {
    const ids = [...records.map((r) => r.id), ...sessions.map((s) => s.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const record of records) {
      const { sessionId, quarterId } = record.properties;
      if (sessionId === undefined) continue;
      expect(sessions.find((s) => s.id === sessionId)?.quarterId).toBe(quarterId);
    }
    const withSession = records.filter((r) => r.properties.sessionId !== undefined).length;
    expect(withSession / records.length).toBeGreaterThan(0.8);
  });
});

describe('demo data contents', () => {
  it('has about 300 services covering every taxonomy category', () => {
    const services = ofKind('service');
    expect(services.length).toBeGreaterThanOrEqual(280);
    expect(services.length).toBeLessThanOrEqual(320);
    const categories = new Set(services.map((s) => s.properties.category));
    expect([...categories].sort()).toEqual(taxonomy.categories.map((c) => c.id).sort());
    const kitas = services.filter((s) => s.properties.category === 'kita');
    expect(kitas.every((k) => typeof k.properties.capacity === 'number')).toBe(true);
  });

  it('has about 60 vacancies, some drawn as shop-sized outlines', () => {
    const vacancies = ofKind('vacancy');
    expect(vacancies.length).toBeGreaterThanOrEqual(55);
    expect(vacancies.length).toBeLessThanOrEqual(65);
    const outlines = vacancies.filter((v) => v.geometry.type === 'Polygon');
    expect(outlines.length).toBeGreaterThan(10);
    for (const v of outlines) {
      expect(areaM2(v.geometry)).toBeGreaterThan(20);
      expect(areaM2(v.geometry)).toBeLessThan(420);
    }
  });

  it('has about 20 brownfields of 0.2–5 ha, a few still points', () => {
    const brownfields = ofKind('brownfield');
    expect(brownfields.length).toBeGreaterThanOrEqual(18);
    expect(brownfields.length).toBeLessThanOrEqual(22);
    expect(brownfields.filter((b) => b.geometry.type === 'Point').length).toBeGreaterThanOrEqual(2);
    for (const b of brownfields.filter((b) => b.geometry.type === 'Polygon')) {
      expect(areaM2(b.geometry)).toBeGreaterThan(2_000);
      expect(areaM2(b.geometry)).toBeLessThan(50_000);
    }
  });

  it('has about 250 needs in at least six languages, each text matching its category', () => {
    const needs = ofKind('need');
    expect(needs.length).toBeGreaterThanOrEqual(230);
    expect(needs.length).toBeLessThanOrEqual(270);
    expect(new Set(needs.map((n) => n.properties.lang).filter(Boolean)).size).toBeGreaterThanOrEqual(6);
    const texts = needTexts();
    for (const need of needs.filter((n) => n.properties.text !== undefined)) {
      const { text, lang, category } = need.properties;
      expect(texts).toContainEqual({ category, lang, text });
    }
    const zirkel = new Set(sessions.filter((s) => s.kind === 'quartierszirkel').map((s) => s.id));
    const zirkelNeeds = needs.filter((n) => zirkel.has(n.properties.sessionId ?? ''));
    expect(zirkelNeeds.length).toBeGreaterThan(50);
    expect(zirkelNeeds.every((n) => (n.properties.supporters as number) > 0)).toBe(true);
  });

  it('puts every point and every outline vertex inside its quarter', () => {
    expect(pointInRing([7.4652, 51.5136], outline('eving'))).toBe(false); // Dortmund's city centre
    const outside = records.filter(
      (r) => !positions(r.geometry).every((p) => pointInRing(p, outline(r.properties.quarterId))),
    );
    expect(outside.map((r) => r.id)).toEqual([]);
  });

  it('leaves the gaps a gap analysis should find', () => {
    const [eving, marten] = DEMO_QUARTERS;
    if (!eving || !marten) throw new Error('two demo quarters expected');
    const services = ofKind('service');
    const at = (quarterId: string, category: string) =>
      services
        .filter((s) => s.properties.quarterId === quarterId && s.properties.category === category)
        .map((s) => s.geometry.coordinates as LonLat);
    expect(at('marten', 'groceries').filter((p) => zone(marten, 'south').contains(p))).toEqual([]);
    expect(at('eving', 'kita').filter((p) => zone(eving, 'north').contains(p)).length).toBeLessThanOrEqual(1);
    expect(at('marten', 'library')).toEqual([]);
    const groceryNeedsSouth = ofKind('need').filter(
      (n) => n.properties.category === 'groceries' && zone(marten, 'south').contains(n.geometry.coordinates as LonLat),
    );
    expect(groceryNeedsSouth.length).toBeGreaterThanOrEqual(5);
  });
});

describe('EPSG:3035 and the population grid', () => {
  it('projects like the IOGP guidance note 7-2 example and PROJ test points', () => {
    const cases: [number, number, number, number][] = [
      [5, 50, 3962799.45, 2999718.85],
      [5, 60, 4041548.13, 4109791.66],
      [5, 70, 4127824.66, 5214090.65],
    ];
    for (const [lon, lat, e, n] of cases) {
      const [x, y] = toEpsg3035(lon, lat);
      expect(Math.abs(x - e)).toBeLessThan(0.01);
      expect(Math.abs(y - n)).toBeLessThan(0.01);
    }
  });

  it('round-trips a position in Eving to within a millimetre', () => {
    const [x, y] = toEpsg3035(7.47, 51.55);
    const [lon, lat] = fromEpsg3035(x, y);
    const metres = Math.hypot((lon - 7.47) * 111_320 * Math.cos((51.55 * Math.PI) / 180), (lat - 51.55) * 111_320);
    expect(metres).toBeLessThan(0.001);
  });

  it('writes plausible Zensus-style cells whose centres lie in a quarter', () => {
    const [header, ...rows] = file('population-100m.csv').trimEnd().split('\n');
    expect(header).toBe(POPULATION_HEADER);
    expect(rows.length).toBeGreaterThan(500);
    let total = 0;
    for (const row of rows) {
      const [id = '', ...numbers] = row.split(';');
      const [x = 0, y = 0, people = 0, under6 = 0, age6to10 = 0, age10to18 = 0, over65 = 0, over80 = 0] =
        numbers.map(Number);
      expect(id).toBe(`100mN${(y - 50) / 100}E${(x - 50) / 100}`);
      expect(people).toBeGreaterThan(0);
      expect(people).toBeLessThanOrEqual(250);
      expect(under6 + age6to10 + age10to18 + over65).toBeLessThanOrEqual(people);
      expect(over80).toBeLessThanOrEqual(over65);
      const centre = fromEpsg3035(x, y);
      expect(quarters.some((q) => pointInRing(centre, outline(q.id)))).toBe(true);
      total += people;
    }
    expect(total).toBeGreaterThan(15_000);
    expect(total).toBeLessThan(40_000);
  });
});
