import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Role } from '@quartiersatlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createTestApp, DATABASES, type TestApp } from './helpers.ts';

const MiB = 1024 * 1024;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG (one grey pixel per `seed` value, so tests get distinct files). */
function png(seed = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, seed & 0xff]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG/JFIF start followed by `size` bytes of noise: a photo as far as the server looks. */
function jpeg(size: number): Buffer {
  const jfif = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00,
  ]);
  return Buffer.concat([jfif, randomBytes(size - jfif.length)]);
}

/** An Ogg page header (capture pattern, version 0, beginning-of-stream) and noise. */
function ogg(size: number): Buffer {
  const page = Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.from([0x00, 0x02]), Buffer.alloc(8)]);
  return Buffer.concat([page, randomBytes(size - page.length)]);
}

describe.each(DATABASES)('media upload on %s', (kind) => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    dataDir = t.database.config.dataDir;
  });
  afterAll(() => t.close());

  function put(
    hash: string,
    bytes: Buffer,
    options: { type?: string | null; range?: string; role?: Role | 'anonymous' } = {},
  ) {
    const type = options.type === undefined ? 'image/png' : options.type;
    return t.app.inject({
      method: 'PUT',
      url: `/api/v1/media/${hash}`,
      headers: {
        ...t.as(options.role ?? 'field', 'token'),
        ...(type === null ? {} : { 'content-type': type }),
        ...(options.range ? { 'content-range': options.range } : {}),
      },
      body: bytes,
    });
  }

  function chunk(file: Buffer, start: number, size: number, type = 'image/jpeg') {
    const end = Math.min(start + size, file.length) - 1;
    return put(sha256(file), file.subarray(start, end + 1), {
      type,
      range: `bytes ${start}-${end}/${file.length}`,
    });
  }

  function head(hash: string, role: Role | 'anonymous' = 'field') {
    return t.app.inject({ method: 'HEAD', url: `/api/v1/media/${hash}`, headers: t.as(role, 'token') });
  }

  function get(hash: string, headers: Record<string, string> = {}, role: Role | 'anonymous' = 'planner') {
    return t.app.inject({ method: 'GET', url: `/api/v1/media/${hash}`, headers: { ...t.as(role), ...headers } });
  }

  async function mediaRows(hash: string): Promise<{ media: number; uploads: number }> {
    const media = await t.database.db.selectFrom('media').select('sha256').where('sha256', '=', hash).execute();
    const uploads = await t.database.db
      .selectFrom('media_uploads')
      .select('sha256')
      .where('sha256', '=', hash)
      .execute();
    return { media: media.length, uploads: uploads.length };
  }

  const completePath = (hash: string) => join(dataDir, 'media', hash.slice(0, 2), hash);
  const partialFiles = () =>
    existsSync(join(dataDir, 'media', 'partial')) ? readdirSync(join(dataDir, 'media', 'partial')) : [];

  it('stores a whole photo and serves the identical bytes with caching headers', async () => {
    const file = png(1);
    const hash = sha256(file);
    const before = await head(hash);
    expect(before.statusCode).toBe(404);
    expect(before.headers['upload-offset']).toBe('0');

    const response = await put(hash, file);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ sha256: hash, size: file.length, mime: 'image/png', complete: true });
    expect(existsSync(completePath(hash))).toBe(true);

    const status = await head(hash);
    expect(status.statusCode).toBe(200);
    expect(status.headers['content-length']).toBe(String(file.length));
    expect(status.headers['content-type']).toBe('image/png');

    const served = await get(hash);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(file)).toBe(true);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['content-length']).toBe(String(file.length));
    expect(served.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers.etag).toBe(`"${hash}"`);
    expect((await get(hash, { 'if-none-match': `"${hash}"` })).statusCode).toBe(304);
  });

  it('uploads a 2.5 MB photo in 1 MiB chunks', async () => {
    const file = jpeg(2.5 * 1000 * 1000);
    const hash = sha256(file);
    const first = await chunk(file, 0, MiB);
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ sha256: hash, received: MiB, complete: false });
    expect(first.headers['upload-offset']).toBe(String(MiB));
    const second = await chunk(file, MiB, MiB);
    expect(second.statusCode).toBe(202);
    expect(second.json().received).toBe(2 * MiB);
    const last = await chunk(file, 2 * MiB, MiB);
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json()).toEqual({ sha256: hash, size: file.length, mime: 'image/jpeg', complete: true });

    const served = await get(hash);
    expect(served.rawPayload.equals(file)).toBe(true);
    expect(await mediaRows(hash)).toEqual({ media: 1, uploads: 0 });
    expect(partialFiles().filter((name) => name.startsWith(hash))).toEqual([]);
  });

  it('resumes an interrupted upload where the server stopped, and refuses a chunk at the wrong offset', async () => {
    const file = ogg(3 * MiB + 100);
    const hash = sha256(file);
    expect((await chunk(file, 0, MiB, 'audio/ogg')).statusCode).toBe(202);
    expect((await chunk(file, MiB, MiB, 'audio/ogg')).statusCode).toBe(202);

    // The connection dropped here; later the device asks where to continue.
    const status = await head(hash);
    expect(status.statusCode).toBe(404);
    expect(status.headers['upload-offset']).toBe(String(2 * MiB));

    // A retried chunk the server already has, and a chunk too far ahead, both point to the offset.
    for (const start of [MiB, 0, 3 * MiB]) {
      const wrong = await chunk(file, start, MiB, 'audio/ogg');
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json().code).toBe('MEDIA_OFFSET_MISMATCH');
      expect(wrong.json().details.offset).toBe(2 * MiB);
    }

    expect((await chunk(file, 2 * MiB, MiB, 'audio/ogg')).statusCode).toBe(202);
    const last = await chunk(file, 3 * MiB, MiB, 'audio/ogg');
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json().mime).toBe('audio/ogg');
    expect((await get(hash)).rawPayload.equals(file)).toBe(true);
  });

  it('discards an upload whose bytes do not match the hash and leaves nothing behind', async () => {
    const file = jpeg(MiB + 500);
    const claimed = sha256(jpeg(MiB + 500));

    const whole = await put(claimed, file, { type: 'image/jpeg' });
    expect(whole.statusCode).toBe(422);
    expect(whole.json().code).toBe('MEDIA_HASH_MISMATCH');
    expect(whole.json().details.actual).toBe(sha256(file));

    const range = (start: number, end: number) => `bytes ${start}-${end}/${file.length}`;
    const first = await put(claimed, file.subarray(0, MiB), { type: 'image/jpeg', range: range(0, MiB - 1) });
    expect(first.statusCode).toBe(202);
    const last = await put(claimed, file.subarray(MiB), { type: 'image/jpeg', range: range(MiB, file.length - 1) });
    expect(last.statusCode).toBe(422);
    expect(last.json().code).toBe('MEDIA_HASH_MISMATCH');

    expect(await mediaRows(claimed)).toEqual({ media: 0, uploads: 0 });
    expect(existsSync(completePath(claimed))).toBe(false);
    expect(partialFiles().filter((name) => name.startsWith(claimed))).toEqual([]);
    expect((await head(claimed)).headers['upload-offset']).toBe('0');
    expect((await get(claimed)).json().code).toBe('MEDIA_NOT_FOUND');
  });

  it('refuses bytes that are not what the content type says, and types it does not keep', async () => {
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const disguised = await put(sha256(html), html, { type: 'image/jpeg' });
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().code).toBe('MEDIA_TYPE_MISMATCH');
    expect(disguised.json().details[0].field).toBe('content-type');

    const file = png(2);
    const mislabelled = await put(sha256(file), file, { type: 'audio/webm' });
    expect(mislabelled.statusCode).toBe(415);
    expect(mislabelled.json().code).toBe('MEDIA_TYPE_MISMATCH');

    for (const type of ['image/svg+xml', 'text/html', 'application/json', null]) {
      const response = await put(sha256(file), file, { type });
      expect(response.statusCode, String(type)).toBe(415);
      expect(response.json().code).toBe('MEDIA_TYPE_NOT_ALLOWED');
      expect(response.json().details[0].field).toBe('content-type');
    }
    expect(await mediaRows(sha256(file))).toEqual({ media: 0, uploads: 0 });

    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(400)]);
    const voice = await put(sha256(webm), webm, { type: 'audio/webm;codecs=opus' });
    expect(voice.statusCode, voice.body).toBe(201);
    expect(voice.json().mime).toBe('audio/webm');
  });

  it('serves a photo that is also a web page only as a photo, with nothing it could run', async () => {
    // JPEG's first bytes pass the sniffing; what follows is a page with a script.
    const polyglot = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.from('<html><body><script>fetch("/api/v1/accounts")</script></body></html>'),
    ]);
    const hash = sha256(polyglot);
    expect((await put(hash, polyglot, { type: 'text/html' })).json().code).toBe('MEDIA_TYPE_NOT_ALLOWED');
    expect((await put(hash, polyglot, { type: 'image/jpeg' })).statusCode).toBe(201);
    const served = await get(hash);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    // Files are named by their hash alone: no name, so no ".html" a server or browser could go by.
    for (const url of [`/api/v1/media/${hash}.html`, `/api/v1/media/${hash}/x.html`]) {
      const response = await t.app.inject({ method: 'GET', url, headers: t.as('planner') });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('refuses an SVG or a page even when its bytes start like a photo would', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    for (const type of ['image/png', 'image/webp', 'image/jpeg']) {
      const response = await put(sha256(svg), svg, { type });
      expect(response.statusCode, type).toBe(415);
      expect(response.json().code).toBe('MEDIA_TYPE_MISMATCH');
    }
    // The first chunk of a chunked upload is checked the same way, before anything is kept.
    const page = Buffer.concat([Buffer.from('<!doctype html>'), randomBytes(2 * MiB)]);
    const first = await put(sha256(page), page.subarray(0, MiB), {
      type: 'image/jpeg',
      range: `bytes 0-${MiB - 1}/${page.length}`,
    });
    expect(first.statusCode).toBe(415);
    expect(await mediaRows(sha256(page))).toEqual({ media: 0, uploads: 0 });
    expect(partialFiles()).not.toContain(sha256(page));
  });

  it('refuses files over the size limit of their type and bodies over 4 MiB', async () => {
    const file = jpeg(MiB);
    const photo = await put(sha256(file), file, {
      type: 'image/jpeg',
      range: `bytes 0-${MiB - 1}/${15 * MiB + 1}`,
    });
    expect(photo.statusCode).toBe(413);
    expect(photo.json().code).toBe('MEDIA_TOO_LARGE');
    expect(photo.json().details).toEqual({ size: 15 * MiB + 1, limit: 15 * MiB });

    // Voice notes may be longer than photos are large.
    const voice = ogg(MiB);
    const accepted = await put(sha256(voice), voice, { type: 'audio/ogg', range: `bytes 0-${MiB - 1}/${20 * MiB}` });
    expect(accepted.statusCode).toBe(202);

    const huge = jpeg(4 * MiB + 1);
    const body = await put(sha256(huge), huge, { type: 'image/jpeg' });
    expect(body.statusCode).toBe(413);
    expect(body.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 200 to a repeated upload without writing the file again', async () => {
    const file = png(3);
    const hash = sha256(file);
    expect((await put(hash, file)).statusCode).toBe(201);
    const written = statSync(completePath(hash));
    const again = await put(hash, file);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ sha256: hash, size: file.length, mime: 'image/png', complete: true });
    const chunked = await put(hash, file.subarray(0, 20), { range: `bytes 0-19/${file.length}` });
    expect(chunked.statusCode).toBe(200);
    const after = statSync(completePath(hash));
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
    expect(await mediaRows(hash)).toEqual({ media: 1, uploads: 0 });
  });

  it('keeps one intact file when the same bytes are uploaded at the same time', async () => {
    const file = jpeg(2 * MiB + 10);
    const hash = sha256(file);
    const whole = jpeg(300_000);
    const answers = await Promise.all([
      put(sha256(whole), whole, { type: 'image/jpeg' }),
      put(sha256(whole), whole, { type: 'image/jpeg', role: 'resident' }),
      put(sha256(whole), whole, { type: 'image/jpeg', role: 'planner' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect((await get(sha256(whole))).rawPayload.equals(whole)).toBe(true);

    // Two devices (or a retry after a timeout) sending the same chunk: one is taken, the other learns the offset.
    const racing = await Promise.all([chunk(file, 0, MiB), chunk(file, 0, MiB)]);
    expect(racing.map((a) => a.statusCode).sort()).toEqual([202, 409]);
    expect(racing.find((a) => a.statusCode === 409)?.json().details.offset).toBe(MiB);
    const ends = await Promise.all([chunk(file, MiB, MiB), chunk(file, MiB, MiB)]);
    expect(ends.map((a) => a.statusCode).sort()).toEqual([202, 409]);
    const last = await Promise.all([chunk(file, 2 * MiB, MiB), chunk(file, 2 * MiB, MiB)]);
    expect(last.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    expect((await get(hash)).rawPayload.equals(file)).toBe(true);
    expect(await mediaRows(hash)).toEqual({ media: 1, uploads: 0 });
  });

  it('serves a byte range, as audio players ask for', async () => {
    const file = ogg(5000);
    const hash = sha256(file);
    expect((await put(hash, file, { type: 'audio/ogg' })).statusCode).toBe(201);
    const part = await get(hash, { range: 'bytes=100-199' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/5000');
    expect(part.rawPayload.equals(file.subarray(100, 200))).toBe(true);
    const tail = await get(hash, { range: 'bytes=-10' });
    expect(tail.rawPayload.equals(file.subarray(4990))).toBe(true);
    const unsatisfiable = await get(hash, { range: 'bytes=9000-' });
    expect(unsatisfiable.statusCode).toBe(200);
    expect(unsatisfiable.rawPayload.equals(file)).toBe(true);
  });

  it('lets residents attach media but not read it, and nobody who is not signed in', async () => {
    const file = png(4);
    const hash = sha256(file);
    for (const response of [await put(hash, file, { role: 'anonymous' }), await get(hash, {}, 'anonymous')]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('UNAUTHENTICATED');
    }
    expect((await head(hash, 'anonymous')).statusCode).toBe(401);
    expect(await mediaRows(hash)).toEqual({ media: 0, uploads: 0 });

    const uploaded = await put(hash, file, { role: 'resident' });
    expect(uploaded.statusCode).toBe(201);
    expect((await head(hash, 'resident')).statusCode).toBe(200);
    // A hash is all it takes to ask for a file, so residents read none back here (their receipt does).
    const read = await get(hash, {}, 'resident');
    expect(read.statusCode).toBe(403);
    expect(read.json().code).toBe('FORBIDDEN');
    expect((await get(hash, {}, 'planner')).rawPayload.equals(file)).toBe(true);
    const row = await t.database.db.selectFrom('media').selectAll().where('sha256', '=', hash).executeTakeFirst();
    expect(row?.created_by).toBe(t.accounts.resident.id);
  });

  it('names the field of a malformed hash or Content-Range', async () => {
    const file = png(5);
    const hash = sha256(file);
    for (const bad of [hash.toUpperCase(), hash.slice(1), `${hash.slice(1)}g`]) {
      const response = await put(bad, file);
      expect(response.statusCode).toBe(400);
      expect(response.json().details.map((d: { field: string }) => d.field)).toContain('sha256');
      expect((await get(bad)).statusCode).toBe(400);
    }
    const n = file.length;
    for (const range of ['bytes=0-10/20', `bytes 5-2/${n}`, `bytes 0-${n}/${n}`, `bytes 0-9/${n}`, 'bytes */20']) {
      const response = await put(hash, file, { range });
      expect(response.statusCode, range).toBe(400);
      expect(response.json().code).toBe('MEDIA_RANGE_INVALID');
      expect(response.json().details[0].field).toBe('content-range');
    }
    expect(await mediaRows(hash)).toEqual({ media: 0, uploads: 0 });
  });

  it('still refuses non-JSON bodies on the other routes and parses JSON there', async () => {
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: { ...t.as('planner'), 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // JSON is still parsed there: a broken body is malformed JSON, not an unsupported type.
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: { ...t.as('planner'), 'content-type': 'application/json' },
      body: '{"type": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('MALFORMED_JSON');
  });

  it('takes a file again when it went missing from the data directory', async () => {
    const file = png(7);
    const hash = sha256(file);
    expect((await put(hash, file)).statusCode).toBe(201);
    unlinkSync(completePath(hash));
    expect((await head(hash)).statusCode).toBe(404);
    expect((await get(hash)).json().code).toBe('MEDIA_NOT_FOUND');
    expect((await put(hash, file)).statusCode).toBe(201);
    expect((await get(hash)).rawPayload.equals(file)).toBe(true);
  });

  it('removes uploads abandoned for a week when the server starts', async () => {
    const stale = jpeg(MiB + 1);
    const fresh = jpeg(MiB + 1);
    expect((await chunk(stale, 0, MiB)).statusCode).toBe(202);
    expect((await chunk(fresh, 0, MiB)).statusCode).toBe(202);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3_600_000);
    await t.database.db
      .updateTable('media_uploads')
      .set({ updated_at: eightDaysAgo.toISOString() })
      .where('sha256', '=', sha256(stale))
      .execute();
    utimesSync(join(dataDir, 'media', 'partial', sha256(stale)), eightDaysAgo, eightDaysAgo);

    const restarted = await buildApp({ config: t.database.config, database: t.database });
    await restarted.ready();
    await restarted.close();

    expect(await mediaRows(sha256(stale))).toEqual({ media: 0, uploads: 0 });
    expect(partialFiles()).not.toContain(sha256(stale));
    expect((await head(sha256(stale))).headers['upload-offset']).toBe('0');
    expect((await head(sha256(fresh))).headers['upload-offset']).toBe(String(MiB));
  });
});
