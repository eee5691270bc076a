import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import { applyRetention } from '../store/retention.ts';

/** Retention runs this often; a submission is thus erased at most an hour after its time is up. */
export const RETENTION_INTERVAL_MS = 3_600_000;

/**
 * Applies the retention period to resident submissions once the server is ready and every hour
 * after (store/retention.ts). A failed round is logged and tried again at the next; close waits for
 * a running round, so the database is never closed under it.
 */
export function installRetention(app: FastifyInstance, db: Db, config: Config): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  const round = () => {
    if (closed) return;
    running = running.then(async () => {
      if (closed) return;
      try {
        const { erased, anonymised } = await applyRetention(db, config);
        if (erased + anonymised > 0) app.log.info({ erased, anonymised }, 'retention: resident submissions handled');
      } catch (error) {
        app.log.error({ err: error }, 'retention round failed; trying again in an hour');
      }
    });
  };
  app.addHook('onReady', async () => {
    round();
    timer = setInterval(round, RETENTION_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    closed = true;
    clearInterval(timer);
    await running;
  });
}
