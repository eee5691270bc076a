import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { RecordPropertiesSchemas } from '@quartiersatlas/domain';
import type { FastifyInstance } from 'fastify';

/** The one `<style>` element Swagger UI 5 (@fastify/swagger-ui 6.1.3) inserts. */
export const SWAGGER_UI_STYLE_HASH = 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';

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
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The page keeps the app's policy (plugins/security-headers.ts) and allows one inline style
    // element Swagger UI's bundle adds, by its hash; a new @fastify/swagger-ui release may change
    // it (apps/web/e2e/xss.e2e.test.ts opens the page and fails on any violation).
    transformStaticCSP: (policy) => policy.replace("style-src 'self'", `style-src 'self' '${SWAGGER_UI_STYLE_HASH}'`),
  });
}
