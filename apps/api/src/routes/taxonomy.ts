import { type Taxonomy, TaxonomySchema, taxonomyIssues } from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/schema.ts';
import { AppError, invalidInput } from '../errors.ts';
import { STAFF } from '../plugins/auth.ts';
import { categoriesInUse } from '../store/records.ts';
import { getTaxonomy, putTaxonomy } from '../store/taxonomy.ts';

export async function taxonomyRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get(
    '/api/v1/taxonomy',
    {
      config: { access: 'public' },
      schema: {
        tags: ['taxonomy'],
        summary: 'The fields and categories with pictograms, demand groups and default catchments',
      },
    },
    async () => getTaxonomy(db),
  );

  app.put<{ Body: Taxonomy }>(
    '/api/v1/taxonomy',
    {
      config: { access: STAFF },
      schema: {
        tags: ['taxonomy'],
        summary: 'Replace the taxonomy (categories used by records cannot be removed)',
        body: TaxonomySchema,
      },
    },
    async (request) => {
      const issues = taxonomyIssues(request.body);
      if (issues.length > 0) throw invalidInput(issues);
      const kept = new Set(request.body.categories.map((c) => c.id));
      const removed = [...(await categoriesInUse(db))].filter((id) => !kept.has(id)).sort();
      if (removed.length > 0)
        throw new AppError('CATEGORY_IN_USE', { categories: removed.join(', ') }, { categories: removed });
      await putTaxonomy(db, request.body);
      return getTaxonomy(db);
    },
  );
}
