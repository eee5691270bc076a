/**
 * Generates the synthetic demo data in data/demo/ (quarters, sessions, records, population grid).
 * Byte-identical on every run: all randomness comes from named, seeded streams and all times are
 * fixed. `node --import tsx scripts/demo/generate.ts` writes the files; `--check` only compares
 * them and exits 1 when the checked-in files are stale.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Geometry, parseRecord, type RecordKind, type Taxonomy } from '@quartiersatlas/domain';
import taxonomyJson from '../../data/taxonomy.json' with { type: 'json' };
import { closedCcwRing, type LonLat } from './geo.ts';
import { type NeedChannel, needDraft } from './needs.ts';
import { makeContext, type QuarterContext } from './placement.ts';
import { type GridCell, populationCells, populationCsv } from './population.ts';
import { createRng, type Rng, uuidV7 } from './prng.ts';
import { DEMO_QUARTERS, type QuarterId, SOURCE_NOTE } from './quarters.ts';
import { renderReadme } from './readme.ts';
import { SERVICE_SPECS } from './service-catalogue.ts';
import { serviceDrafts } from './services.ts';
import { buildSessions, captureTime, type DemoSession, NO_SESSION_SPAN, sessionOf } from './sessions.ts';
import { brownfieldSites, type Site, vacancySites } from './sites.ts';

export const DEMO_DIR = fileURLToPath(new URL('../../data/demo/', import.meta.url));
export const GENERATED_NOTE = 'by scripts/demo/generate.ts — synthetic demo data, do not edit';

const VACANCIES: Record<QuarterId, number> = { eving: 36, marten: 24 };
const NEEDS: Record<QuarterId, number> = { eving: 145, marten: 105 };

type SessionChoice = DemoSession['kind'] | 'none';

export interface RecordFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: { kind: RecordKind; quarterId: QuarterId; sessionId?: string } & Record<string, unknown>;
}

class RecordBuilder {
  readonly features: RecordFeature[] = [];

  constructor(
    private readonly sessions: readonly DemoSession[],
    private readonly taxonomy: Taxonomy,
  ) {}

  add(
    kind: RecordKind,
    quarterId: QuarterId,
    choice: SessionChoice,
    geometry: Geometry,
    fields: Record<string, unknown>,
    rng: Rng,
  ): void {
    const session = choice === 'none' ? undefined : sessionOf(this.sessions, quarterId, choice);
    const feature: RecordFeature = {
      type: 'Feature',
      id: uuidV7(captureTime(session ?? NO_SESSION_SPAN, rng), rng),
      geometry,
      properties: {
        kind,
        quarterId,
        ...(session ? { sessionId: session.input.id } : {}),
        ...fields,
      },
    };
    const parsed = parseRecord(feature, this.taxonomy);
    if (!parsed.ok) {
      throw new Error(`generated an invalid ${kind} in ${quarterId}: ${JSON.stringify(parsed.issues)}`);
    }
    this.features.push(feature);
  }
}

function point(position: LonLat): Geometry {
  return { type: 'Point', coordinates: position };
}

function siteGeometry(site: Site): Geometry {
  return site.geometry.type === 'Point' ? point(site.geometry.coordinates) : site.geometry;
}

function addServices(ctx: QuarterContext, taxonomy: Taxonomy, records: RecordBuilder): void {
  const known = new Set(taxonomy.categories.map((c) => c.id));
  for (const id of Object.keys(SERVICE_SPECS)) {
    if (!known.has(id)) throw new Error(`service spec "${id}" is not a taxonomy category`);
  }
  for (const category of taxonomy.categories) {
    const spec = SERVICE_SPECS[category.id];
    if (!spec) throw new Error(`no demo services for taxonomy category "${category.id}": add it to services.ts`);
    const rng = createRng(`services:${ctx.quarter.id}:${category.id}`);
    for (const draft of serviceDrafts(ctx, category.id, spec, rng)) {
      const choice = rng.weighted<SessionChoice>([
        ['desk', 55],
        ['walkabout', 40],
        ['none', 5],
      ]);
      records.add(
        'service',
        ctx.quarter.id,
        choice,
        point(draft.position),
        { category: draft.category, ...draft.fields },
        rng,
      );
    }
  }
}

function addNeeds(ctx: QuarterContext, records: RecordBuilder): void {
  const rng = createRng(`needs:${ctx.quarter.id}`);
  for (let i = 0; i < NEEDS[ctx.quarter.id]; i++) {
    const channel = rng.weighted<NeedChannel>([
      ['resident_link', 50],
      ['quartierszirkel', 35],
      ['walkabout', 10],
      ['none', 5],
    ]);
    const draft = needDraft(ctx, channel, rng);
    records.add('need', ctx.quarter.id, channel, point(draft.position), draft.fields, rng);
  }
}

interface QuarterOutput {
  id: QuarterId;
  name: string;
  ring: LonLat[];
  cells: GridCell[];
}

/** Everything in data/demo, as file name → content. Pure: no I/O, no clock, no Math.random. */
export function generateDemoData(): Record<string, string> {
  const taxonomy = taxonomyJson as Taxonomy;
  const sessions = buildSessions();
  const records = new RecordBuilder(sessions, taxonomy);
  const quarters: QuarterOutput[] = [];

  for (const quarter of DEMO_QUARTERS) {
    const brownfieldRng = createRng(`brownfields:${quarter.id}`);
    const brownfields = brownfieldSites(quarter.id, brownfieldRng);
    const avoid = brownfields.flatMap((site) => (site.geometry.type === 'Polygon' ? site.geometry.coordinates : []));
    const ctx = makeContext(quarter, avoid);
    for (const site of brownfields) {
      const choice = brownfieldRng.weighted<SessionChoice>([
        ['desk', 6],
        ['walkabout', 4],
      ]);
      records.add('brownfield', quarter.id, choice, siteGeometry(site), site.fields, brownfieldRng);
    }
    const vacancyRng = createRng(`vacancies:${quarter.id}`);
    for (const site of vacancySites(ctx, VACANCIES[quarter.id], vacancyRng)) {
      const choice = vacancyRng.weighted<SessionChoice>([
        ['walkabout', 8],
        ['desk', 1],
        ['none', 1],
      ]);
      records.add('vacancy', quarter.id, choice, siteGeometry(site), site.fields, vacancyRng);
    }
    addServices(ctx, taxonomy, records);
    addNeeds(ctx, records);
    quarters.push({ id: quarter.id, name: quarter.name, ring: ctx.ring, cells: populationCells(ctx) });
  }

  const kindOrder: RecordKind[] = ['service', 'vacancy', 'brownfield', 'need'];
  const features = [...records.features].sort(
    (a, b) =>
      kindOrder.indexOf(a.properties.kind) - kindOrder.indexOf(b.properties.kind) ||
      compare(a.properties.quarterId, b.properties.quarterId) ||
      compare(a.id, b.id),
  );

  const quarterFeatures = quarters.map((q) => ({
    type: 'Feature',
    id: q.id,
    geometry: { type: 'Polygon', coordinates: [closedCcwRing(q.ring)] },
    properties: { name: q.name, city: 'Dortmund', approximate: true, sourceNote: SOURCE_NOTE },
  }));

  return {
    'README.md': renderReadme({
      features,
      sessions: sessions.map((s) => s.input),
      quarters: quarters.map((q) => ({ id: q.id, name: q.name, cells: q.cells })),
      categories: taxonomy.categories.map((c) => c.id),
    }),
    'population-100m.csv': populationCsv(quarters.flatMap((q) => q.cells)),
    'quarters.geojson': featureCollection({ generated: GENERATED_NOTE, demo: true }, quarterFeatures),
    'records.geojson': featureCollection({ generated: GENERATED_NOTE, demo: true }, features),
    'sessions.json': `${JSON.stringify(
      sessions.map((s) => s.input),
      null,
      2,
    )}\n`,
  };
}

/** Code-unit order, independent of the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One feature per line: small files and readable diffs when the generator changes. */
function featureCollection(members: Record<string, unknown>, features: readonly unknown[]): string {
  const head = JSON.stringify({ ...members, type: 'FeatureCollection' }).slice(0, -1);
  return `${head},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** Names of the checked-in files whose content differs from a fresh generation. */
export function staleFiles(files: Record<string, string>, dir = DEMO_DIR): string[] {
  return Object.entries(files)
    .filter(([name, content]) => {
      const path = resolve(dir, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== content;
    })
    .map(([name]) => name);
}

function main(args: readonly string[]): number {
  const files = generateDemoData();
  if (args.includes('--check')) {
    const stale = staleFiles(files);
    if (stale.length > 0) {
      console.error(`data/demo is stale (${stale.join(', ')}): run npm run demo:generate`);
      return 1;
    }
    process.stdout.write('data/demo is up to date\n');
    return 0;
  }
  mkdirSync(DEMO_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(resolve(DEMO_DIR, name), content);
    process.stdout.write(`wrote data/demo/${name} (${Buffer.byteLength(content)} bytes)\n`);
  }
  return 0;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  process.exitCode = main(process.argv.slice(2));
}
