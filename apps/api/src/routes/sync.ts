import {
  DEFAULT_PULL_LIMIT,
  MAX_PUSH_BYTES,
  type PullQuery,
  PullQuerySchema,
  type PushRequest,
  PushRequestSchema,
  type PushResponse,
  SYNC_SCHEMA_VERSION,
} from '@quartiersatlas/sync';
import type { FastifyInstance } from 'fastify';
import pLimit from 'p-limit';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { requireCaller, TEAM } from '../plugins/auth.ts';
import { applyPush, type SyncOpEnvelope } from '../store/sync.ts';
import { pullChanges } from '../store/sync-pull.ts';

/**
 * Runs before the body or query is validated: an app speaking another protocol version may send
 * messages this server cannot read, and must hear "update" rather than a list of invalid fields.
 */
function checkSchemaVersion(raw: unknown): void {
  const version = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version === SYNC_SCHEMA_VERSION) return;
  const params = { clientVersion: version, serverVersion: SYNC_SCHEMA_VERSION };
  throw new AppError(version < SYNC_SCHEMA_VERSION ? 'SYNC_CLIENT_OUTDATED' : 'SYNC_SERVER_OUTDATED', params, params);
}

function field(source: unknown, name: string): unknown {
  return typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[name] : undefined;
}

// Pushes are serialised by the version counter's lock anyway (PostgreSQL). Letting more than two
// wait for it inside transactions only ties up pool connections, until sign-in checks and pulls
// time out waiting for one; so further pushes wait here, in memory, holding nothing.
const PUSHES_AT_ONCE = 2;

export async function syncRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const pushGate = pLimit(PUSHES_AT_ONCE);
  app.post<{ Body: PushRequest }>(
    '/api/v1/sync/push',
    {
      bodyLimit: MAX_PUSH_BYTES,
      config: { access: TEAM },
      preValidation: async (request) => checkSchemaVersion(field(request.body, 'schemaVersion')),
      schema: {
        tags: ['sync'],
        summary: 'Send a device’s queued changes; each op is answered applied, conflict or rejected',
        description:
          'Ops are applied in order, in one transaction. An op id seen before is answered from the log (replayed) and not applied again. A bad envelope refuses the whole push (400, nothing applied); a bad op is rejected on its own with the reason and the others are applied. Residents send needs through POST /api/v1/resident/needs instead.',
        body: PushRequestSchema,
      },
    },
    async (request): Promise<PushResponse> => {
      const caller = requireCaller(request);
      const { deviceId, ops } = request.body;
      const results = await pushGate(() =>
        applyPush(db, { accountId: caller.account.id, role: caller.account.role, deviceId }, ops as SyncOpEnvelope[]),
      );
      return { schemaVersion: SYNC_SCHEMA_VERSION, results };
    },
  );

  app.get<{ Querystring: PullQuery }>(
    '/api/v1/sync/pull',
    {
      config: { access: TEAM },
      preValidation: async (request) => checkSchemaVersion(field(request.query, 'schemaVersion')),
      schema: {
        tags: ['sync'],
        summary: 'Records, tombstones and survey sessions changed after a cursor, in version order',
        description:
          'Start without a cursor and pass nextCursor until hasMore is false. Records the caller may not see come as deleted rows without content. 410 CURSOR_TOO_OLD: pull everything again from no cursor.',
        querystring: PullQuerySchema,
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      const { cursor, limit, quarter } = request.query;
      const quarters = quarter
        ?.split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      const changes = await pullChanges(db, {
        role: caller.account.role,
        accountId: caller.account.id,
        cursor,
        limit: limit ?? DEFAULT_PULL_LIMIT,
        quarters: quarters && quarters.length > 0 ? quarters : null,
      });
      return { schemaVersion: SYNC_SCHEMA_VERSION, ...changes };
    },
  );
}
