import {
  type OpReason,
  type OpResult,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type RecordChanges,
  type SessionRow,
  type SyncOp,
  type SyncRow,
  type SyncTransport,
  SyncTransportError,
} from '../src/index.ts';

interface ServerRecord {
  id: string;
  version: number;
  deleted: boolean;
  geometry: { type: 'Point' | 'Polygon'; coordinates: unknown };
  properties: Record<string, unknown>;
  /** field → [version, writer] of its last write. */
  fields: Map<string, [number, string]>;
}

export type Fault = 'drop-request' | 'drop-response';
type Method = keyof SyncTransport;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A small in-memory stand-in for the API's sync and media routes, with the protocol's rules
 * (idempotent op log, field merge with conflicts, tombstones, paged pull, resumable uploads) and
 * injectable faults. The real server is exercised by apps/api/test/sync-convergence.test.ts.
 */
export class FakeServer {
  version = 0;
  readonly records = new Map<string, ServerRecord>();
  readonly sessions = new Map<string, SessionRow>();
  readonly log = new Map<string, Omit<OpResult, 'record'>>();
  readonly conflicts: Array<{ recordId: string; field: string; lost: unknown }> = [];
  /** How often an op took effect: a replay must never add to it. */
  applications = 0;
  readonly media = new Map<string, { bytes: Uint8Array; total: number; complete: boolean }>();
  /** Versions at or below this were purged: older cursors get CURSOR_TOO_OLD. */
  horizon = 0;
  refuse: (op: SyncOp) => OpReason | undefined = () => undefined;
  readonly calls: Array<{ method: Method; detail: unknown }> = [];
  private readonly faults: Array<{ method: Method; fault: Fault }> = [];

  failNext(method: Method, fault: Fault): void {
    this.faults.push({ method, fault });
  }

  row(id: string): SyncRow | undefined {
    const record = this.records.get(id);
    if (!record) return undefined;
    if (record.deleted) return { id, version: record.version, deleted: true };
    return {
      id,
      version: record.version,
      deleted: false,
      feature: {
        type: 'Feature',
        id,
        geometry: record.geometry,
        properties: { ...record.properties, status: 'published', version: record.version, createdBy: 'x' },
      },
    };
  }

  /** Drops tombstones as the admin command does, so cursors before now become too old. */
  /** A restore from a backup taken at `version`: later records and versions are gone. */
  restoreBackup(version: number): void {
    for (const [id, record] of this.records) if (record.version > version) this.records.delete(id);
    this.version = version;
  }

  purgeTombstones(): void {
    for (const [id, record] of this.records) if (record.deleted) this.records.delete(id);
    this.horizon = this.version;
  }

  private write(record: ServerRecord, field: string, value: unknown, writer: string, baseVersion: number | null) {
    const last = record.fields.get(field);
    const clash =
      last !== undefined &&
      last[1] !== writer &&
      baseVersion !== null &&
      last[0] > baseVersion &&
      !same(value, record.properties[field]);
    if (clash) this.conflicts.push({ recordId: record.id, field, lost: record.properties[field] });
    if (field !== 'geometry') {
      if (value === null && field !== 'sessionId') delete record.properties[field];
      else record.properties[field] = value;
    } else record.geometry = value as ServerRecord['geometry'];
    record.fields.set(field, [record.version, writer]);
    return clash ? [{ conflictId: `c${this.conflicts.length}`, field }] : [];
  }

  private apply(op: SyncOp, writer: string): Omit<OpResult, 'record'> {
    const refused = this.refuse(op);
    if (refused) return { opId: op.opId, status: 'rejected', reason: refused };
    const record = this.records.get(op.recordId);
    switch (op.type) {
      case 'create': {
        if (record) return { opId: op.opId, status: 'rejected', reason: { code: 'RECORD_EXISTS', message: 'taken' } };
        const properties = {
          supporters: op.payload.properties.kind === 'need' ? 0 : undefined,
          ...op.payload.properties,
        };
        if (properties.supporters === undefined) delete properties.supporters;
        this.version += 1;
        const fields = new Map<string, [number, string]>();
        for (const key of ['geometry', ...Object.keys(properties)]) fields.set(key, [this.version, writer]);
        this.records.set(op.recordId, {
          id: op.recordId,
          version: this.version,
          deleted: false,
          geometry: op.payload.geometry as ServerRecord['geometry'],
          properties,
          fields,
        });
        this.applications += 1;
        return { opId: op.opId, status: 'applied', version: this.version };
      }
      case 'update': {
        if (!record) return { opId: op.opId, status: 'rejected', reason: { code: 'RECORD_NOT_FOUND', message: '' } };
        const payload: RecordChanges = op.payload;
        if (record.deleted && payload.restore !== true) {
          return { opId: op.opId, status: 'conflict', reason: { code: 'RECORD_DELETED', message: 'deleted' } };
        }
        this.version += 1;
        record.version = this.version;
        record.deleted = false;
        const conflicts = [];
        if (payload.geometry)
          conflicts.push(...this.write(record, 'geometry', payload.geometry, writer, op.baseVersion));
        for (const [key, value] of Object.entries(payload.properties ?? {})) {
          conflicts.push(...this.write(record, key, value, writer, op.baseVersion));
        }
        this.applications += 1;
        return conflicts.length > 0
          ? { opId: op.opId, status: 'conflict', version: this.version, conflicts }
          : { opId: op.opId, status: 'applied', version: this.version };
      }
      case 'delete': {
        if (!record) return { opId: op.opId, status: 'rejected', reason: { code: 'RECORD_NOT_FOUND', message: '' } };
        if (record.deleted) return { opId: op.opId, status: 'applied', version: record.version };
        this.version += 1;
        record.version = this.version;
        record.deleted = true;
        this.applications += 1;
        return { opId: op.opId, status: 'applied', version: this.version };
      }
      case 'create-session':
      case 'update-session': {
        this.version += 1;
        const current = this.sessions.get(op.recordId);
        const session = { ...(current ?? {}), ...op.payload, id: op.recordId, version: this.version } as SessionRow;
        session.endedAt ??= null;
        this.sessions.set(op.recordId, session);
        this.applications += 1;
        return { opId: op.opId, status: 'applied', version: this.version };
      }
    }
  }

