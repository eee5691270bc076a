import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { RecordPropertiesSchemas } from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';

/** OpenAPI 3 description of every route at /api/docs (browsable) and /api/docs/json. */
export async function installDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Quartiersatlas API',
        version: '1',
        description:
          'Records of services, vacancies, brownfield sites and needs in neighbourhood labs. Errors are `{code, message, details}`; `details` lists the offending fields.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'qa_session' },
          deviceToken: { type: 'http', scheme: 'bearer', description: 'long-lived token of a field device' },
        },
        schemas: {
          ServiceProperties: RecordPropertiesSchemas.service,
          VacancyProperties: RecordPropertiesSchemas.vacancy,
          BrownfieldProperties: RecordPropertiesSchemas.brownfield,
          NeedProperties: RecordPropertiesSchemas.need,
        } as Record<string, object>,
      },
      security: [{ session: [] }, { deviceToken: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
