import { bboxOf, type MultiPolygon, type Polygon, type Quarter } from '@quartiersatlas/domain';
import type { Db, QuartersTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { now } from './time.ts';

function fromRow(row: QuartersTable): Quarter {
  return {
    id: row.id,
    name: row.name,
    city: row.city,
    approximate: row.approximate === 1,
    sourceNote: row.source_note,
    geometry: JSON.parse(row.geometry) as Polygon | MultiPolygon,
    demo: row.demo === 1,
  };
}

export async function listQuarters(db: Db): Promise<Quarter[]> {
  const rows = await db.selectFrom('quarters').selectAll().orderBy('name').execute();
  return rows.map(fromRow);
}

export async function getQuarter(db: Db, id: string): Promise<Quarter | undefined> {
  const row = await db.selectFrom('quarters').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** The quarter, or 400 UNKNOWN_QUARTER naming `field` when it does not exist. */
export async function requireQuarter(db: Db, id: string, field = 'quarterId'): Promise<Quarter> {
  const quarter = await getQuarter(db, id);
  if (!quarter) {
    throw new AppError('UNKNOWN_QUARTER', { quarterId: id }, [
      { field, code: 'UNKNOWN_QUARTER', message: `there is no quarter "${id}"` },
    ]);
  }
  return quarter;
}

/** Creates the quarter or replaces its name, outline and notes; returns whether it was new. */
export async function putQuarter(db: Db, quarter: Quarter): Promise<boolean> {
  const [minLon, minLat, maxLon, maxLat] = bboxOf(quarter.geometry);
  const time = now();
  const values = {
    name: quarter.name,
    city: quarter.city,
    approximate: quarter.approximate ? 1 : 0,
    source_note: quarter.sourceNote,
    geometry: JSON.stringify(quarter.geometry),
    min_lon: minLon,
    min_lat: minLat,
    max_lon: maxLon,
    max_lat: maxLat,
    demo: quarter.demo ? 1 : 0,
    updated_at: time,
  };
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('quarters').select('id').where('id', '=', quarter.id).executeTakeFirst();
    if (existing) {
      await trx.updateTable('quarters').set(values).where('id', '=', quarter.id).execute();
      return false;
    }
    await trx
      .insertInto('quarters')
      .values({ id: quarter.id, created_at: time, ...values })
      .execute();
    return true;
  });
}
