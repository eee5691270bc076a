import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { newReceipt, PRIVACY_NOTICE_VERSION } from '@quartiersatlas/domain';
import { expect } from 'vitest';
import { needFeature, type TestApp } from './helpers.ts';

/** An Ogg page header (capture pattern, version 0, beginning-of-stream) and noise: a voice note to the server. */
export function voiceNote(size = 2048): Buffer {
  const page = Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.from([0x00, 0x02]), Buffer.alloc(8)]);
  return Buffer.concat([page, randomBytes(size - page.length)]);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function freshReceipt(): string {
  return newReceipt((length) => randomBytes(length));
}

export function mediaFile(t: TestApp, hash: string): string {
  return join(t.database.config.dataDir, 'media', hash.slice(0, 2), hash);
}

export function mediaFileExists(t: TestApp, hash: string): boolean {
  return existsSync(mediaFile(t, hash));
}

export interface Sent {
  id: string;
  receipt: string;
  point: [number, number];
  text: string;
  media: string[];
}

/**
 * A resident sends a need through a link, as the resident app does: the voice note first (if any),
 * then the need with consent and receipt. `token` is the anonymous device's (default: the test link's).
 */
export async function residentSends(
  t: TestApp,
  options: { point: [number, number]; text: string; lang?: string; withVoiceNote?: boolean; token?: string },
): Promise<Sent> {
  const headers = { authorization: `Bearer ${options.token ?? t.accounts.resident.token}` };
  const media: string[] = [];
  if (options.withVoiceNote) {
    const bytes = voiceNote();
    const hash = sha256(bytes);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/media/${hash}`,
      headers: { ...headers, 'content-type': 'audio/ogg' },
      body: bytes,
    });
    expect(put.statusCode, put.body).toBe(201);
    media.push(hash);
  }
  const feature = needFeature({ text: options.text, lang: options.lang ?? 'de', ...(media.length ? { media } : {}) });
  feature.geometry.coordinates = options.point;
  const receipt = freshReceipt();
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/resident/needs',
    headers,
    payload: {
      feature,
      consent: { noticeVersion: PRIVACY_NOTICE_VERSION, lang: options.lang ?? 'de', givenAt: new Date().toISOString() },
      receipt,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: feature.id, receipt, point: options.point, text: options.text, media };
}

/** Every row of the tables that could hold a resident's words or exact point, as one text. */
export async function everythingStored(t: TestApp): Promise<string> {
  const db = t.database.db;
  const tables = await Promise.all([
    db.selectFrom('records').selectAll().execute(),
    db.selectFrom('record_events').selectAll().execute(),
    db.selectFrom('conflicts').selectAll().execute(),
    db.selectFrom('sync_ops').selectAll().execute(),
    db.selectFrom('resident_submissions').selectAll().execute(),
    db.selectFrom('media').selectAll().execute(),
    db.selectFrom('media_uploads').selectAll().execute(),
  ]);
  return JSON.stringify(tables);
}

/** The digits of a point as they would appear in JSON. */
export function pointDigits([lon, lat]: [number, number]): string[] {
  return [String(lon), String(lat)];
}
