import 'fake-indexeddb/auto';
import type { Taxonomy } from '@quartiersatlas/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import taxonomy from '../../../../data/taxonomy.json' with { type: 'json' };

import { sendPending } from './outbox.ts';
import { type Draft, residentDb } from './resident-db.ts';
import { submitDraft } from './submit.ts';
import { created, fail, fakeServer, ok } from './test-support.ts';

// Node, not jsdom: fake-indexeddb keeps Node's Blobs but not jsdom's. The outbox only asks the
// navigator for Web Locks, which Node lacks like older browsers do.
const stubNavigator = () => vi.stubGlobal('navigator', {});
stubNavigator();

const CODE = 'k7m2x9q4ab';
const LINK = { code: CODE, title: 'Aushang Bürgerhaus Eving', quarterId: 'eving', languages: ['de', 'ar'] };

function draft(voice = false): Draft & { category: string; point: [number, number]; quarterId: string } {
  return {
    linkCode: CODE,
    step: 'consent',
    category: 'kita',
    point: [7.4651, 51.5604],
    pointSource: 'location',
    quarterId: 'eving',
    text: 'Zu wenig Kita-Plätze',
    targetGroups: ['families'],
    voice: voice
      ? [
          {
            key: 'v1',
            blob: new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3])]),
            mime: 'audio/webm',
            size: 7,
          },
        ]
      : [],
  };
}

const needs = '/api/v1/resident/needs';

beforeEach(async () => {
  await Promise.all(residentDb.tables.map((table) => table.clear()));
  await residentDb.links.put({ code: CODE, link: LINK as never, token: null, closed: false });
});

afterEach(() => {
  vi.unstubAllGlobals();
  stubNavigator();
});

describe('the resident outbox', () => {
  it('keeps a submission made offline with its voice note and sends it, note first, once online', async () => {
    let online = false;
    const api = fakeServer({
      [`POST /api/v1/resident-links/by-code/${CODE}/devices`]: () =>
        online ? created({ token: 'qart_one' }) : 'network',
      'PUT /api/v1/media/*': () => created({}),
      [`POST ${needs}`]: () => (online ? created({ id: 'x', status: 'pending', submittedAt: 'now' }) : 'network'),
    });
    const item = await submitDraft(draft(true), 'de', taxonomy as Taxonomy);
    await sendPending();
    const waiting = await residentDb.outbox.get(item.receipt);
    expect(waiting?.state).toBe('waiting');
    expect(waiting?.error).toBe('network');
    expect(waiting?.voice[0]?.blob).not.toBeNull();
    expect(new Date(waiting?.nextAttemptAt ?? 0).getTime()).toBeGreaterThan(Date.now());
    expect(await residentDb.drafts.count()).toBe(0);

    // Not yet due: a plain round leaves it alone; "send now" (or coming online) sends it.
    online = true;
    await sendPending();
    expect((await residentDb.outbox.get(item.receipt))?.state).toBe('waiting');
    await sendPending({ force: true });

    const sent = await residentDb.outbox.get(item.receipt);
    expect(sent?.state).toBe('sent');
    expect(sent?.voice[0]?.blob).toBeNull();
    const order = api.calls.map(
      (call) => `${call.method} ${call.path.startsWith('/api/v1/media/') ? 'media' : call.path}`,
    );
    expect(order.slice(-2)).toEqual(['PUT media', `POST ${needs}`]);
    const body = api.called('POST', needs).at(-1)?.body as { feature: { properties: { media: string[] } } };
    expect(body).toMatchObject({
      receipt: item.receipt,
      consent: { noticeVersion: expect.any(String), lang: 'de' },
      feature: {
        id: item.feature.id,
        geometry: { type: 'Point', coordinates: [7.4651, 51.5604] },
        properties: { kind: 'need', category: 'kita', quarterId: 'eving', text: 'Zu wenig Kita-Plätze', lang: 'de' },
      },
    });
    expect(body.feature.properties.media).toHaveLength(1);
    expect(api.called('POST', needs).at(-1)?.authorization).toBe('Bearer qart_one');
    expect((await residentDb.links.get(CODE))?.token).toBe('qart_one');
  });

  it('counts the server’s 200 for a replay as sent', async () => {
    fakeServer({
      [`POST /api/v1/resident-links/by-code/${CODE}/devices`]: () => created({ token: 'qart_one' }),
      [`POST ${needs}`]: () => ok({ id: 'x', status: 'pending', submittedAt: 'then' }),
    });
    const item = await submitDraft(draft(), 'ar', taxonomy as Taxonomy);
    await sendPending();
    expect((await residentDb.outbox.get(item.receipt))?.state).toBe('sent');
  });

  it('registers the phone anew once when its token is gone', async () => {
    let tokens = 0;
    const api = fakeServer({
      [`POST /api/v1/resident-links/by-code/${CODE}/devices`]: () => created({ token: `qart_${++tokens}` }),
      [`POST ${needs}`]: () =>
        tokens === 1 ? fail(401, 'INVALID_TOKEN') : created({ id: 'x', status: 'pending', submittedAt: 'now' }),
    });
    const item = await submitDraft(draft(), 'de', taxonomy as Taxonomy);
    await sendPending();
    expect((await residentDb.outbox.get(item.receipt))?.state).toBe('sent');
    expect(api.called('POST', `/api/v1/resident-links/by-code/${CODE}/devices`)).toHaveLength(2);
    expect((await residentDb.links.get(CODE))?.token).toBe('qart_2');
  });

  it('keeps a refused submission as failed with the server’s reason, and retries a rate-limited one later', async () => {
    let answer = fail(400, 'VALIDATION_FAILED');
    fakeServer({
      [`POST /api/v1/resident-links/by-code/${CODE}/devices`]: () => created({ token: 'qart_one' }),
      [`POST ${needs}`]: () => answer,
    });
    const refused = await submitDraft(draft(), 'de', taxonomy as Taxonomy);
    await sendPending();
    expect(await residentDb.outbox.get(refused.receipt)).toMatchObject({ state: 'failed', error: 'VALIDATION_FAILED' });

    answer = fail(429, 'RATE_LIMITED');
    const limited = await submitDraft(draft(), 'de', taxonomy as Taxonomy);
    await sendPending();
    expect(await residentDb.outbox.get(limited.receipt)).toMatchObject({ state: 'waiting', error: 'RATE_LIMITED' });
  });

  it('marks the submission failed when the planning team closed the link', async () => {
    fakeServer({ [`POST /api/v1/resident-links/by-code/${CODE}/devices`]: () => fail(410, 'LINK_REVOKED') });
    const item = await submitDraft(draft(), 'de', taxonomy as Taxonomy);
    await sendPending();
    expect(await residentDb.outbox.get(item.receipt)).toMatchObject({ state: 'failed', error: 'LINK_REVOKED' });
    expect((await residentDb.links.get(CODE))?.closed).toBe(true);
  });
});