  push(request: PushRequest): PushResponse {
    const results = request.ops.map((op): OpResult => {
      const logged = this.log.get(op.opId);
      const result = logged ? { ...logged, replayed: true } : this.apply(op, request.deviceId);
      if (!logged) this.log.set(op.opId, result);
      const record = this.row(op.recordId);
      const session = this.sessions.get(op.recordId);
      return { ...result, ...(record ? { record } : {}), ...(session ? { session } : {}) };
    });
    return { schemaVersion: 1, results };
  }

  pull(query: { cursor: string | null; limit: number }): PullResponse {
    // As on the real server: `1.<version>[.<horizon>]`, the horizon marking a full pull still below it.
    const [, version = '0', passHorizon] = (query.cursor ?? '1.0').split('.');
    const after = Number(version);
    if (after > this.version) {
      throw new SyncTransportError('CURSOR_TOO_OLD', 'the database was restored', 410, { verdict: 'beyond-counter' });
    }
    if (query.cursor !== null && after < this.horizon && Number(passHorizon) !== this.horizon) {
      throw new SyncTransportError('CURSOR_TOO_OLD', 'pull everything again', 410);
    }
    const changed: Array<{ version: number; row?: SyncRow; session?: SessionRow }> = [];
    for (const id of this.records.keys()) {
      const row = this.row(id);
      if (row && row.version > after) changed.push({ version: row.version, row });
    }
    for (const session of this.sessions.values()) {
      if (session.version > after) changed.push({ version: session.version, session });
    }
    changed.sort((a, b) => a.version - b.version);
    const page = changed.slice(0, query.limit);
    const hasMore = changed.length > page.length;
    // A finished pull moves the cursor to now, past purged tombstones it did not need to see.
    const last = hasMore ? (page.at(-1)?.version ?? after) : Math.max(after, this.version);
    return {
      schemaVersion: 1,
      rows: page.flatMap((entry) => (entry.row ? [entry.row] : [])),
      sessions: page.flatMap((entry) => (entry.session ? [entry.session] : [])),
      nextCursor: last < this.horizon ? `1.${last}.${this.horizon}` : `1.${last}`,
      hasMore,
    };
  }

  async upload(sha256: string, mime: string, bytes: Uint8Array, offset: number, total: number) {
    if (!mime.startsWith('image/')) throw new SyncTransportError('MEDIA_TYPE_UNSUPPORTED', 'not an image', 415);
    const entry = this.media.get(sha256) ?? { bytes: new Uint8Array(0), total, complete: false };
    if (entry.complete) return { complete: true, offset: total };
    if (offset !== entry.bytes.length) return { complete: false, offset: entry.bytes.length };
    const joined = new Uint8Array(entry.bytes.length + bytes.length);
    joined.set(entry.bytes);
    joined.set(bytes, entry.bytes.length);
    entry.bytes = joined;
    if (joined.length === total) {
      if ((await sha256Hex(joined)) !== sha256) throw new SyncTransportError('MEDIA_HASH_MISMATCH', 'hash', 422);
      entry.complete = true;
    }
    this.media.set(sha256, entry);
    return { complete: entry.complete, offset: entry.bytes.length };
  }

  /** A transport to this server; faults queued with `failNext` hit the next call of that method. */
  transport(): SyncTransport {
    const call = async <T>(method: Method, detail: unknown, handle: () => T | Promise<T>): Promise<T> => {
      this.calls.push({ method, detail });
      const index = this.faults.findIndex((entry) => entry.method === method);
      const fault = index === -1 ? undefined : this.faults.splice(index, 1)[0]?.fault;
      if (fault === 'drop-request') throw new SyncTransportError('NETWORK', 'request dropped');
      const answer = await handle();
      if (fault === 'drop-response') throw new SyncTransportError('NETWORK', 'answer dropped');
      return structuredClone(answer);
    };
    return {
      push: (request) => call('push', request, () => this.push(structuredClone(request))),
      pull: (query) => call('pull', query, () => this.pull(query)),
      mediaStatus: (sha256) =>
        call('mediaStatus', sha256, () => {
          const entry = this.media.get(sha256);
          return { complete: entry?.complete ?? false, offset: entry?.bytes.length ?? 0 };
        }),
      uploadMedia: (sha256, mime, bytes, offset, total) =>
        call('uploadMedia', { sha256, offset, length: bytes.length }, () =>
          this.upload(sha256, mime, bytes, offset, total),
        ),
    };
  }
}
