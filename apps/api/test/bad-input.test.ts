import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../src/app.ts';
import { countRows, createTestApp, DATABASES, serviceFeature, TEST_QUARTER, type TestApp, uuidv7 } from './helpers.ts';

/**
 * Bad input must be answered with a 4xx naming the problem, and must leave nothing behind.
 * Every case checks the status, the error code, the offending field and the row counts.
 */
describe.each(DATABASES)('bad input on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  async function expectRefused(
    request: {
      method?: 'POST' | 'PATCH' | 'PUT';
      url?: string;
      payload?: unknown;
      body?: string;
      headers?: Record<string, string>;
    },
    status: number,
    code: string,
    field?: string,
  ) {
    const before = await Promise.all([
      countRows(t.database, 'records'),
      countRows(t.database, 'survey_sessions'),
      countRows(t.database, 'quarters'),
    ]);
    const response = await t.app.inject({
      method: request.method ?? 'POST',
      url: request.url ?? '/api/v1/records',
      headers: {
        ...t.as('planner'),
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...request.headers,
      },
      ...(request.body !== undefined ? { body: request.body } : { payload: request.payload as object }),
    });
    expect(response.statusCode, response.body).toBe(status);
    const body = response.json();
    expect(body.code).toBe(code);
    expect(typeof body.message).toBe('string');
    if (field !== undefined) expect(body.details.map((d: { field: string }) => d.field)).toContain(field);
    const after = await Promise.all([
      countRows(t.database, 'records'),
      countRows(t.database, 'survey_sessions'),
      countRows(t.database, 'quarters'),
    ]);
    expect(after).toEqual(before);
    return body;
  }

  it('malformed JSON', async () => {
    await expectRefused({ body: '{"type": "Feature", "id": ' }, 400, 'MALFORMED_JSON');
    await expectRefused({ body: '' }, 400, 'MALFORMED_JSON');
  });

  it('a body that is not an object', async () => {
    await expectRefused({ body: '[1,2,3]' }, 400, 'VALIDATION_FAILED');
    await expectRefused({ body: '"Feature"' }, 400, 'VALIDATION_FAILED');
  });

  it('something other than JSON', async () => {
    await expectRefused(
      { body: 'name=Kita', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await expectRefused({ body: 'hello', headers: { 'content-type': 'text/plain' } }, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an oversized body', async () => {
    const huge = serviceFeature({ properties: { note: 'x'.repeat(BODY_LIMIT) } });
    await expectRefused({ body: JSON.stringify(huge) }, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('invalid GeoJSON', async () => {
    const base = serviceFeature();
    await expectRefused({ payload: { ...base, type: 'FeatureCollection' } }, 400, 'VALIDATION_FAILED', 'type');
    await expectRefused(
      { payload: { ...base, geometry: { type: 'Circle', coordinates: [7.46, 51.55] } } },
      400,
      'VALIDATION_FAILED',
      'geometry.type',
    );
    await expectRefused(
      { payload: { ...base, geometry: { type: 'Point', coordinates: [7.46] } } },
      400,
      'INVALID_GEOMETRY',
      'geometry.coordinates',
    );
    await expectRefused(
      { payload: { ...base, geometry: { type: 'Point', coordinates: ['7.46', '51.55'] } } },
      400,
      'INVALID_GEOMETRY',
      'geometry.coordinates',
    );
    const { geometry: _, ...noGeometry } = base;
    await expectRefused({ payload: noGeometry }, 400, 'VALIDATION_FAILED', 'geometry');
  });

  it('coordinates out of range', async () => {
    const body = await expectRefused(
      { payload: serviceFeature({ coordinates: [187.3, 51.55] }) },
      400,
      'INVALID_GEOMETRY',
      'geometry.coordinates',
    );
    expect(body.details[0].code).toBe('LONGITUDE_OUT_OF_RANGE');
    const lat = await expectRefused(
      { payload: serviceFeature({ coordinates: [7.46, -91] }) },
      400,
      'INVALID_GEOMETRY',
      'geometry.coordinates',
    );
    expect(lat.details[0].code).toBe('LATITUDE_OUT_OF_RANGE');
  });

  it('a self-intersecting polygon', async () => {
    const bowTie = [
      [7.462, 51.551],
      [7.464, 51.552],
      [7.464, 51.551],
      [7.462, 51.552],
      [7.462, 51.551],
    ];
    const body = await expectRefused(
      {
        payload: {
          type: 'Feature',
          id: uuidv7(),
          geometry: { type: 'Polygon', coordinates: [bowTie] },
          properties: { kind: 'brownfield', quarterId: TEST_QUARTER.id },
        },
      },
      400,
      'INVALID_GEOMETRY',
      'geometry.coordinates',
    );
    expect(body.details[0].code).toBe('SELF_INTERSECTION');
  });

  it('an unclosed ring', async () => {
    const open = [
      [7.462, 51.551],
      [7.464, 51.551],
      [7.464, 51.552],
      [7.462, 51.552],
    ];
    const body = await expectRefused(
      {
        payload: {
          type: 'Feature',
          id: uuidv7(),
          geometry: { type: 'Polygon', coordinates: [open] },
          properties: { kind: 'vacancy', quarterId: TEST_QUARTER.id },
        },
      },
      400,
      'INVALID_GEOMETRY',
    );
    expect(body.details[0].code).toMatch(/RING_TOO_SHORT|RING_NOT_CLOSED/);
  });

  it('a polygon where the kind needs a point', async () => {
    const payload = serviceFeature();
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [7.462, 51.551],
          [7.464, 51.551],
          [7.464, 51.552],
          [7.462, 51.551],
        ],
      ],
    };
    const body = await expectRefused(
      { payload: { ...payload, geometry: polygon } },
      400,
      'INVALID_GEOMETRY',
      'geometry.type',
    );
    expect(body.details[0].code).toBe('GEOMETRY_TYPE_NOT_ALLOWED');
  });

  it('an unknown category', async () => {
    await expectRefused(
      { payload: serviceFeature({ properties: { category: 'casino' } }) },
      400,
      'UNKNOWN_CATEGORY',
      'properties.category',
    );
  });

  it('an unknown quarter or survey session', async () => {
    await expectRefused(
      { payload: serviceFeature({ properties: { quarterId: 'atlantis' } }) },
      400,
      'UNKNOWN_QUARTER',
      'properties.quarterId',
    );
    await expectRefused(
      { payload: serviceFeature({ properties: { sessionId: uuidv7() } }) },
      400,
      'UNKNOWN_SESSION',
      'properties.sessionId',
    );
  });

  it('wrong types, enum values and unknown fields, all reported at once', async () => {
    const body = await expectRefused(
      {
        payload: serviceFeature({
          properties: { capacity: '12', stepFree: 'yes', operatorType: 'government', colour: 'red' },
        }),
      },
      400,
      'VALIDATION_FAILED',
    );
    const fields = body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'properties.capacity',
        'properties.stepFree',
        'properties.operatorType',
        'properties.colour',
      ]),
    );
    expect(body.message).toContain('properties.capacity');
  });

  it('a missing required field', async () => {
    const feature = serviceFeature();
    const { name: _, ...properties } = feature.properties;
    await expectRefused({ payload: { ...feature, properties } }, 400, 'VALIDATION_FAILED', 'properties.name');
  });

  it('an id that is not a UUID', async () => {
    await expectRefused({ payload: serviceFeature({ id: 'record-1' }) }, 400, 'VALIDATION_FAILED', 'id');
  });

  it('bad session, quarter, account and taxonomy bodies', async () => {
    await expectRefused(
      {
        url: '/api/v1/sessions',
        payload: { id: uuidv7(), kind: 'picnic', title: 'x', quarterId: TEST_QUARTER.id, startedAt: 'yesterday' },
      },
      400,
      'VALIDATION_FAILED',
      'kind',
    );
    const quarter = await expectRefused(
      {
        method: 'PUT',
        url: '/api/v1/quarters/huge',
        payload: {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [10, 0],
                [10, 10],
                [0, 10],
                [0, 0],
              ],
            ],
          },
          properties: { name: 'Too big', city: 'Nowhere', approximate: true, sourceNote: '' },
        },
      },
      400,
      'INVALID_GEOMETRY',
    );
    expect(quarter.details[0].code).toBe('AREA_TOO_LARGE');
    await expectRefused(
      {
        url: '/api/v1/accounts',
        headers: t.as('admin'),
        payload: { username: 'ab', displayName: 'X', role: 'field', password: 'short' },
      },
      400,
      'VALIDATION_FAILED',
      'password',
    );
    await expectRefused(
      { method: 'PUT', url: '/api/v1/taxonomy', payload: { version: 2, fields: [], categories: [] } },
      400,
      'VALIDATION_FAILED',
      'fields',
    );
  });

  it('a patch with wrong types changes nothing', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: t.as('field'),
      payload: serviceFeature(),
    });
    const { id, properties } = created.json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${id}`,
      headers: t.as('field'),
      payload: { properties: { capacity: -5 } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('properties.capacity');
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers: t.as('field') });
    expect(after.json().properties.version).toBe(properties.version);
  });
});
