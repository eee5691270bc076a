import type { MultiPolygon, Polygon, Quarter } from '@quartiersatlas/domain';
import type { PointLayer } from '@quartiersatlas/gap';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import type { Db } from '../db/schema.ts';
import { demandCells } from '../store/demand.ts';
import { networkLinesJson, newestNetwork } from '../store/networks.ts';
import { listRecords, type StoredRecord } from '../store/records.ts';
import type { NetworkRef, ResolvedParameters } from './params.ts';

/** Everything a gap analysis reads, as plain typed arrays that cross into a worker thread by copy. */
export interface AnalysisData {
  demand: PointLayer;
  supply: PointLayer;
  needs: PointLayer;
  sites: PointLayer & { kinds: string[] };
  quarters: Array<{ id: string; name: string; geometry: Polygon | MultiPolygon }>;
  /** The street network to walk on, its lines as the stored JSON text; null: straight line × detour. */
  network?: (NetworkRef & { lines: string }) | null;
}

function layer(points: Array<{ id: string; x: number; y: number; weight: number }>): PointLayer {
  return {
    ids: points.map((p) => p.id),
    x: Float64Array.from(points, (p) => p.x),
    y: Float64Array.from(points, (p) => p.y),
    weight: Float64Array.from(points, (p) => p.weight),
    crs: 'wgs84',
  };
}

function pointOf(record: StoredRecord): [number, number] {
  if (record.geometry.type === 'Point') return [record.geometry.coordinates[0], record.geometry.coordinates[1]];
  const [x, y] = centroid(record.geometry).geometry.coordinates as [number, number];
  return [x, y];
}

async function allRecords(
  db: Db,
  filter: Omit<Parameters<typeof listRecords>[1], 'limit' | 'after'>,
): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listRecords(db, { ...filter, statuses: ['published'], limit: 10_000, after });
    out.push(...page.records);
    if (!page.hasMore) return out;
    after = page.records.at(-1)?.id;
  }
}

/** The network the job walks on: the one it was created with, else the newest; null for straight lines. */
async function loadNetwork(db: Db, parameters: ResolvedParameters): Promise<AnalysisData['network']> {
  // Jobs stored before street networks existed have no `costs`: they ran on straight lines.
  if (parameters.costs !== 'network') return null;
  const ref = parameters.network ?? (await newestNetwork(db));
  if (!ref) return null;
  const lines = await networkLinesJson(db, ref.id);
  if (lines === undefined) throw new Error(`the street network ${ref.id} of this analysis is gone`);
  return { id: ref.id, name: ref.name, lines };
}

/**
 * Supply is every published service of the category, also outside the chosen quarters: a Kita
 * across the boundary still serves the children inside. Demand, needs and candidate sites are
 * those inside the chosen quarters.
 */
export async function loadAnalysisData(
  db: Db,
  parameters: ResolvedParameters,
  quarters: Quarter[],
): Promise<AnalysisData> {
  const chosen = quarters.filter((q) => parameters.quarters.includes(q.id));
  const inside = (lon: number, lat: number) => chosen.some((q) => booleanPointInPolygon([lon, lat], q.geometry));

  const cells = await demandCells(db, parameters.demandLayer, parameters.demandGroup);
  const demand = layer(
    cells
      .filter((c) => Number(c.people) > 0 && inside(c.lon, c.lat))
      .map((c) => ({ id: c.cell_id, x: c.lon, y: c.lat, weight: Number(c.people) })),
  );

  const services = await allRecords(db, { kinds: ['service'], categories: [parameters.category] });
  const capacities = services.map((s) => s.fields.capacity).filter((c): c is number => typeof c === 'number' && c > 0);
  // A Kita whose places nobody counted yet still has places: assume the median of those counted.
  const typical =
    capacities.length > 0 ? ([...capacities].sort((a, b) => a - b)[Math.floor(capacities.length / 2)] ?? 1) : 1;
  const supply = layer(
    services.map((s) => {
      const [x, y] = pointOf(s);
      const capacity = typeof s.fields.capacity === 'number' && s.fields.capacity > 0 ? s.fields.capacity : typical;
      return { id: s.id, x, y, weight: parameters.supplyUnit === 'places' ? capacity : 1 };
    }),
  );

  const quarterIds = chosen.map((q) => q.id);
  const needRecords = (await allRecords(db, { kinds: ['need'], categories: [parameters.category] })).filter((n) =>
    quarterIds.includes(n.quarterId),
  );
  const needs = layer(
    needRecords.map((n) => {
      const [x, y] = pointOf(n);
      return { id: n.id, x, y, weight: 1 + (typeof n.fields.supporters === 'number' ? n.fields.supporters : 0) };
    }),
  );

  const siteRecords = (await allRecords(db, { kinds: ['vacancy', 'brownfield'] })).filter((s) =>
    quarterIds.includes(s.quarterId),
  );
  const sites = {
    ...layer(
      siteRecords.map((s) => {
        const [x, y] = pointOf(s);
        return { id: s.id, x, y, weight: 1 };
      }),
    ),
    kinds: siteRecords.map((s) => s.kind),
  };
  return {
    demand,
    supply,
    needs,
    sites,
    quarters: chosen.map((q) => ({ id: q.id, name: q.name, geometry: q.geometry })),
    network: await loadNetwork(db, parameters),
  };
}
