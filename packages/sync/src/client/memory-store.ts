import { MAX_MEDIA_PER_RECORD, SERVER_FIELDS } from '@quartiersatlas/domain';
import type { RecordChanges } from '../protocol.ts';
import { applyChanges, changedFields, type LocalChanges } from './local-changes.ts';
import { type LocalSession, MemoryClientStore } from './memory-client-store.ts';
import { newOpId } from './op-id.ts';
import type { ClientFeature, ClientRecord, PendingOp } from './types.ts';

/** A local write the store refused; `code` is stable, like the web app's `LocalDataError`. */
export class LocalWriteError extends Error {
  readonly code: 'RECORD_NOT_FOUND' | 'RECORD_DELETED' | 'NOT_A_NEED' | 'TOO_MANY_MEDIA' | 'SESSION_NOT_FOUND';
  constructor(code: LocalWriteError['code'], message: string) {
    super(message);
    this.name = 'LocalWriteError';
    this.code = code;
  }
}

export interface NewSession {
  id?: string;
  kind: string;
  title: string;
  quarterId: string;
  startedAt?: string;
  note?: string;
}

const SERVER_FIELD_NAMES: ReadonlySet<string> = new Set(SERVER_FIELDS);

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A complete `ClientStore` in memory with the local writes a device makes, following the outbox
 * contract of apps/web/src/data/README.md: for tests, simulated devices and Node programs that
 * embed the engine. Unlike the web app it does not validate against the taxonomy: the server does,
 * and what it refuses lands in `rejected()`. Each local write is one transaction (the record and
 * its op, or neither): call them outside `transaction`, or they wait for it forever.
 */
export class MemoryStore extends MemoryClientStore {
  private readonly clock: () => Date;

