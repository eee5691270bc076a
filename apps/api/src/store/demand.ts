import { randomUUID } from 'node:crypto';
import type { DemandGroup } from '@quartiersatlas/domain';
import { DEMAND_GROUP_COLUMNS } from '../db/migrations.ts';
import type { Db, DemandCellsTable } from '../db/schema.ts';
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
}

// Each row binds 12 values; 1,000 rows stay below SQLite's variable limit.
const CHUNK = 1000;

/** Stores a population layer with its cells in one transaction. */
export async function insertDemandLayer(
  db: Db,
  layer: { name: string; sourceNote: string; demo: boolean; cells: readonly DemandCell[] },
): Promise<DemandLayer> {
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
  await db.transaction().execute(async (trx) => {
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
  });
  return {
    id,
    name: row.name,
    sourceNote: row.source_note,
    cellCount: row.cell_count,
    population,
    demo: layer.demo,
    createdAt: row.created_at,
  };
}

export async function listDemandLayers(db: Db): Promise<DemandLayer[]> {
  const rows = await db.selectFrom('demand_layers').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    sourceNote: row.source_note,
    cellCount: Number(row.cell_count),
    population: Number(row.population),
    demo: row.demo === 1,
    createdAt: row.created_at,
  }));
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
