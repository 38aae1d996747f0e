// Bad input never breaks the API: a thousand and more generated malformed bodies, queries and
// headers on every endpoint get 4xx answers (never 5xx) and change no row. The OpenAPI document
// validates and lists every route. Unreachable backends answer 503 with Retry-After.
import type { Server } from 'node:http';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Client, Connection } from '@temporalio/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { putContactBodySchema } from '../../api/schemas';
import { createPaymentClient } from '../../client/payment-client';
import { createInsatsClient } from '../../client/insats-client';
import { aktualiseringSchema, insatsEventSchema } from '../../domain';
import { createDatabase } from '../../platform/database';
import { createScratchDatabase, type ScratchDatabase } from '../../platform/scratch-database';
import { uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { startHarness, type Harness } from './harness';

let api: Harness;
let ownDatabase: ScratchDatabase;
const anordnare = uniqueInsatsId('fuzz-a');
const insatsId = uniqueInsatsId('fuzz');

beforeAll(async () => {
  // The fuzz test counts every row: no other test file may write there meanwhile.
  // Its own database: the fuzz test counts every row, so no other file may write there meanwhile.
  ownDatabase = await createScratchDatabase(inject('databaseUrl'), `kundval_fuzz_${Date.now()}_${process.pid}`);
  api = await startHarness(ownDatabase.url, { kvl: { role: 'kvl', kvl: 'k1' }, anordnare: { role: 'anordnare', anordnare }, operator: { role: 'operator' } });
  const created = await api.request('POST', '/api/insatser', {
    as: 'kvl',
    body: { id: insatsId, insatstyp: 'AMI2', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare, kvl: 'k1', kundId: 'kund-f', kund: { alder: 30, ekonomisktBistand: true } },
  });
  expect(created.status).toBe(201);
  await eventually(async () => ((await api.database.deadline.count({ where: { insatsId } })) > 0 ? true : undefined));
});
afterAll(async () => {
  await api?.close();
  await ownDatabase?.drop();
});

async function rowCounts() {
  const { database } = api;
  return Promise.all([
    database.insats.count(),
    database.insatsEvent.count(),
    database.deadline.count(),
    database.notification.count(),
    database.timelineEntry.count(),
    database.idempotentRequest.count(),
    database.paymentRun.count(),
    database.paymentLine.count(),
    database.contact.count(),
  ]);
}

const malformedBody = fc.oneof(
  fc.anything(),
  fc.json(),
  fc.string(),
  fc.record({ type: fc.string(), month: fc.anything() }, { requiredKeys: [] }),
  fc.record({ id: fc.string(), insatstyp: fc.string(), beslutsdatum: fc.string(), kund: fc.anything() }, { requiredKeys: [] }),
);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);