  constructor(options: { now?: () => Date } = {}) {
    super();
    this.clock = options.now ?? (() => new Date());
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private existing(id: string): ClientRecord {
    const record = this.read('records', id);
    if (!record) throw new LocalWriteError('RECORD_NOT_FOUND', `no record ${id}`);
    return record;
  }

  private unsentOp(recordId: string, type: PendingOp['type'], which: 'first' | 'last'): PendingOp | undefined {
    const ops = this.sortedOps().filter((op) => op.recordId === recordId && op.type === type && !op.sentAt);
    return which === 'first' ? ops[0] : ops.at(-1);
  }

  private queueOp(op: Pick<PendingOp, 'type' | 'recordId' | 'baseVersion' | 'payload'>): void {
    const seq = this.takeSeq();
    this.write('outbox', seq, { ...op, seq, opId: newOpId(), createdAt: this.now() });
  }

  private createRejected(recordId: string): boolean {
    return [...this.state.rejected.values()].some((op) => op.recordId === recordId && op.type === 'create');
  }

  /**
   * While the record's create is unsent the create is rewritten, so the server never sees history
   * before the record. While its create is refused, edits stay local: the server has no record to
   * update, and sending the create again takes the record as it is then.
   */
  private writeChanges(record: ClientRecord, changes: LocalChanges): ClientRecord {
    if (record.deleted) throw new LocalWriteError('RECORD_DELETED', `record ${record.id} is deleted`);
    const patch = changedFields(record.feature, changes);
    if (patch.geometry === undefined && patch.properties === undefined) return record;
    const updated: ClientRecord = { ...record, feature: applyChanges(record.feature, patch) };
    this.write('records', record.id, updated);
    const pendingCreate = this.unsentOp(record.id, 'create', 'first');
    if (pendingCreate) this.write('outbox', pendingCreate.seq, { ...pendingCreate, payload: updated.feature });
    else if (record.serverVersion !== null || !this.createRejected(record.id)) {
      this.queueOp({ type: 'update', recordId: record.id, baseVersion: record.serverVersion, payload: patch });
    }
    return updated;
  }

  /** A new record (server fields are dropped) and its `create` op. */
  createRecord(input: { id?: string; geometry: ClientFeature['geometry']; properties: ClientFeature['properties'] }) {
    return this.transaction(async () => {
      const properties = Object.fromEntries(
        Object.entries(input.properties).filter(([key]) => !SERVER_FIELD_NAMES.has(key)),
      ) as ClientFeature['properties'];
      const feature: ClientFeature = {
        type: 'Feature',
        id: input.id ?? newOpId(),
        geometry: input.geometry,
        properties,
      };
      const record: ClientRecord = { id: feature.id, feature, serverVersion: null, deleted: false, status: null };
      this.write('records', record.id, record);
      this.queueOp({ type: 'create', recordId: record.id, baseVersion: null, payload: feature });
      return structuredClone(record);
    });
  }

  /** Changes some fields; only those that differ go into the update (null removes a property). */
  updateRecord(id: string, changes: LocalChanges): Promise<ClientRecord> {
    return this.transaction(async () => structuredClone(this.writeChanges(this.existing(id), changes)));
  }

  /** Soft delete: the copy stays (for undo) and a `delete` op is queued, even for an unsent create. */
  deleteRecord(id: string): Promise<void> {
    return this.transaction(async () => {
      const record = this.existing(id);
      if (record.deleted) return;
      this.write('records', id, { ...record, deleted: true });
      this.queueOp({ type: 'delete', recordId: id, baseVersion: record.serverVersion, payload: null });
    });
  }

  /** Undo of a delete: an unsent delete is dropped; one the server has seen is answered with a `restore` update. */
  restoreRecord(id: string): Promise<void> {
    return this.transaction(async () => {
      const record = this.existing(id);
      if (!record.deleted) return;
      const pendingDelete = this.unsentOp(id, 'delete', 'last');
      if (pendingDelete) {
        this.write('outbox', pendingDelete.seq, undefined);
      } else {
        const payload: RecordChanges = {
          geometry: record.feature.geometry as RecordChanges['geometry'],
          properties: record.feature.properties,
          restore: true,
        };
        this.queueOp({ type: 'update', recordId: id, baseVersion: record.serverVersion, payload });
      }
      this.write('records', id, { ...record, deleted: false });
    });
  }

  /** +1 at a Quartierszirkel: an update with the new absolute count. */
  addSupporter(needId: string): Promise<number> {
    return this.transaction(async () => {
      const record = this.existing(needId);
      if (record.feature.properties.kind !== 'need') {
        throw new LocalWriteError('NOT_A_NEED', `record ${needId} is a ${record.feature.properties.kind}`);
      }
      const current = record.feature.properties.supporters;
      const next = (typeof current === 'number' ? current : 0) + 1;
      this.writeChanges(record, { properties: { supporters: next } });
      return next;
    });
  }

  /** Stores the bytes once by their SHA-256 and lists them in the record's `media` through an update. */
  async addMedia(recordId: string, bytes: Uint8Array, mime: string): Promise<string> {
    const id = await sha256Hex(bytes);
    return this.transaction(async () => {
      const record = this.existing(recordId);
      const listed = Array.isArray(record.feature.properties.media)
        ? (record.feature.properties.media as string[])
        : [];
      if (!listed.includes(id) && listed.length >= MAX_MEDIA_PER_RECORD) {
        throw new LocalWriteError('TOO_MANY_MEDIA', `a record lists at most ${MAX_MEDIA_PER_RECORD} media`);
      }
      this.writeChanges(record, { properties: { media: [...new Set([...listed, id])] } });
      if (!this.state.media.has(id)) {
        this.write('media', id, {
          id,
          recordId,
          mime,
          size: bytes.length,
          bytes: new Uint8Array(bytes),
          uploaded: false,
        });
      }
      return id;
    });
  }

  createSession(input: NewSession): Promise<LocalSession> {
    return this.transaction(async () => {
      const session: LocalSession = {
        id: input.id ?? newOpId(),
        kind: input.kind,
        title: input.title,
        quarterId: input.quarterId,
        startedAt: input.startedAt ?? this.now(),
        endedAt: null,
        ...(input.note === undefined ? {} : { note: input.note }),
        version: null,
      };
      const { version: _version, ...payload } = session;
      this.write('sessions', session.id, session);
      this.queueOp({ type: 'create-session', recordId: session.id, baseVersion: null, payload });
      return structuredClone(session);
    });
  }

  /** Ends a session; an unsent `create-session` is rewritten instead of queueing an update. */
  endSession(id: string, endedAt: string = this.now()): Promise<void> {
    return this.transaction(async () => {
      const session = this.read('sessions', id);
      if (!session) throw new LocalWriteError('SESSION_NOT_FOUND', `no session ${id}`);
      if (session.endedAt !== null) return;
      this.write('sessions', id, { ...session, endedAt });
      const pendingCreate = this.unsentOp(id, 'create-session', 'first');
      if (pendingCreate) {
        this.write('outbox', pendingCreate.seq, {
          ...pendingCreate,
          payload: { ...(pendingCreate.payload as object), endedAt },
        });
      } else {
        this.queueOp({ type: 'update-session', recordId: id, baseVersion: null, payload: { endedAt } });
      }
    });
  }
}
