import type { Taxonomy } from '@quartiersatlas/domain';
import type { Db } from '../db/schema.ts';
import { now } from './time.ts';

export async function getTaxonomy(db: Db): Promise<Taxonomy> {
  const row = await db.selectFrom('taxonomy').select('document').where('id', '=', 1).executeTakeFirstOrThrow();
  return JSON.parse(row.document) as Taxonomy;
}

export async function hasTaxonomy(db: Db): Promise<boolean> {
  return (await db.selectFrom('taxonomy').select('id').where('id', '=', 1).executeTakeFirst()) !== undefined;
}

export async function putTaxonomy(db: Db, taxonomy: Taxonomy): Promise<void> {
  const document = JSON.stringify(taxonomy);
  const updated = await db
    .updateTable('taxonomy')
    .set({ document, updated_at: now() })
    .where('id', '=', 1)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db.insertInto('taxonomy').values({ id: 1, document, updated_at: now() }).execute();
  }
}
