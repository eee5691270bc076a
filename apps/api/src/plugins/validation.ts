import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function ajv(coerceTypes: boolean): Ajv {
  const instance = new Ajv({
    allErrors: true,
    strict: false,
    coerceTypes: coerceTypes ? 'array' : false,
    removeAdditional: false,
  });
  addFormats(instance);
  return instance;
}

/**
 * Bodies are checked strictly: `"12"` is not a number and unknown fields are refused, never
 * dropped. Query strings and path parameters arrive as text and are coerced to the declared types.
 */
export function installValidation(app: FastifyInstance): void {
  const strict = ajv(false);
  const coercing = ajv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
}
