import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db, StreetNetworksTable, Tables } from '../db/schema.ts';
import { now } from './time.ts';

/** A stored street network without its lines. */
export interface NetworkInfo {
  id: string;
  name: string;
  sourceNote: string;
  edgeCount: number;
  lengthM: number;
  bbox: [number, number, number, number];
  createdBy: string | null;
  createdAt: string;
}

export interface NewNetwork {
  name: string;
  sourceNote: string;
  edgeCount: number;
  lengthM: number;
  bbox: [number, number, number, number];
  /** The streets as arrays of [lon, lat]. */
  lines: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  createdBy: string | null;
}

const INFO_COLUMNS = [
  'id',
  'name',
  'source_note',
  'edge_count',
  'length_m',
  'bbox',
  'created_by',
  'created_at',
] as const;

function fromRow(row: Omit<StreetNetworksTable, 'lines'>): NetworkInfo {
  return {
    id: row.id,
    name: row.name,
    sourceNote: row.source_note,
    edgeCount: Number(row.edge_count),
    lengthM: Number(row.length_m),
    bbox: JSON.parse(row.bbox) as NetworkInfo['bbox'],
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Stores a street network inside the caller's transaction (an import's). */
export async function writeNetwork(trx: Transaction<Tables>, network: NewNetwork): Promise<NetworkInfo> {
  const row: StreetNetworksTable = {
    id: randomUUID(),
    name: network.name,
    source_note: network.sourceNote,
    edge_count: network.edgeCount,
    length_m: network.lengthM,
    bbox: JSON.stringify(network.bbox),
    lines: JSON.stringify(network.lines),
    created_by: network.createdBy,
    created_at: now(),
  };
  await trx.insertInto('street_networks').values(row).execute();
  return fromRow(row);
}

/** The network analyses use: the newest one. */
export async function newestNetwork(db: Db): Promise<NetworkInfo | undefined> {
  const row = await db
    .selectFrom('street_networks')
    .select(INFO_COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** A network's lines as the stored JSON text (the analysis worker parses it off the request thread). */
export async function networkLinesJson(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('street_networks').select('lines').where('id', '=', id).executeTakeFirst();
  return row?.lines;
}
