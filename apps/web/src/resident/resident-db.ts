import type { Consent, PublicResidentLink, Taxonomy } from '@quartiersatlas/domain';
import Dexie, { type EntityTable } from 'dexie';
import type { QuarterCollection } from '../api/endpoints.ts';

/**
 * The resident's own database, apart from the field app's `quartiersatlas`: a phone that opened a
 * resident link holds no account, no records of others and no sync state, only its own submissions.
 */
export const RESIDENT_DB_NAME = 'quartiersatlas-resident';

/** A link this phone opened, and the anonymous token its device registration gave it. */
export interface StoredLink {
  code: string;
  link: PublicResidentLink;
  /** `qart_…`, or null until the phone registered itself (it may have been offline). */
  token: string | null;
  /** The server said 410: the planning team closed the link. */
  closed: boolean;
}

export interface OutboxVoice {
  sha256: string;
  mime: string;
  size: number;
  durationMs?: number;
  /** Dropped once the submission is sent: the server keeps the note, the phone need not. */
  blob: Blob | null;
}

/** The need as `POST /api/v1/resident/needs` takes it (`feature`). */
export interface ResidentFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    kind: 'need';
    quarterId: string;
    category: string;
    text?: string;
    lang?: string;
    targetGroups?: string[];
    media?: string[];
  };
}

export type SubmissionState = 'waiting' | 'sent' | 'failed';

/** A submission: written here first, shown with its receipt at once, sent when there is a network. */
export interface OutboxItem {
  receipt: string;
  linkCode: string;
  feature: ResidentFeature;
  consent: Consent;
  voice: OutboxVoice[];
  state: SubmissionState;
  /** The API's error code (translated as `error.<code>`) when the server refused it for good. */
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  /** Not before this time (ISO) unless the person asks to send now: exponential backoff. */
  nextAttemptAt: string;
}

/** What the person has entered so far, kept so that a look at the privacy notice or a reload loses nothing. */
export interface Draft {
  linkCode: string;
  step: DraftStep;
  category: string | null;
  point: [number, number] | null;
  /** How the point was set: the phone's location or a tap on the map. */
  pointSource: 'location' | 'map' | null;
  quarterId: string | null;
  text: string;
  targetGroups: string[];
  voice: { key: string; blob: Blob; mime: string; size: number; durationMs?: number }[];
}

export type DraftStep = 'category' | 'place' | 'details' | 'consent';

export interface PublicConfig {
  basemap: { styleUrl: string | null };
  privacy?: { retentionDays: number; noticeVersion: string; contact: string | null };
}

/** Cached answers of the public API, so the flow starts offline after one visit. */
export interface ResidentCache {
  taxonomy: Taxonomy;
  quarters: QuarterCollection;
  config: PublicConfig;
  /** The person chose a language on this phone once; later visits start at the category. */
  languageChosen: boolean;
}

export type ResidentDb = Dexie & {
  links: EntityTable<StoredLink, 'code'>;
  outbox: EntityTable<OutboxItem, 'receipt'>;
  drafts: EntityTable<Draft, 'linkCode'>;
  cache: EntityTable<{ key: keyof ResidentCache; value: unknown }, 'key'>;
};

function open(): ResidentDb {
  const db = new Dexie(RESIDENT_DB_NAME) as ResidentDb;
  db.version(1).stores({ links: 'code', outbox: 'receipt, linkCode, state', drafts: 'linkCode', cache: 'key' });
  return db;
}

export const residentDb = open();

export async function readCache<K extends keyof ResidentCache>(key: K): Promise<ResidentCache[K] | null> {
  return ((await residentDb.cache.get(key))?.value as ResidentCache[K] | undefined) ?? null;
}

export async function writeCache<K extends keyof ResidentCache>(key: K, value: ResidentCache[K]): Promise<void> {
  await residentDb.cache.put({ key, value });
}
