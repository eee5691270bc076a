import type { Role } from '@quartiersatlas/domain';
import { type OpResult, type PullResponse, SYNC_SCHEMA_VERSION } from '@quartiersatlas/sync';
import { expect } from 'vitest';
import { serviceFeature, TEST_QUARTER, type TestApp, uuidv7 } from './helpers.ts';

/** A sync op as a device sends it; the envelope is loose on purpose, so tests can send bad ones. */
export interface Op {
  opId: string;
  type: string;
  recordId: string;
  baseVersion: number | null;
  payload: unknown;
}

export const createOp = (feature: { id: string }): Op => ({
  opId: uuidv7(),
  type: 'create',
  recordId: feature.id,
  baseVersion: null,
  payload: feature,
});

export const updateOp = (id: string, baseVersion: number | null, payload: Record<string, unknown>): Op => ({
  opId: uuidv7(),
  type: 'update',
  recordId: id,
  baseVersion,
  payload,
});

export const deleteOp = (id: string, baseVersion: number | null): Op => ({
  opId: uuidv7(),
  type: 'delete',
  recordId: id,
  baseVersion,
  payload: null,
});

export const sessionInput = (quarterId = TEST_QUARTER.id) => ({
  id: uuidv7(),
  kind: 'walkabout',
  title: 'Begehung Nord',
  quarterId,
  startedAt: '2025-05-01T09:00:00.000Z',
});

export const createSessionOp = (input: { id: string }): Op => ({
  opId: uuidv7(),
  type: 'create-session',
  recordId: input.id,
  baseVersion: null,
  payload: input,
});

/** Push and pull as a device of `role` would, through the real routes; `app` gives the app under test. */
export function syncClient(app: () => TestApp) {
  const pushRaw = (role: Role, body: unknown) =>
    app().app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: app().as(role, 'token'),
      payload: body as object,
    });

  async function push(role: Role, deviceId: string, ops: Op[]): Promise<OpResult[]> {
    const response = await pushRaw(role, { deviceId, schemaVersion: SYNC_SCHEMA_VERSION, ops });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().results;
  }

  const pullRaw = (role: Role, query: Record<string, string | number> = {}) => {
    const params = new URLSearchParams({ schemaVersion: String(SYNC_SCHEMA_VERSION) });
    for (const [key, value] of Object.entries(query)) params.set(key, String(value));
    return app().app.inject({ method: 'GET', url: `/api/v1/sync/pull?${params}`, headers: app().as(role, 'token') });
  };

  async function pull(role: Role, query: Record<string, string | number> = {}): Promise<PullResponse> {
    const response = await pullRaw(role, query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  /** Everything after `cursor`, page by page, and the cursor to continue from. */
  async function pullAll(role: Role, cursor?: string, limit = 1000) {
    const rows: PullResponse['rows'] = [];
    const sessions: PullResponse['sessions'] = [];
    let next = cursor;
    for (;;) {
      const page = await pull(role, { ...(next ? { cursor: next } : {}), limit });
      rows.push(...page.rows);
      sessions.push(...page.sessions);
      next = page.nextCursor;
      if (!page.hasMore) return { rows, sessions, cursor: next };
    }
  }

  /** A new service record pushed by `deviceId`; its id, version and feature. */
  async function createRecord(role: Role, deviceId: string, feature = serviceFeature()) {
    const [result] = await push(role, deviceId, [createOp(feature)]);
    expect(result?.status).toBe('applied');
    return { id: feature.id, version: result?.version as number, feature };
  }

  async function conflictsOf(recordId: string) {
    const response = await app().app.inject({
      method: 'GET',
      url: `/api/v1/conflicts?record=${recordId}&status=all`,
      headers: app().as('planner'),
    });
    return response.json().conflicts;
  }

  return { pushRaw, push, pullRaw, pull, pullAll, createRecord, conflictsOf };
}
