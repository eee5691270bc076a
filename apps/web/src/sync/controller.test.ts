import { type SyncOutcome, SyncTransportError } from '@quartiersatlas/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BUSY,
  BUSY_RETRY_MS,
  SyncController,
  type SyncEnvironment,
  TIMER_MS,
  WRITE_DEBOUNCE_MS,
} from './controller.ts';
import { IDLE_STATE, type SyncState, type SyncStateStore } from './sync-state.ts';

const OUTCOME: SyncOutcome = {
  mediaUploaded: 0,
  pushed: 0,
  applied: 0,
  conflicts: 0,
  rejected: 0,
  pulled: 0,
  fullResync: false,
};

function setup({ slowProgressWrites = false } = {}) {
  let state: SyncState = { ...IDLE_STATE };
  const store: SyncStateStore = {
    read: async () => state,
    // Like the real store: read, then write the merge; a progress write may take longer than others.
    write: async (patch) => {
      const before = state;
      if (slowProgressWrites) await new Promise((resolve) => setTimeout(resolve, patch.progress ? 100 : 10));
      state = { ...before, ...patch };
    },
  };
  const world = { online: true, visible: true, lockedByOtherTab: false };
  let handlers: Parameters<SyncEnvironment['subscribe']>[0] | null = null;
  const env: SyncEnvironment = {
    online: () => world.online,
    visible: () => world.visible,
    subscribe(given) {
      handlers = given;
      return () => {
        handlers = null;
      };
    },
    withLock: async (fn) => (world.lockedByOtherTab ? BUSY : fn()),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => new Date(),
  };
  let active = 0;
  const engine = {
    rounds: 0,
    maxParallel: 0,
    failWith: [] as unknown[],
    /** Each round takes this long, as a real one waits for the network. */
    roundMs: 100,
    async sync(): Promise<SyncOutcome> {
      engine.rounds += 1;
      active += 1;
      engine.maxParallel = Math.max(engine.maxParallel, active);
      await new Promise((resolve) => setTimeout(resolve, engine.roundMs));
      active -= 1;
      const failure = engine.failWith.shift();
      if (failure) throw failure;
      return OUTCOME;
    },
  };
  const controller = new SyncController(() => engine, env, store);
  return {
    controller,
    engine,
    world,
    state: () => state,
    fire: () => {
      if (!handlers) throw new Error('the controller is not subscribed');
      return handlers;
    },
  };
}

const offline = () => new SyncTransportError('NETWORK', 'fetch failed');

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('SyncController', () => {
  it('syncs at start and then every minute while visible, and says when it last succeeded', async () => {
    const { controller, engine, state } = setup();
    controller.start();
    await vi.advanceTimersByTimeAsync(150);
    expect(engine.rounds).toBe(1);
    expect(state()).toMatchObject({ running: false, lastError: null, stopped: null });
    expect(state().lastSuccessAt).not.toBeNull();
    await vi.advanceTimersByTimeAsync(TIMER_MS);
    expect(engine.rounds).toBe(2);
    controller.stop();
  });

  it('never runs two rounds at once: requests during a round make exactly one more', async () => {
    const { controller, engine, fire } = setup();
    controller.start();
    await vi.advanceTimersByTimeAsync(10);
    fire().online();
    fire().visible();
    void controller.syncNow();
    await vi.advanceTimersByTimeAsync(500);
    expect(engine.rounds).toBe(2);
    expect(engine.maxParallel).toBe(1);
    controller.stop();
  });

  it('syncs once, shortly after a burst of local writes', async () => {
    const { controller, engine, fire } = setup();
    controller.start();
    await vi.advanceTimersByTimeAsync(150);
    fire().pending(0);
    fire().pending(1);
    await vi.advanceTimersByTimeAsync(1_000);
    fire().pending(3);
    expect(engine.rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS + 150);
    expect(engine.rounds).toBe(2);
    // The count falling (sync sent the changes) is no reason for another round.
    fire().pending(0);
    await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS + 150);
    expect(engine.rounds).toBe(2);
    controller.stop();
  });

  it('backs off after failures, shows the reason, and clears it after a good round', async () => {
    const { controller, engine, state } = setup();
    engine.failWith = [offline(), offline()];
    controller.start();
    await vi.advanceTimersByTimeAsync(150);
    expect(state().lastError).toMatchObject({ kind: 'offline', code: 'NETWORK' });
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
    expect(engine.rounds).toBe(2);
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS + 150);
    expect(engine.rounds).toBe(2);
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
    expect(engine.rounds).toBe(3);
    expect(state().lastError).toBeNull();
    controller.stop();
  });

  it('waits for the network instead of trying while offline', async () => {
    const { controller, engine, world, fire } = setup();
    world.online = false;
    controller.start();
    await vi.advanceTimersByTimeAsync(TIMER_MS * 2);
    expect(engine.rounds).toBe(0);
    world.online = true;
    fire().online();
    await vi.advanceTimersByTimeAsync(150);
    expect(engine.rounds).toBe(1);
    controller.stop();
  });

  it('stops for good when the device token was revoked, and says so', async () => {
    const { controller, engine, state, fire } = setup();
    engine.failWith = [new SyncTransportError('INVALID_TOKEN', 'revoked', 401)];
    controller.start();
    await vi.advanceTimersByTimeAsync(150);
    expect(state()).toMatchObject({ stopped: 'signIn', lastError: { kind: 'signIn', code: 'INVALID_TOKEN' } });
    expect(() => fire()).toThrow('not subscribed');
    void controller.syncNow();
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS * 10 + TIMER_MS);
    expect(engine.rounds).toBe(1);
  });

  it('asks for an update when the server no longer speaks this app’s protocol', async () => {
    const { controller, engine, state } = setup();
    engine.failWith = [new SyncTransportError('SYNC_CLIENT_OUTDATED', 'update', 426)];
    controller.start();
    await vi.advanceTimersByTimeAsync(150);
    expect(state()).toMatchObject({ stopped: 'outdated', lastError: { kind: 'outdated' } });
  });

  it('leaves the round to the tab that holds the lock, and looks again later', async () => {
    const { controller, engine, world, state } = setup();
    world.lockedByOtherTab = true;
    controller.start();
    await vi.advanceTimersByTimeAsync(150);
    expect(engine.rounds).toBe(0);
    expect(state().running).toBe(false);
    world.lockedByOtherTab = false;
    await vi.advanceTimersByTimeAsync(BUSY_RETRY_MS);
    expect(engine.rounds).toBe(1);
    controller.stop();
  });

  it('never leaves a finished round looking busy, however slow a progress write is', async () => {
    const { controller, engine, state } = setup({ slowProgressWrites: true });
    engine.roundMs = 300;
    controller.start();
    await vi.advanceTimersByTimeAsync(30);
    controller.onProgress({ phase: 'push', done: 0, total: 2 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state()).toMatchObject({ running: false, progress: null });
    controller.stop();
  });

  it('writes progress for other tabs, but not for every row', async () => {
    const { controller, engine, state } = setup();
    engine.roundMs = 1_000;
    controller.start();
    await vi.advanceTimersByTimeAsync(10);
    for (let done = 1; done <= 100; done += 1) controller.onProgress({ phase: 'pull', done, total: null });
    await vi.advanceTimersByTimeAsync(100);
    expect(state().progress).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(state().progress).toEqual({ phase: 'pull', done: 100, total: null });
    expect(state().running).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state()).toMatchObject({ running: false, progress: null });
    controller.stop();
  });
});
