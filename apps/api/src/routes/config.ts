import { PRIVACY_NOTICE_VERSION } from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

/** What the web app needs to know about this installation before anyone signs in. */
export async function configRoutes(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  app.get(
    '/api/v1/config',
    {
      config: { access: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Settings of this installation the web app needs: the basemap style, what the privacy notice states',
        description:
          '`privacy.retentionDays`: days a resident submission keeps its personal details (RESIDENT_RETENTION_DAYS); `privacy.noticeVersion`: the version of the privacy notice residents agree to; `privacy.contact`: who is responsible and how to reach them (PRIVACY_CONTACT), null when the operator has not set it.',
      },
    },
    async () => ({
      basemap: { styleUrl: config.basemapStyleUrl },
      privacy: {
        retentionDays: config.residentRetentionDays,
        noticeVersion: PRIVACY_NOTICE_VERSION,
        contact: config.privacyContact,
      },
    }),
  );
}
