import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/schema.ts';
import { STAFF } from '../plugins/auth.ts';
import { overview } from '../store/reports.ts';

/** Overview figures per quarter, session and category. */
export async function reportRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get(
    '/api/v1/reports/overview',
    {
      config: { access: STAFF },
      schema: {
        tags: ['reports'],
        summary: 'Figures for the overview and the printed report',
        description:
          'Per quarter: published records per kind, needs waiting for moderation, services and needs per category, needs by language and target group. Per survey session: published records per kind. Per category: the coverage of its newest finished analysis (categories never analysed are absent).',
      },
    },
    async () => overview(db),
  );
}
