import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEMAND_GROUPS,
  geometryIssues,
  type MultiPolygon,
  type Polygon,
  parseRecord,
  quarterGeometry,
  type SurveySessionInput,
  type Taxonomy,
  taxonomyIssues,
  type ValidRecord,
} from '@quartiersatlas/domain';
import { parseZensusGrid } from '@quartiersatlas/gap';
import type { Db } from './db/schema.ts';
import { summarize } from './errors.ts';
import { type DemandCell, insertDemandLayer } from './store/demand.ts';
import { getMeta, setMeta } from './store/meta.ts';
import { putQuarter } from './store/quarters.ts';
import { insertRecords } from './store/records.ts';
import { insertSessions } from './store/sessions.ts';
import { getTaxonomy, hasTaxonomy, putTaxonomy } from './store/taxonomy.ts';

export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The taxonomy shipped in data/ becomes the database's on first start; planners edit it from then on. */
export async function seedTaxonomy(db: Db, file = join(DATA_DIR, 'taxonomy.json')): Promise<boolean> {
  if (await hasTaxonomy(db)) return false;
  const taxonomy = readJson(file);
  const issues = taxonomyIssues(taxonomy);
  if (issues.length > 0) throw new Error(`${file} is not a valid taxonomy: ${summarize(issues)}`);
  await putTaxonomy(db, taxonomy as Taxonomy);
  return true;
}

interface FeatureCollection {
  features: Array<{ id: string; geometry: unknown; properties: Record<string, unknown> }>;
}

export interface DemoSummary {
  quarters: number;
  sessions: number;
  records: number;
}

const DEMO_FLAG = 'demo_loaded';

/**
 * Loads the synthetic demo data once per database. Every step skips what is already there, so a
 * start interrupted half-way completes on the next one, and later starts change nothing (even if
 * demo records were edited or deleted meanwhile).
 */
export async function loadDemoData(db: Db, dir = join(DATA_DIR, 'demo')): Promise<DemoSummary | null> {
  if ((await getMeta(db, DEMO_FLAG)) !== undefined) return null;
  const taxonomy = await getTaxonomy(db);

  const quarters = readJson(join(dir, 'quarters.geojson')) as FeatureCollection;
  for (const feature of quarters.features) {
    const issues = geometryIssues(feature.geometry, quarterGeometry);
    if (issues.length > 0) throw new Error(`demo quarter ${feature.id}: ${summarize(issues)}`);
    const p = feature.properties;
    await putQuarter(db, {
      id: feature.id,
      name: String(p.name),
      city: String(p.city),
      approximate: p.approximate === true,
      sourceNote: String(p.sourceNote),
      geometry: feature.geometry as Polygon | MultiPolygon,
      demo: true,
    });
  }

  const sessions = readJson(join(dir, 'sessions.json')) as { sessions: SurveySessionInput[] } | SurveySessionInput[];
  const sessionList = Array.isArray(sessions) ? sessions : sessions.sessions;
  const knownSessions = new Set((await db.selectFrom('survey_sessions').select('id').execute()).map((r) => r.id));
  const newSessions = sessionList.filter((s) => !knownSessions.has(s.id.toLowerCase()));
  await insertSessions(db, newSessions, { createdBy: null, demo: true });

  const records = readJson(join(dir, 'records.geojson')) as FeatureCollection;
  const valid: ValidRecord[] = [];
  for (const feature of records.features) {
    const parsed = parseRecord(feature, taxonomy);
    if (!parsed.ok) throw new Error(`demo record ${feature.id}: ${summarize(parsed.issues)}`);
    valid.push(parsed.value);
  }
  const knownRecords = new Set(
    (await db.selectFrom('records').select('id').where('demo', '=', 1).execute()).map((r) => r.id),
  );
  await insertRecords(
    db,
    valid.filter((r) => !knownRecords.has(r.id)),
    { createdBy: null, status: 'published', demo: true },
  );
  await setMeta(db, DEMO_FLAG, new Date().toISOString());
  return { quarters: quarters.features.length, sessions: sessionList.length, records: valid.length };
}

const DEMO_POPULATION_FLAG = 'demo_population_loaded';

/**
 * Loads the synthetic 100 m population grid of the demo as the first demand layer, once per
 * database, read with the same Zensus parser a real grid goes through.
 */
export async function loadDemoPopulation(
  db: Db,
  file = join(DATA_DIR, 'demo', 'population-100m.csv'),
): Promise<number | null> {
  if ((await getMeta(db, DEMO_POPULATION_FLAG)) !== undefined) return null;
  const text = readFileSync(file, 'utf8');
  const cells = new Map<string, DemandCell>();
  for (const group of DEMAND_GROUPS) {
    const parsed = parseZensusGrid(text, { group });
    if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => p.reason).join('; ')}`);
    const { ids, x, y, weight } = parsed.layer;
    ids.forEach((id, i) => {
      const cell: DemandCell = cells.get(id) ?? { cellId: id, lon: x[i] as number, lat: y[i] as number, groups: {} };
      cell.groups[group] = weight[i] as number;
      cells.set(id, cell);
    });
  }
  const layer = await insertDemandLayer(db, {
    name: 'Demo: synthetic 100 m population grid',
    sourceNote: 'Synthetic, generated by scripts/demo/generate.ts for trying the app; not Zensus figures.',
    demo: true,
    cells: [...cells.values()],
  });
  await setMeta(db, DEMO_POPULATION_FLAG, layer.id);
  return layer.cellCount;
}
