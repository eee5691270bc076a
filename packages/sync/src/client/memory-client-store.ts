import type { SessionRow } from '../protocol.ts';
import type { ClientRecord, ClientStore, PendingOp, RejectedOp, SyncScope } from './types.ts';

/** A survey session as the device holds it; `version` is null until the server has it. */
export type LocalSession = Omit<SessionRow, 'version'> & { version: number | null };

export interface MediaEntry {
  id: string;
  recordId: string;
  mime: string;
  size: number;
  bytes: Uint8Array;
  uploaded: boolean;
}

interface State {
  records: Map<string, ClientRecord>;
  outbox: Map<number, PendingOp>;
  sessions: Map<string, LocalSession>;
  rejected: Map<string, RejectedOp>;
  meta: Map<string, unknown>;
  media: Map<string, MediaEntry>;
}

type Table = keyof State;

/**
 * The storage half of `MemoryStore`: every `ClientStore` method over maps in memory. Values are
 * copied in and out as IndexedDB does, so no caller can change stored state by holding on to an
 * object. Transactions run one at a time and roll back on a throw.
 */
export class MemoryClientStore implements ClientStore {
  protected readonly state: State = {
    records: new Map(),
    outbox: new Map(),
    sessions: new Map(),
    rejected: new Map(),
    meta: new Map(),
    media: new Map(),
  };
  private nextSeq = 1;
  private queue: Promise<unknown> = Promise.resolve();
  /** Old values of everything the running transaction wrote, newest last; undefined outside one. */
  private undo: Array<() => void> | undefined;

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.undo = [];
      try {
        return await fn();
      } catch (error) {
        for (const restore of this.undo.reverse()) restore();
        throw error;
      } finally {
        this.undo = undefined;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  protected write<K extends Table>(table: K, key: Parameters<State[K]['get']>[0], value: unknown): void {
    const map = this.state[table] as Map<unknown, unknown>;
    if (this.undo) {
      const had = map.has(key);
      const old = map.get(key);
      this.undo.push(() => (had ? map.set(key, old) : map.delete(key)));
    }
    if (value === undefined) map.delete(key);
    else map.set(key, structuredClone(value));
  }

  protected read<K extends Table>(table: K, key: Parameters<State[K]['get']>[0]): ReturnType<State[K]['get']> {
    const value = (this.state[table] as Map<unknown, unknown>).get(key);
    return (value === undefined ? undefined : structuredClone(value)) as ReturnType<State[K]['get']>;
  }

  /** The next outbox seq; seqs of rolled-back ops are not handed out again, which keeps the order. */
  protected takeSeq(): number {
    const seq = this.nextSeq;
    this.nextSeq += 1;
    return seq;
  }

  protected sortedOps(): PendingOp[] {
    return [...this.state.outbox.values()].sort((a, b) => a.seq - b.seq);
  }

  // --- ClientStore ---

  async getRecord(id: string): Promise<ClientRecord | undefined> {
    return this.read('records', id);
  }

  async putRecord(record: ClientRecord): Promise<void> {
    this.write('records', record.id, record);
  }

  async removeRecord(id: string): Promise<void> {
    this.write('records', id, undefined);
  }

  async getRecords(ids: string[]): Promise<Array<ClientRecord | undefined>> {
    return ids.map((id) => this.read('records', id));
  }

  async putRecords(records: ClientRecord[]): Promise<void> {
    for (const record of records) this.write('records', record.id, record);
  }

  async removeRecords(ids: string[]): Promise<void> {
    for (const id of ids) this.write('records', id, undefined);
  }

  async recordIds(scope: SyncScope): Promise<string[]> {
    const quarters = scope.quarters === null ? null : new Set(scope.quarters);
    return [...this.state.records.values()]
      .filter((record) => quarters === null || quarters.has(record.feature.properties.quarterId))
      .map((record) => record.id);
  }

  async ops(limit: number): Promise<PendingOp[]> {
    return structuredClone(this.sortedOps().slice(0, limit));
  }

  async opsFor(recordId: string): Promise<PendingOp[]> {
    return structuredClone(this.sortedOps().filter((op) => op.recordId === recordId));
  }

  async recordsWithOps(recordIds: string[]): Promise<Set<string>> {
    const wanted = new Set(recordIds);
    return new Set([...this.state.outbox.values()].map((op) => op.recordId).filter((id) => wanted.has(id)));
  }

  async countOps(): Promise<number> {
    return this.state.outbox.size;
  }

  async markSent(seqs: number[], at: string): Promise<void> {
    for (const seq of seqs) {
      const op = this.read('outbox', seq);
      if (op) this.write('outbox', seq, { ...op, sentAt: at });
    }
  }

  async removeOps(seqs: number[]): Promise<void> {
    for (const seq of seqs) this.write('outbox', seq, undefined);
  }

  async addOp(op: Omit<PendingOp, 'seq'>): Promise<number> {
    const seq = this.takeSeq();
    this.write('outbox', seq, { ...op, seq });
    return seq;
  }

  async addRejected(op: RejectedOp): Promise<void> {
    this.write('rejected', op.opId, op);
  }

  async rejected(): Promise<RejectedOp[]> {
    return structuredClone([...this.state.rejected.values()]);
  }

  async removeRejected(opId: string): Promise<void> {
    this.write('rejected', opId, undefined);
  }

  async putSession(session: SessionRow): Promise<void> {
    this.write('sessions', session.id, session);
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return this.read('meta', key) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    this.write('meta', key, value);
  }

  async pendingMedia(): Promise<Array<{ id: string; mime: string; size: number }>> {
    return [...this.state.media.values()]
      .filter((item) => !item.uploaded)
      .map(({ id, mime, size }) => ({ id, mime, size }));
  }

  async readMedia(id: string): Promise<Uint8Array | undefined> {
    return this.read('media', id)?.bytes;
  }

  async markMediaUploaded(id: string): Promise<void> {
    const item = this.read('media', id);
    if (item) this.write('media', id, { ...item, uploaded: true });
  }

  // --- what a device reads ---

  /** Every local record, deleted ones included, in no particular order. */
  allRecords(): ClientRecord[] {
    return structuredClone([...this.state.records.values()]);
  }

  getSession(id: string): LocalSession | undefined {
    return this.read('sessions', id);
  }

  allSessions(): LocalSession[] {
    return structuredClone([...this.state.sessions.values()]);
  }

  media(id: string): MediaEntry | undefined {
    return this.read('media', id);
  }
}
