import {
  type ClientRecord,
  clientFeature,
  createFetchTransport,
  MemoryStore,
  newOpId,
  SyncEngine,
  type SyncOp,
  type SyncRow,
  SyncTransportError,
} from '@quartiersatlas/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putQuarter } from '../src/store/quarters.ts';
import { fromRow, toFeature } from '../src/store/records.ts';
import { createTestApp, DATABASES, TEST_QUARTER, type TestApp } from './helpers.ts';

/**
 * Several devices work offline against the real API over a network that loses requests and
 * answers and repeats requests, in an order fast-check picks; once the network heals and every
 * device has synced until it is quiet, all devices must hold exactly the server's records, every op
 * must have been applied exactly once, and every same-field clash must be listed for planners.
 */

type Fault = 'ok' | 'drop-request' | 'drop-response' | 'duplicate' | 'edit-meanwhile';

type Change =
  | { field: 'note'; value: string }
  | { field: 'category'; step: number }
  | { field: 'geometry'; spot: number };

type Command =
  | { type: 'create'; device: number; kind: 'service' | 'need'; spot: number; note: string }
  | { type: 'edit'; device: number; pick: number; change: Change }
  | { type: 'delete'; device: number; pick: number }
  | { type: 'restore'; device: number; pick: number }
  | { type: 'support'; device: number; pick: number }
  | { type: 'photo'; device: number; pick: number; seed: number }
  | { type: 'sync'; device: number; faults: Fault[] };

/** Categories of one taxonomy field per kind, so a category edit keeps the record valid. */
const CATEGORIES = { service: ['groceries', 'bakery', 'pharmacy'], need: ['kita', 'family_centre', 'youth_centre'] };
/** Few values, so that devices often pick the same field and different values. */
const NOTES = ['Eingang hinten', 'Rampe fehlt', 'nur vormittags', 'geschlossen?'];
const ROLES = ['field', 'field', 'planner', 'planner'] as const;
const MEDIA_CHUNK_BYTES = 16;

/** Points on a 4×4 grid inside the test quarter. */
function spotGeometry(spot: number) {
  const [x, y] = [spot % 4, Math.floor(spot / 4) % 4];
  return { type: 'Point' as const, coordinates: [7.462 + x * 0.003, 51.551 + y * 0.002] };
}

const device = fc.nat({ max: ROLES.length - 1 });
const pick = fc.nat({ max: 50 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({
      type: fc.constant('create' as const),
      device,
      kind: fc.constantFrom('service' as const, 'need' as const),
      spot: fc.nat({ max: 15 }),
      note: fc.constantFrom(...NOTES),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('edit' as const),
      device,
      pick,
      change: fc.oneof(
        fc.record({ field: fc.constant('note' as const), value: fc.constantFrom(...NOTES) }),
        fc.record({ field: fc.constant('category' as const), step: fc.integer({ min: 1, max: 2 }) }),
        fc.record({ field: fc.constant('geometry' as const), spot: fc.nat({ max: 15 }) }),
      ),
    }),
    weight: 8,
  },
  { arbitrary: fc.record({ type: fc.constant('delete' as const), device, pick }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant('restore' as const), device, pick }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant('support' as const), device, pick }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant('photo' as const), device, pick, seed: fc.nat({ max: 3 }) }), weight: 1 },
  {
    arbitrary: fc.record({
      type: fc.constant('sync' as const),
      device,
      faults: fc.array(fc.constantFrom<Fault>('ok', 'drop-request', 'drop-response', 'duplicate', 'edit-meanwhile'), {
        maxLength: 5,
      }),
    }),
    weight: 6,
  },
);

