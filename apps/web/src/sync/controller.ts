import type { SyncOutcome, SyncProgress } from '@quartiersatlas/sync';
import { classifyError, type SyncStateStore, stopsSync } from './sync-state.ts';

/** After a local write, wait this long for more (a form saves a record and then its photos). */
export const WRITE_DEBOUNCE_MS = 2_000;
/** While the app is visible and online, a round this often brings other devices' changes. */
export const TIMER_MS = 60_000;
/** Backoff after failed rounds: 5 s, 10 s, 20 s … at most 5 minutes. */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_MAX_MS = 5 * 60_000;
/** Another tab holds the sync lock: look again this much later, in case it closes mid-round. */
export const BUSY_RETRY_MS = 15_000;
/** Progress is written to meta at most this often: every write wakes every tab's live queries. */
export const PROGRESS_WRITE_MS = 250;

export const BUSY = Symbol('busy');

/** What one round needs of the engine. */
export interface SyncRunner {
  sync(): Promise<SyncOutcome>;
}

/** The browser around the controller; tests pass a fake one. */
export interface SyncEnvironment {
  online(): boolean;
  visible(): boolean;
  /** Subscribes to `online`, to becoming visible and to the count of unsynced changes; returns the unsubscribe. */
  subscribe(handlers: { online(): void; visible(): void; pending(count: number): void }): () => void;
  /** Runs `fn` while holding the sync lock shared by all tabs, or answers BUSY when another tab holds it. */
  withLock<T>(fn: () => Promise<T>): Promise<T | typeof BUSY>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): Date;
}

/**
 * When to sync: at start, when the network comes back, when the app becomes visible, shortly after
 * local writes, and on a timer; with backoff after failures. Never two rounds at once in this tab
 * (a request during a round runs one more round after it), and never two tabs at once (the lock).
 * It stops for good when the server says the device is signed out or the app is too old.
 */
export class SyncController {
  private readonly runner: () => SyncRunner;
  private readonly env: SyncEnvironment;
  private readonly state: SyncStateStore;
  private unsubscribe: (() => void) | null = null;
  private timer: unknown = null;
  private debounce: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private pending: number | null = null;
  private stopped = false;
  private progress: { latest: SyncProgress | null; timer: unknown } = { latest: null, timer: null };
  /** State writes in order: a late progress write must never land after the round's last one. */
  private writes: Promise<void> = Promise.resolve();
  private inRound = false;

  /** `runner` is asked for the engine at each round, so a changed scope takes effect at the next one. */
  constructor(runner: () => SyncRunner, env: SyncEnvironment, state: SyncStateStore) {
    this.runner = runner;
    this.env = env;
    this.state = state;
  }

  start(): void {
    if (this.unsubscribe) return;
    this.stopped = false;
    this.unsubscribe = this.env.subscribe({
      online: () => this.request(),
      visible: () => this.request(),
      pending: (count) => this.pendingChanged(count),
    });
    // A new start (a new sign-in, a reloaded app) may have fixed what stopped sync before.
    void this.write({ stopped: null }).then(() => this.request());
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.clear('timer');
    this.clear('debounce');
  }

  /** "Sync now": also right after failures, without waiting for the backoff. */
  syncNow(): Promise<void> {
    this.failures = 0;
    this.request();
    return this.running ?? Promise.resolve();
  }

  /** Runs a round now, or one more after the running one. */
  request(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clear('timer');
    this.clear('debounce');
    if (!this.env.online()) return;
    this.running = this.run().finally(() => {
      this.running = null;
      this.next();
    });
  }

  private pendingChanged(count: number): void {
    const grew = this.pending !== null && count > this.pending;
    this.pending = count;
    if (!grew || this.stopped) return;
    this.clear('debounce');
    this.debounce = this.env.setTimeout(() => {
      this.debounce = null;
      this.request();
    }, WRITE_DEBOUNCE_MS);
  }

  private async run(): Promise<void> {
    const result = await this.env.withLock(() => this.round());
    if (result === BUSY) this.schedule(BUSY_RETRY_MS);
  }

  private write(patch: Parameters<SyncStateStore['write']>[0] | (() => Parameters<SyncStateStore['write']>[0] | null)) {
    this.writes = this.writes
      .then(() => {
        const next = typeof patch === 'function' ? patch() : patch;
        return next ? this.state.write(next) : undefined;
      })
      .catch((error: unknown) => console.error('sync state not written', error));
    return this.writes;
  }

  private async round(): Promise<void> {
    this.inRound = true;
    await this.write({ running: true, progress: null });
    try {
      await this.runner().sync();
      this.failures = 0;
      await this.finish({ lastSuccessAt: this.env.now().toISOString(), lastError: null });
    } catch (error) {
      const info = classifyError(error, this.env.now().toISOString());
      if (info.kind === 'failed') console.error('sync failed', error);
      this.failures += 1;
      if (stopsSync(info.kind)) this.stop();
      await this.finish({ lastError: info, stopped: stopsSync(info.kind) ? info.kind : null });
    }
  }

  private async finish(patch: Parameters<SyncStateStore['write']>[0]): Promise<void> {
    this.inRound = false;
    this.clearProgress();
    await this.write({ ...patch, running: false, progress: null });
  }

  /** Passed to the engine: keeps the newest progress and writes it a little later. */
  readonly onProgress = (progress: SyncProgress): void => {
    this.progress.latest = progress;
    if (this.progress.timer !== null) return;
    this.progress.timer = this.env.setTimeout(() => {
      this.progress.timer = null;
      void this.write(() => (this.inRound && this.progress.latest ? { progress: this.progress.latest } : null));
    }, PROGRESS_WRITE_MS);
  };

  private clearProgress(): void {
    if (this.progress.timer !== null) this.env.clearTimeout(this.progress.timer);
    this.progress = { latest: null, timer: null };
  }

  private next(): void {
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      this.request();
      return;
    }
    if (this.timer !== null) return;
    if (this.failures > 0) {
      this.schedule(Math.min(BACKOFF_BASE_MS * 2 ** (this.failures - 1), BACKOFF_MAX_MS));
    } else if (this.env.visible()) {
      this.schedule(TIMER_MS);
    }
  }

  private schedule(ms: number): void {
    this.clear('timer');
    this.timer = this.env.setTimeout(() => {
      this.timer = null;
      // Hidden or offline: becoming visible or the `online` event starts the next round instead.
      if (this.env.visible() || this.failures > 0) this.request();
    }, ms);
  }

  private clear(which: 'timer' | 'debounce'): void {
    const handle = this[which];
    if (handle !== null) this.env.clearTimeout(handle);
    this[which] = null;
  }
}
