import {
  createFetchTransport,
  MemoryStore,
  newOpId,
  SyncEngine,
  type SyncRoundOutcome,
  type SyncScope,
  type SyncTransport,
  SyncTransportError,
} from '@quartiersatlas/sync';
import { mulberry32 } from '../bench/util.ts';
import { serviceFeature } from './features.ts';

export interface DeviceOptions {
  /** Written into notes, so a wrong value on the server names its writer. */
  name: string;
  token: string;
  /** One server, or several that the device alternates between on every request (a load balancer without stickiness). */
  urls: string[];
  seed: number;
  scope?: SyncScope;
  /** Per request; a killed server closes its sockets at once, so this is only a backstop. */
  timeoutMs?: number;
}

/** What the server must end up with for one record this device created. */
export interface OwnRecord {
  note: string;
  deleted: boolean;
}

export type RequestKind = 'push' | 'pull' | 'media';

const OFFLINE_RETRY_MS = [100, 300];

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One field device in a Node process: the engine over a MemoryStore, talking HTTP to real server
 * processes. It remembers what it wrote (the expected end state of its own records), every op id
 * it put on the wire, and how long each request took.
 */
export class SimulatedDevice {
  readonly name: string;
  readonly store = new MemoryStore();
  readonly deviceId = newOpId();
  readonly engine: SyncEngine;
  readonly random: () => number;
  readonly own = new Map<string, OwnRecord>();
  /** Op ids of every push this device started, answered or not. */
  readonly sentOpIds = new Set<string>();
  readonly latencies: Record<RequestKind, number[]> = { push: [], pull: [], media: [] };
  /** Requests that failed (network gone, server error), by error code. */
  readonly failures = new Map<string, number>();
  pushesInFlight = 0;
  private revision = 0;
  private created = 0;
  private turn = 0;

  constructor(options: DeviceOptions) {
    this.name = options.name;
    this.random = mulberry32(options.seed);
    const transports = options.urls.map((baseUrl) =>
      createFetchTransport({
        baseUrl,
        headers: () => ({ authorization: `Bearer ${options.token}` }),
        timeoutMs: options.timeoutMs ?? 30_000,
      }),
    );
    const next = (): SyncTransport => transports[this.turn++ % transports.length] as SyncTransport;
    const transport: SyncTransport = {
      push: async (request) => {
        for (const op of request.ops) this.sentOpIds.add(op.opId);
        this.pushesInFlight += 1;
        try {
          return await this.timed('push', () => next().push(request));
        } finally {
          this.pushesInFlight -= 1;
        }
      },
      pull: (query) => this.timed('pull', () => next().pull(query)),
      mediaStatus: (sha256) => this.timed('media', () => next().mediaStatus(sha256)),
      uploadMedia: (sha256, mime, bytes, offset, total) =>
        this.timed('media', () => next().uploadMedia(sha256, mime, bytes, offset, total)),
    };
    this.engine = new SyncEngine({
      store: this.store,
      transport,
      deviceId: this.deviceId,
      scope: options.scope ?? { quarters: null },
    });
  }

  private async timed<T>(kind: RequestKind, call: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await call();
    } catch (error) {
      const code = error instanceof SyncTransportError ? error.code : 'UNEXPECTED';
      this.failures.set(code, (this.failures.get(code) ?? 0) + 1);
      throw error;
    } finally {
      this.latencies[kind].push(performance.now() - start);
    }
  }

  get failureCount(): number {
    return [...this.failures.values()].reduce((a, b) => a + b, 0);
  }

  private nextNote(): string {
    this.revision += 1;
    return `${this.name} rev ${this.revision}`;
  }

  private liveOwn(): string[] {
    return [...this.own].filter(([, state]) => !state.deleted).map(([id]) => id);
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }

  async create(): Promise<string> {
    const feature = serviceFeature(newOpId(), this.created, this.random);
    this.created += 1;
    const note = this.nextNote();
    await this.store.createRecord({ ...feature, properties: { ...feature.properties, note } });
    this.own.set(feature.id, { note, deleted: false });
    return feature.id;
  }

  /** A new note on any record this device holds (its own or pulled), or a new name. */
  async edit(id: string, field: 'note' | 'name' = 'note'): Promise<string> {
    const value = field === 'note' ? this.nextNote() : `${this.name} name ${++this.revision}`;
    await this.store.updateRecord(id, { properties: { [field]: value } });
    const own = this.own.get(id);
    if (own && field === 'note') own.note = value;
    return value;
  }

  async remove(id: string): Promise<void> {
    await this.store.deleteRecord(id);
    const own = this.own.get(id);
    if (own) own.deleted = true;
  }

  /**
   * One random local write on the device's own records, as a field worker makes them: mostly new
   * records and edits, now and then a delete (never of the last few, so edits have targets).
   */
  async step(): Promise<void> {
    const live = this.liveOwn();
    const roll = this.random();
    if (live.length < 3 || roll < 0.4) await this.create();
    else if (roll < 0.88) await this.edit(this.pick(live) as string);
    else await this.remove(this.pick(live) as string);
  }

  /** One sync round; a failed request is counted and rethrown (the next round retries). */
  sync(): Promise<SyncRoundOutcome> {
    return this.engine.sync();
  }

  /**
   * Writes and syncs at the same time until `done()`, as the app does: local writes keep coming
   * while a round is on the wire. Failed requests are retried by the next round; anything other
   * than a `SyncTransportError` is a bug and ends the work.
   */
  async work(
    done: () => boolean,
    pace = { writeMs: [5, 40], syncPauseMs: [5, 50] },
    step: () => Promise<unknown> = () => this.step(),
  ): Promise<void> {
    const between = ([min = 0, max = 0]: number[]) => min + this.random() * (max - min);
    const writer = async () => {
      while (!done()) {
        await step();
        await sleep(between(pace.writeMs));
      }
    };
    const syncer = async () => {
      while (!done()) {
        let pauseMs = between(pace.syncPauseMs);
        try {
          await this.sync();
        } catch (error) {
          if (!(error instanceof SyncTransportError)) throw error;
          // As the app: no answer at all (server down) is retried after a while, not at once.
          if (error.status === undefined) pauseMs = between(OFFLINE_RETRY_MS);
        }
        await sleep(pauseMs);
      }
    };
    await Promise.all([writer(), syncer()]);
  }

  /**
   * Syncs until a round succeeds with nothing left to send, retrying failed rounds. Throws when
   * that does not happen within `rounds` (the server never accepts or answers the outbox).
   */
  async syncUntilQuiet(rounds = 50, pauseMs = 100): Promise<void> {
    let lastError: unknown;
    for (let round = 0; round < rounds; round++) {
      try {
        await this.sync();
        if ((await this.store.countOps()) === 0) return;
      } catch (error) {
        lastError = error;
      }
      await sleep(pauseMs);
    }
    const left = await this.store.countOps();
    throw new Error(`${this.name}: ${left} ops still unsent after ${rounds} rounds; last error: ${String(lastError)}`);
  }

  /** Live records as this device holds them, by id, with the fields a user sees. */
  liveRecords(): Map<string, unknown> {
    const live = new Map<string, unknown>();
    for (const record of this.store.allRecords()) {
      if (!record.deleted)
        live.set(record.id, { geometry: record.feature.geometry, properties: record.feature.properties });
    }
    return live;
  }
}
