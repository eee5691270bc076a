import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './helpers.ts';

export interface ImportView {
  id: string;
  format: string;
  fileName: string;
  status: 'done' | 'failed';
  rowsTotal: number;
  rowsImported: number;
  report: {
    created: number;
    updated: number;
    unchanged: number;
    skipped: Array<{ row: number; id?: string; code: string; reason: string }>;
    skippedMore: number;
    rejected: Array<{ row: number; id?: string; field?: string; code: string; message: string }>;
    rejectedMore: number;
    rejectedRows: number;
    categories?: Record<string, number>;
    layer?: Record<string, unknown>;
    error?: { code: string; message: string };
  };
}

type Role = Parameters<TestApp['as']>[0];

/** Posts a file to the imports API as the web app does: the raw bytes, the options in the query. */
export function postImport(
  t: TestApp,
  query: Record<string, string>,
  body: string | Buffer,
  role: Role = 'planner',
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/imports?${new URLSearchParams(query)}`,
    headers: { ...t.as(role), 'content-type': 'application/octet-stream' },
    payload: body,
  });
}

/** The import of a 201 answer, failing the test with the answer's body otherwise. */
export function imported(response: LightMyRequestResponse): ImportView {
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode}: ${response.body}`);
  return (response.json() as { import: ImportView }).import;
}

/** The failed import in a 422 IMPORT_INVALID answer. */
export function refused(response: LightMyRequestResponse): ImportView {
  const body = response.json() as { code: string; details?: { import: ImportView } };
  if (response.statusCode !== 422 || body.code !== 'IMPORT_INVALID' || !body.details)
    throw new Error(`expected 422 IMPORT_INVALID, got ${response.statusCode}: ${response.body}`);
  return body.details.import;
}