describe('fuzzing every endpoint', () => {
  it('answers 1 200 malformed requests with 4xx only and changes no row', { timeout: 240_000 }, async () => {
    const before = await rowCounts();
    const statuses = new Map<number, number>();
    const endpoints = [
      'POST /api/insatser', 'POST /api/insatser/import', `POST /api/insatser/${insatsId}/events`, 'GET /api/insatser', 'GET /api/deadlines', 'GET /api/insatser/:id', 'GET /api/insatser/:id/timeline', 'GET /api/calendar/:file',
      'POST /api/payment-runs', 'GET /api/payment-runs/:id', 'GET /api/payment-runs/2025-11/anordnare/:id', 'POST /api/payment-runs/:id/approve', 'POST /api/payment-runs/:id/export',
      'GET /api/notifications', 'GET /api/contacts', 'PUT /api/contacts/kvl/:id', 'PUT /api/contacts/:id/k1', 'DELETE /api/contacts/kvl/:id',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        malformedBody,
        fc.dictionary(fc.stringMatching(/^[a-z]{1,10}$/), fc.string({ maxLength: 20 }), { maxKeys: 4 }),
        headerValue,
        fc.constantFrom('anordnare', 'kvl', 'operator', 'kv_garbage-token-xxxxxxxxxxxx', ''),
        fc.constantFrom('application/json', 'text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded'),
        async (endpoint, body, query, header, as, contentType) => {
          // A body that happens to be a valid event, aktualisering or contact is not malformed.
          if ([aktualiseringSchema, insatsEventSchema, putContactBodySchema].some((schema) => schema.safeParse(body).success)) return;
          const [method, template] = endpoint.split(' ') as [string, string];
          const path = template.replace(':id', encodeURIComponent(header || 'x')).replace(':file', `${encodeURIComponent(header)}.ics`);
          const search = new URLSearchParams(query).toString();
          const response = await fetch(`${api.baseUrl}${path}${search ? `?${search}` : ''}`, {
            method,
            headers: {
              'content-type': contentType,
              'idempotency-key': header,
              ...(as ? { authorization: `Bearer ${api.token(as)}` } : {}),
            },
            ...(method === 'POST' || method === 'PUT' ? { body: typeof body === 'string' ? body : JSON.stringify(body) ?? 'null' } : {}),
          });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${method} ${path}`).toBeLessThan(500);
          // A listing with harmless filters may answer 200; anything that would write must not succeed.
          if (method !== 'GET') expect(response.status).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: 1_200 },
    );
    expect(await rowCounts()).toEqual(before);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
  });
});

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3.1 document that lists every route', async () => {
    const document = (await (await api.request('GET', '/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        'POST /api/insatser',
        'POST /api/insatser/import',
        'GET /api/insatser',
        'GET /api/insatser/{id}',
        'GET /api/insatser/{id}/timeline',
        'POST /api/insatser/{id}/events',
        'GET /api/deadlines',
        'POST /api/payment-runs',
        'GET /api/payment-runs/{month}',
        'GET /api/payment-runs/{month}/anordnare/{file}',
        'POST /api/payment-runs/{month}/approve',
        'POST /api/payment-runs/{month}/export',
        'GET /api/calendar/{token}.ics',
        'GET /api/notifications',
        'GET /api/notifications/outbox',
        'GET /api/contacts',
        'PUT /api/contacts/{role}/{actorId}',
        'DELETE /api/contacts/{role}/{actorId}',
        'GET /healthz',
        'GET /readyz',
        'GET /openapi.json',
        'GET /docs',
      ].sort(),
    );
    const docs = await api.request('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/insatser/{id}/events');
  });
});

describe('unreachable backends', () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) });
    const database = createDatabase('postgresql://postgres@127.0.0.1:1/none');
    server = createApp({ insatser: createInsatsClient(temporal), payments: createPaymentClient(temporal), database }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => {
    server?.close();
  });

  it('answers /readyz and an authenticated request with 503 and Retry-After, /healthz with 200', async () => {
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    for (const path of ['/readyz', '/api/insatser']) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: 'Bearer kv_some-token-value-here' } });
      expect(response.status, path).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe('rate limit and headers', () => {
  it('answers the fourth request in a minute with 429 when the limit is three, with security headers and no CORS', async () => {
    const { createApiKey } = await import('../../api/api-keys');
    const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) });
    const limited = createApp({ insatser: createInsatsClient(temporal), payments: createPaymentClient(temporal), database: api.database, rateLimitPerMinute: 3 }).listen(0, '127.0.0.1');
    await new Promise((resolve) => limited.once('listening', resolve));
    try {
      const address = limited.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/deadlines`;
      const { token } = await createApiKey(api.database, { role: 'operator' });
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let attempt = 0; attempt < 4; attempt += 1) {
        last = await fetch(url, { headers: { authorization: `Bearer ${token}`, origin: 'https://elsewhere.example' } });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last!.headers.get('content-type')).toContain('application/problem+json');
      expect(last!.headers.get('x-content-type-options')).toBe('nosniff');
      expect(last!.headers.get('strict-transport-security')).toBeTruthy();
      expect(last!.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      limited.close();
    }
  });
});