const scenarioArb = fc.record({
  shared: fc.array(
    fc.record({
      type: fc.constant('create' as const),
      device,
      kind: fc.constantFrom('service' as const, 'need' as const),
      spot: fc.nat({ max: 15 }),
      note: fc.constantFrom(...NOTES),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  commands: fc.array(commandArb, { minLength: 10, maxLength: 80 }),
});

interface Device {
  id: string;
  store: MemoryStore;
  engine: SyncEngine;
  faults: Fault[];
}

type SyncFeature = NonNullable<SyncRow['feature']>;

interface SentOp {
  deviceId: string;
  op: SyncOp;
}

/** What one property run records besides the devices. */
interface Run {
  quarter: string;
  /** Every op in every push request, resends and duplicates included. */
  sent: SentOp[];
  /** Ids of every op a local write ever put in an outbox. */
  queued: Set<string>;
  created: Set<string>;
}

async function noteQueued(run: Run, store: MemoryStore): Promise<void> {
  for (const op of await store.ops(Number.MAX_SAFE_INTEGER)) run.queued.add(op.opId);
}

/** A stable text form of a value: object keys sorted, so field order does not matter. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function chosen(records: ClientRecord[], index: number, fit: (record: ClientRecord) => boolean) {
  const candidates = records.filter(fit).sort((a, b) => a.id.localeCompare(b.id));
  return candidates.length === 0 ? undefined : candidates[index % candidates.length];
}

/** `fetch` over `app.inject`, through the device's queue of faults for the requests of this round. */
function injectFetch(t: TestApp, target: { faults: Fault[] }, run: Run, meanwhile: () => Promise<void>): typeof fetch {
  const once = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const { pathname, search } = new URL(url);
    const body = init.body;
    const response = await t.app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: pathname + search,
      headers: init.headers as Record<string, string>,
      ...(body === undefined || body === null
        ? {}
        : { payload: typeof body === 'string' ? body : Buffer.from(body as Uint8Array) }),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const empty = init.method === 'HEAD' || response.statusCode === 204;
    return new Response(empty ? null : response.rawPayload, { status: response.statusCode, headers });
  };
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/api/v1/sync/push')) {
      const request = JSON.parse(String(init?.body)) as { deviceId: string; ops: SyncOp[] };
      for (const op of request.ops) run.sent.push({ deviceId: request.deviceId, op });
    }
    const fault = target.faults.shift() ?? 'ok';
    switch (fault) {
      case 'drop-request':
        throw new TypeError('fetch failed: request lost');
      case 'drop-response':
        await once(url, init);
        throw new TypeError('fetch failed: answer lost');
      case 'duplicate': {
        const [, second] = await Promise.all([once(url, init), once(url, init)]);
        return second;
      }
      case 'edit-meanwhile':
        await meanwhile();
        return once(url, init);
      case 'ok':
        return once(url, init);
    }
  }) as typeof fetch;
}

function makeDevice(t: TestApp, role: (typeof ROLES)[number], run: Run): Device {
  const store = new MemoryStore();
  const target = { id: newOpId(), store, faults: [] as Fault[] };
  let edits = 0;
  // A local edit while a request is on its way: it must not touch what was already sent.
  const meanwhile = async () => {
    const record = chosen(store.allRecords(), edits, (r) => !r.deleted);
    edits += 1;
    if (record) await store.updateRecord(record.id, { properties: { note: `unterwegs ${edits}` } });
    await noteQueued(run, store);
  };
  const auth = t.as(role, 'token');
  const transport = createFetchTransport({
    baseUrl: 'http://quartiersatlas.test',
    headers: () => auth,
    fetch: injectFetch(t, target, run, meanwhile),
  });
  const engine = new SyncEngine({
    store,
    transport,
    deviceId: target.id,
    scope: { quarters: [run.quarter] },
    mediaChunkBytes: MEDIA_CHUNK_BYTES,
  });
  // The same object the fetch reads its faults from.
  return Object.assign(target, { engine });
}

async function execute(command: Command, devices: Device[], run: Run): Promise<void> {
  const target = devices[command.device];
  if (!target) return;
  await perform(command, target, run);
  await noteQueued(run, target.store);
}

