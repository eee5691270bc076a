import { randomUUID } from 'node:crypto';
import { type DemandGroup, findCategory, type Taxonomy } from '@quartiersatlas/domain';
import { sql, type Transaction } from 'kysely';
import { DEMAND_GROUP_COLUMNS } from '../db/migrations.ts';
import type { Db, DemandCellsTable, Tables } from '../db/schema.ts';
import { now } from './time.ts';

export interface DemandCell {
  cellId: string;
  lon: number;
  lat: number;
  /** People per demand group in this cell. */
  groups: Partial<Record<DemandGroup, number>>;
}

export interface DemandLayer {
  id: string;
  name: string;
  sourceNote: string;
  cellCount: number;
  population: number;
  demo: boolean;
  createdAt: string;
  /** The demand groups with people in this layer: an under-10 grid has children, not everybody. */
  groups: DemandGroup[];
}

// Each row binds 12 values; 1,000 rows stay below SQLite's variable limit.
const CHUNK = 1000;

export interface NewDemandLayer {
  name: string;
  sourceNote: string;
  demo: boolean;
  cells: readonly DemandCell[];
}

/** Stores a population layer with its cells in one transaction. */
export async function insertDemandLayer(db: Db, layer: NewDemandLayer): Promise<DemandLayer> {
  return db.transaction().execute((trx) => writeDemandLayer(trx, layer));
}

/** Stores a population layer with its cells inside the caller's transaction (an import's). */
export async function writeDemandLayer(trx: Transaction<Tables>, layer: NewDemandLayer): Promise<DemandLayer> {
  const id = randomUUID();
  const population = layer.cells.reduce((sum, cell) => sum + (cell.groups.all ?? 0), 0);
  const row = {
    id,
    name: layer.name,
    source_note: layer.sourceNote,
    cell_count: layer.cells.length,
    population,
    demo: layer.demo ? 1 : 0,
    created_at: now(),
  };
  await trx.insertInto('demand_layers').values(row).execute();
  const rows: DemandCellsTable[] = layer.cells.map((cell, idx) => {
    const values = Object.fromEntries(DEMAND_GROUP_COLUMNS.map((g) => [g, cell.groups[g] ?? 0]));
    return { layer_id: id, idx, cell_id: cell.cellId, lon: cell.lon, lat: cell.lat, ...values } as DemandCellsTable;
  });
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto('demand_cells')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  const groups = DEMAND_GROUP_COLUMNS.filter((g) => layer.cells.some((cell) => (cell.groups[g] ?? 0) > 0));
  return {
    id,
    name: row.name,
    sourceNote: row.source_note,
    cellCount: row.cell_count,
    population,
    demo: layer.demo,
    createdAt: row.created_at,
    groups,
  };
}

/** Per layer, the demand groups with people in at least one cell. */
async function layerGroups(db: Db): Promise<Map<string, DemandGroup[]>> {
  const rows = await db
    .selectFrom('demand_cells')
    .select((eb) => ['layer_id', ...DEMAND_GROUP_COLUMNS.map((g) => eb.fn.max<number>(sql.ref(g)).as(g))])
    .groupBy('layer_id')
    .execute();
  const groups = new Map<string, DemandGroup[]>();
  for (const row of rows as Array<Record<string, unknown> & { layer_id: string }>) {
    groups.set(
      row.layer_id,
      DEMAND_GROUP_COLUMNS.filter((g) => Number(row[g]) > 0),
    );
  }
  return groups;
}

export async function listDemandLayers(db: Db): Promise<DemandLayer[]> {
  const [rows, groups] = await Promise.all([
    db.selectFrom('demand_layers').selectAll().orderBy('created_at', 'desc').orderBy('id').execute(),
    layerGroups(db),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    sourceNote: row.source_note,
    cellCount: Number(row.cell_count),
    population: Number(row.population),
    demo: row.demo === 1,
    createdAt: row.created_at,
    groups: groups.get(row.id) ?? [],
  }));
}

/**
 * The layer an analysis of `categoryId` uses when the request names none: the newest layer with
 * people of the category's demand group, so that a newer over-80 grid does not replace the
 * population of a groceries analysis. Unknown categories get the newest layer (the analysis then
 * refuses the category).
 */
export async function defaultDemandLayer(
  db: Db,
  taxonomy: Taxonomy,
  categoryId: string,
): Promise<DemandLayer | undefined> {
  const layers = await listDemandLayers(db);
  const group = findCategory(taxonomy, categoryId)?.demandGroup;
  if (group === undefined) return layers[0];
  return layers.find((layer) => layer.groups.includes(group));
}

/** Cell centres and the people of one demand group, in cell order. */
export async function demandCells(db: Db, layerId: string, group: DemandGroup) {
  return db
    .selectFrom('demand_cells')
    .select(['cell_id', 'lon', 'lat', `${group} as people`])
    .where('layer_id', '=', layerId)
    .orderBy('idx')
    .execute() as Promise<Array<{ cell_id: string; lon: number; lat: number; people: number }>>;
}
