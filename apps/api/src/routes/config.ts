import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

/** What the web app needs to know about this installation before anyone signs in. */
export async function configRoutes(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  app.get(
    '/api/v1/config',
    {
      config: { access: 'public' },
      schema: { tags: ['operations'], summary: 'Settings of this installation the web app needs: the basemap style' },
    },
    async () => ({ basemap: { styleUrl: config.basemapStyleUrl } }),
  );
}