async function perform(command: Command, target: Device, run: Run): Promise<void> {
  const { store } = target;
  const live = (record: ClientRecord) => !record.deleted;
  const records = store.allRecords();
  switch (command.type) {
    case 'create': {
      const geometry = spotGeometry(command.spot);
      const categories = CATEGORIES[command.kind];
      const properties =
        command.kind === 'need'
          ? { kind: 'need', quarterId: run.quarter, category: categories[0], text: 'Hier fehlt etwas.', lang: 'de' }
          : { kind: 'service', quarterId: run.quarter, category: categories[0], name: 'Laden' };
      run.created.add((await store.createRecord({ geometry, properties: { ...properties, note: command.note } })).id);
      return;
    }
    case 'edit': {
      const record = chosen(records, command.pick, live);
      if (!record) return;
      const change = command.change;
      if (change.field === 'note') await store.updateRecord(record.id, { properties: { note: change.value } });
      if (change.field === 'geometry') await store.updateRecord(record.id, { geometry: spotGeometry(change.spot) });
      if (change.field === 'category') {
        const kind = record.feature.properties.kind as 'service' | 'need';
        const list = CATEGORIES[kind];
        const at = list.indexOf(String(record.feature.properties.category));
        await store.updateRecord(record.id, { properties: { category: list[(at + change.step) % list.length] } });
      }
      return;
    }
    case 'delete': {
      const record = chosen(records, command.pick, live);
      if (record) await store.deleteRecord(record.id);
      return;
    }
    case 'restore': {
      const record = chosen(records, command.pick, (r) => r.deleted);
      if (record) await store.restoreRecord(record.id);
      return;
    }
    case 'support': {
      const record = chosen(records, command.pick, (r) => live(r) && r.feature.properties.kind === 'need');
      if (record) await store.addSupporter(record.id);
      return;
    }
    case 'photo': {
      const record = chosen(records, command.pick, live);
      if (!record) return;
      // A JPEG signature, then bytes unique to this photo, long enough for several chunks.
      const tail = new TextEncoder().encode(`${record.id}:${command.seed}:`.repeat(2));
      await store.addMedia(record.id, Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...tail]), 'image/jpeg');
      return;
    }
    case 'sync':
      target.faults = [...command.faults];
      // A lost request is what this test is about: the next round must pick up where it stopped.
      // Anything else (a 5xx, an engine bug) fails the test.
      await target.engine.sync().catch((error: unknown) => {
        if (!(error instanceof SyncTransportError && error.code === 'NETWORK')) throw error;
      });
      target.faults = [];
      return;
  }
}

/** Syncs every device until no outbox holds anything, then once more so all pull the final state. */
async function heal(devices: Device[]): Promise<void> {
  for (let round = 0; round < 8; round++) {
    for (const d of devices) await d.engine.sync();
    const waiting = await Promise.all(
      devices.map(async (d) => (await d.store.countOps()) + (await d.store.pendingMedia()).length),
    );
    if (waiting.every((n) => n === 0)) {
      for (const d of devices) await d.engine.sync();
      return;
    }
  }
  throw new Error('the outboxes did not empty after 8 rounds on a healthy network');
}

/**
 * Same-field clashes the server must have recorded, whatever order the ops arrived in: exactly two
 * updates changed a field of a record, from two devices, from the same base version, to different
 * values, and nobody deleted or restored the record. (With more writes to the field a later one
 * may legitimately set it back, so that nothing is overwritten and nothing is lost.)
 */
function expectedClashes(sent: SentOp[]): Array<{ recordId: string; field: string }> {
  const ops = [...new Map(sent.map(({ deviceId, op }) => [op.opId, { deviceId, op }])).values()];
  const wholeRecord = new Set(
    ops
      .filter(({ op }) => op.type === 'delete' || (op.type === 'update' && op.payload.restore))
      .map(({ op }) => op.recordId),
  );
  const writes = new Map<string, Array<{ deviceId: string; base: number | null; value: string }>>();
  for (const { deviceId, op } of ops) {
    if (op.type !== 'update' || wholeRecord.has(op.recordId)) continue;
    const fields: Array<[string, unknown]> = Object.entries(op.payload.properties ?? {});
    if (op.payload.geometry) fields.push(['geometry', op.payload.geometry]);
    for (const [field, value] of fields) {
      const key = `${op.recordId}|${field}`;
      writes.set(key, [...(writes.get(key) ?? []), { deviceId, base: op.baseVersion, value: canonical(value) }]);
    }
  }
  const clashes: Array<{ recordId: string; field: string }> = [];
  for (const [key, [first, second, ...more]] of writes) {
    if (!first || !second || more.length > 0 || first.base === null) continue;
    if (first.deviceId === second.deviceId || first.base !== second.base || first.value === second.value) continue;
    const [recordId = '', field = ''] = key.split('|');
    clashes.push({ recordId, field });
  }
  return clashes;
}

