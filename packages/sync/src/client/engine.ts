import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, MAX_PUSH_OPS } from '../protocol.ts';
import { forgetRefusedMedia, uploadPendingMedia } from './media-upload.ts';
import { pullChanges } from './pull.ts';
import { pushOutbox } from './push.ts';
import { discardRejected, retryRejected } from './rejected-ops.ts';
import type { Round, SyncRoundOutcome } from './round.ts';
import type { SyncEngineApi, SyncEngineOptions } from './types.ts';

const DEFAULT_PUSH_BATCH = 200;
const DEFAULT_MEDIA_CHUNK_BYTES = 1024 * 1024;

/**
 * One device's sync over a `ClientStore` and a `SyncTransport`: media first (records may list
 * them), then the outbox, then everything the server changed since the last pull. See README.md.
 */
export class SyncEngine implements SyncEngineApi {
  private readonly options: SyncEngineOptions;
  /** The round running now; a second `sync()` waits for it instead of racing it over the same outbox. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(options: SyncEngineOptions) {
    this.options = options;
  }

  sync(): Promise<SyncRoundOutcome> {
    const round = this.running.then(
      () => this.runRound(),
      () => this.runRound(),
    );
    this.running = round.catch(() => undefined);
    return round;
  }

  retryRejected(opId: string): Promise<void> {
    return retryRejected(this.options.store, opId, this.now());
  }

  discardRejected(opId: string): Promise<void> {
    return discardRejected(this.options.store, opId);
  }

  /** Sends a media item the server refused once more in the next round (after its cause was fixed). */
  retryMedia(id: string): Promise<void> {
    return forgetRefusedMedia(this.options, id);
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  private async runRound(): Promise<SyncRoundOutcome> {
    const { store, transport, deviceId, scope, onProgress } = this.options;
    const round: Round = {
      store,
      transport,
      deviceId,
      scope,
      pushBatch: Math.min(Math.max(1, this.options.pushBatch ?? DEFAULT_PUSH_BATCH), MAX_PUSH_OPS),
      pullLimit: Math.min(Math.max(1, this.options.pullLimit ?? DEFAULT_PULL_LIMIT), MAX_PULL_LIMIT),
      mediaChunkBytes: Math.max(1, this.options.mediaChunkBytes ?? DEFAULT_MEDIA_CHUNK_BYTES),
      now: () => this.now(),
      progress: (progress) => onProgress?.(progress),
      outcome: {
        mediaUploaded: 0,
        pushed: 0,
        applied: 0,
        conflicts: 0,
        rejected: 0,
        pulled: 0,
        fullResync: false,
        refusedMedia: [],
      },
    };
    await uploadPendingMedia(round);
    await pushOutbox(round);
    await pullChanges(round);
    return round.outcome;
  }
}