describe.each(DATABASES)('sync convergence on %s', (kind) => {
  let t: TestApp;
  let runs = 0;

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('devices on a faulty network end with exactly the server state, each op applied once', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ shared, commands }) => {
        runs += 1;
        // Every run in its own quarter, so the runs share one server without seeing each other.
        const run: Run = { quarter: `konvergenz-${runs}`, sent: [], queued: new Set(), created: new Set() };
        await putQuarter(t.database.db, { ...TEST_QUARTER, id: run.quarter, name: run.quarter });
        const devices = ROLES.map((role) => makeDevice(t, role, run));
        // Records every device has before going offline, so that their edits can clash.
        for (const command of shared) await execute(command, devices, run);
        for (const d of devices) await d.engine.sync();
        for (const command of commands) await execute(command, devices, run);
        await heal(devices);
        await checkConverged(t, devices, run);
      }),
      { numRuns: 40 },
    );
    // About ten seconds on an idle machine; the margin is for busy CI runners.
  }, 180_000);
});

async function checkConverged(t: TestApp, devices: Device[], { quarter, sent, queued, created }: Run) {
  for (const d of devices) {
    expect(await d.store.rejected(), 'no valid change is refused').toEqual([]);
    expect(await d.store.countOps()).toBe(0);
  }

  const rows = (await t.database.db.selectFrom('records').selectAll().where('quarter_id', '=', quarter).execute()).map(
    fromRow,
  );
  const live = new Map(
    rows.filter((row) => !row.deleted).map((row) => [row.id, canonical(clientFeature(toFeature(row) as SyncFeature))]),
  );
  for (const d of devices) {
    const local = new Map(d.store.allRecords().map((record) => [record.id, record]));
    expect(
      [...local.values()].filter((record) => record.deleted),
      'no deleted copies left behind',
    ).toEqual([]);
    expect([...local.keys()].sort(), 'the same records as the server').toEqual([...live.keys()].sort());
    for (const [id, feature] of live) expect(canonical(local.get(id)?.feature), `record ${id}`).toBe(feature);
  }

  // No op lost: every record a device created reached the server; it is gone only if a device deleted it.
  const deletedBy = new Set(sent.filter(({ op }) => op.type === 'delete').map(({ op }) => op.recordId));
  const stored = new Map(rows.map((row) => [row.id, row]));
  for (const id of created) {
    expect(stored.has(id), `created record ${id} is on the server`).toBe(true);
    if (stored.get(id)?.deleted) expect(deletedBy.has(id), `record ${id} was deleted by a device`).toBe(true);
  }

  // None applied twice: devices send only ops their local writes queued (a resend keeps its opId),
  // and the server's op log holds each of them exactly once.
  const logged = await t.database.db
    .selectFrom('sync_ops')
    .select(['op_id', 'device_id'])
    .where(
      'device_id',
      'in',
      devices.map((d) => d.id),
    )
    .execute();
  const sentIds = new Set(sent.map(({ op }) => op.opId));
  expect(
    [...sentIds].filter((id) => !queued.has(id)),
    'ops no local write queued',
  ).toEqual([]);
  expect(logged.length).toBe(sentIds.size);
  expect(new Set(logged.map((row) => row.op_id))).toEqual(sentIds);
  // A sent op is never rewritten: a resend carries exactly what went out first.
  const firstSent = new Map<string, string>();
  for (const { op } of sent) {
    const first = firstSent.get(op.opId) ?? canonical(op);
    firstSent.set(op.opId, first);
    expect(canonical(op), `op ${op.opId} resent unchanged`).toBe(first);
  }

  for (const clash of expectedClashes(sent)) {
    const conflicts = await listConflicts(t, clash.recordId);
    const listed = conflicts.some((c) => c.field === clash.field);
    expect(listed, `conflict on ${clash.field} of ${clash.recordId} is listed`).toBe(true);
  }
}

async function listConflicts(t: TestApp, recordId: string): Promise<Array<{ field: string }>> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/conflicts?status=all&limit=1000&record=${recordId}`,
    headers: t.as('planner'),
  });
  expect(response.statusCode).toBe(200);
  return response.json<{ conflicts: Array<{ field: string }> }>().conflicts;
}
