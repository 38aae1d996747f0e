// The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with.
import { z } from 'zod';
import { aktualiseringSchema, contactKeySchema, contactSchema, insatsEventSchema, progressSchema } from '../domain';
import { IMPORT_MAX_LINES } from './import-insatser';
import { insatsReadSchema, timelinePageSchema } from './insats-read-schemas';
import {
  calendarParamSchema,
  insatsIdParamSchema,
  listDeadlinesQuerySchema,
  listInsatserQuerySchema,
  listNotificationsQuerySchema,
  listOutboxQuerySchema,
  putContactBodySchema,
  startPaymentRunSchema,
  timelineQuerySchema,
} from './schemas';

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

function parameters(schema: z.ZodObject, location: 'query' | 'path') {
  const properties = (jsonSchema(schema).properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((jsonSchema(schema).required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (required.has(name) && property.default === undefined),
    schema: property,
  }));
}

/** The aktualisering with its `progress` as the named Progress schema, so readers find it described once. */
function withProgressRef(schema: Record<string, unknown>) {
  const properties = schema.properties as Record<string, unknown>;
  return { ...schema, properties: { ...properties, progress: { $ref: '#/components/schemas/Progress' } } };
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const json = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  '400': problem('Malformed input; `invalidParams` names each bad field'),
  '401': problem('No valid API key'),
  '429': problem('Too many requests for this key'),
  '503': problem('Temporal or PostgreSQL unreachable; see Retry-After'),
};
const monthParameter = { name: 'month', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } };
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
  description: 'A retried POST with the same key and body gets the first answer and changes nothing.',
};

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kundval insatser',
      version: '1.0.0',
      description: 'Deadlines of Nacka kommun’s kundval arbetsmarknadsinsatser. Rule ids follow RULEBOOK.md.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key from `npm run apikey -- create`' } },
      schemas: {
        Aktualisering: withProgressRef(jsonSchema(aktualiseringSchema)),
        InsatsEvent: jsonSchema(insatsEventSchema),
        Insats: jsonSchema(insatsReadSchema),
        TimelinePage: jsonSchema(timelinePageSchema),
        Contact: jsonSchema(contactSchema),
        Notification: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            insatsId: { type: 'string' },
            rule: { type: 'string' },
            occurrence: { type: 'string' },
            kind: { type: 'string', enum: ['reminder', 'escalation', 'notice'] },
            recipient: { type: 'object', properties: { role: { type: 'string' }, id: { type: ['string', 'null'] } } },
            address: { type: ['string', 'null'] },
            status: { type: 'string', enum: ['pending', 'sent', 'failed'] },
            failureReason: { type: ['string', 'null'], description: 'Why it can never be delivered (an SMTP 5xx, no usable address)' },
            lastError: { type: ['string', 'null'], description: 'The last failed attempt; a pending one is retried' },
            scheduledFor: { type: 'string', format: 'date-time' },
            failedAt: { type: ['string', 'null'], format: 'date-time' },
            sentAt: { type: ['string', 'null'], format: 'date-time' },
            attempts: { type: 'integer' },
          },
        },
        Progress: {
          ...jsonSchema(progressSchema),
          description: 'What an insats brought in late (go-live, late registration) has already done; it owes only what falls due from its aktualiseringsdatum on. Every date lies between beslutsdatum and aktualiseringsdatum; `reportedThrough` is a month before the aktualiseringsdatum\'s; every field but `bemannadOn` needs `bemannadOn`.',
        },
        ImportResult: {
          type: 'object',
          required: ['line', 'id', 'result'],
          properties: {
            line: { type: 'integer', description: 'The line’s place in `insatser`, from 1' },
            id: { type: ['string', 'null'], description: 'The line’s id; null when it has none' },
            result: {
              type: 'string',
              enum: ['created', 'exists', 'refused'],
              description: '`exists`: an insats with this id already exists (imported before, or aktualiserad), and nothing changed; `refused`: nothing was created',
            },
            reason: { type: 'string', description: 'With `refused`: every problem' },
            invalidParams: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, reason: { type: 'string' } } }, description: 'With `refused`: the path in the line of each bad field' },
          },
        },
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            invalidParams: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, reason: { type: 'string' } } } },
          },
        },
      },
    },
    paths: {
      '/api/insatser': {
        post: {
          summary: 'Aktualisera an insats (kvl): starts its workflow; eligibility is checked',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Aktualisering' } } } },
          responses: {
            '201': json('Started'),
            ...errors,
            '403': problem('The key may not aktualisera (not a kvl, or another kvl)'),
            '409': problem('`Id not available`: the id is taken (the same answer whoever holds it; choose another id), or `Request in progress`: the first request with this Idempotency-Key still runs'),
            '422': problem('Not accepted: every failed eligibility condition with its section, every date out of bounds, every progress that cannot be; `invalidParams` names each field one is about'),
          },
        },
        get: {
          summary: 'The insatser the caller may see, with filters and cursor pagination',
          parameters: parameters(listInsatserQuerySchema, 'query'),
          responses: { '200': json('A page of insatser and the next cursor'), ...errors },
        },
      },
      '/api/insatser/import': {
        post: {
          summary: `Bring running insatser in, at go-live or registered late (kvl for its own, operator): up to ${IMPORT_MAX_LINES} aktualiseringar with their progress, one result per line`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['insatser'],
                  additionalProperties: false,
                  properties: { insatser: { type: 'array', minItems: 1, maxItems: IMPORT_MAX_LINES, items: { $ref: '#/components/schemas/Aktualisering' } } },
                },
              },
            },
          },
          responses: {
            '200': json('One result per line, in order, and the count of each result; running the same import again says `exists` for every line it created', {
              type: 'object',
              required: ['results', 'summary'],
              properties: {
                results: { type: 'array', items: { $ref: '#/components/schemas/ImportResult' } },
                summary: { type: 'object', properties: { created: { type: 'integer' }, exists: { type: 'integer' }, refused: { type: 'integer' } } },
              },
            }),
            ...errors,
            '403': problem('The key may not import (not a kvl or the operator)'),
            '413': problem(`More than ${IMPORT_MAX_LINES} insatser, or a body over 1 MB`),
          },
        },
      },
      '/api/insatser/{id}': {
        get: {
          summary: 'One insats from the stored projection: phase, open, pending and closed deadlines, events and the first timeline page',
          parameters: parameters(insatsIdParamSchema, 'path'),
          responses: {
            '200': json('The insats', { $ref: '#/components/schemas/Insats' }),
            ...errors,
            '404': problem('No such insats, or not the caller’s'),
          },
        },
      },
      '/api/insatser/{id}/timeline': {
        get: {
          summary: 'The whole timeline of one insats in seq order, a page at a time (cursor: the nextCursor of the previous page)',
          parameters: [...parameters(insatsIdParamSchema, 'path'), ...parameters(timelineQuerySchema, 'query')],
          responses: {
            '200': json('A page of timeline entries and the next cursor, null on the last page', { $ref: '#/components/schemas/TimelinePage' }),
            ...errors,
            '404': problem('No such insats, or not the caller’s'),
          },
        },
      },
      '/api/insatser/{id}/events': {
        post: {
          summary: 'Record an event (a Temporal Update, validated by the workflow)',
          parameters: [...parameters(insatsIdParamSchema, 'path'), idempotencyKey],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/InsatsEvent' } } } },
          responses: {
            '200': json('Applied: the deadlines it met and the phase'),
            ...errors,
            '403': problem('The caller’s role does not record this event'),
            '404': problem('No such insats, or not the caller’s'),
            '409': problem('The insats does not accept this event now (`detail` says why), or `Request in progress`: the first request with this Idempotency-Key still runs'),
          },
        },
      },
      '/api/deadlines': {
        get: {
          summary: 'What is due: the caller’s open deadlines, soonest first',
          parameters: parameters(listDeadlinesQuerySchema, 'query'),
          responses: { '200': json('Open deadlines'), ...errors },
        },
      },
      '/api/calendar/{token}.ics': {
        get: {
          summary: 'The caller’s open deadlines as an iCalendar feed (token from `npm run apikey -- create`)',
          security: [],
          parameters: parameters(calendarParamSchema, 'path'),
          responses: { '200': { description: 'text/calendar', content: { 'text/calendar': { schema: { type: 'string' } } } }, '404': problem('No such calendar') },
        },
      },
      '/api/payment-runs': {
        post: {
          summary: 'Run (or re-read) the payment run of a month (arbetsledare, operator); a repeated run changes nothing',
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(startPaymentRunSchema) } } },
          responses: {
            '201': json('Computed now'),
            '200': json('Already computed; nothing changed'),
            ...errors,
            '403': problem('The role does not start payment runs'),
            '422': problem('Stopped: a month amount is not configured (the setting is named)'),
          },
        },
      },
      '/api/payment-runs/{month}': {
        get: {
          summary: 'A payment run: status and totals per anordnare and insatstyp (an anordnare sees its own)',
          parameters: [monthParameter],
          responses: { '200': json('The run'), ...errors, '404': problem('No run for the month') },
        },
      },
      '/api/payment-runs/{month}/anordnare/{file}': {
        get: {
          summary: 'Invoice basis of one anordnare: `{anordnare}` as JSON, `{anordnare}.csv` as CSV (UTF-8 with BOM, semicolons, decimal comma)',
          parameters: [monthParameter, { name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The basis', content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } } },
            ...errors,
            '404': problem('No run, or not the caller’s basis'),
          },
        },
      },
      '/api/payment-runs/{month}/approve': {
        post: {
          summary: 'Approve a draft run (arbetsledare)',
          parameters: [monthParameter],
          responses: { '200': json('Approved'), ...errors, '403': problem('Not an arbetsledare'), '404': problem('No run'), '409': problem('Not a draft') },
        },
      },
      '/api/payment-runs/{month}/export': {
        post: {
          summary: 'Mark an approved run exported (arbetsledare, operator)',
          parameters: [monthParameter],
          responses: { '200': json('Exported'), ...errors, '403': problem('Role may not export'), '404': problem('No run'), '409': problem('Not approved') },
        },
      },
      '/api/notifications': {
        get: {
          summary: 'Stored notifications, newest first, with their delivery status and why a failed one failed (operator, arbetsledare)',
          parameters: parameters(listNotificationsQuerySchema, 'query'),
          responses: {
            '200': json('A page of notifications and the next cursor', {
              type: 'object',
              properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Notification' } }, nextCursor: { type: ['string', 'null'] } },
            }),
            ...errors,
            '403': problem('Not an operator or arbetsledare'),
          },
        },
      },
      '/api/notifications/outbox': {
        get: {
          summary: 'The daily digest’s items, newest first: when the rules decided each, and whether and in which e-mail it was delivered, withdrawn or failed (operator, arbetsledare)',
          parameters: parameters(listOutboxQuerySchema, 'query'),
          responses: {
            '200': json('A page of outbox items and the next cursor', {
              type: 'object',
              properties: { items: { type: 'array', items: { type: 'object' } }, nextCursor: { type: ['string', 'null'] } },
            }),
            ...errors,
            '403': problem('Not an operator or arbetsledare'),
          },
        },
      },
      '/api/contacts': {
        get: {
          summary: 'Where each actor’s notifications go (operator)',
          responses: {
            '200': json('Every contact', { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Contact' } } } }),
            ...errors,
            '403': problem('Not an operator'),
          },
        },
      },
      '/api/contacts/{role}/{actorId}': {
        put: {
          summary: 'Set the e-mail address of one actor (operator); arbetsledare, kundkoordinator and operator have one, under the actor id of the role',
          parameters: parameters(contactKeySchema, 'path'),
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(putContactBodySchema) } } },
          responses: {
            '201': json('Created', { $ref: '#/components/schemas/Contact' }),
            '200': json('Changed', { $ref: '#/components/schemas/Contact' }),
            ...errors,
            '403': problem('Not an operator'),
          },
        },
        delete: {
          summary: 'Remove the address of one actor (operator): its notifications go to the fallback address, or fail',
          parameters: parameters(contactKeySchema, 'path'),
          responses: { '204': { description: 'Removed' }, ...errors, '403': problem('Not an operator'), '404': problem('No contact for the actor') },
        },
      },
      '/healthz': { get: { summary: 'The process is up', security: [], responses: { '200': json('Up') } } },
      '/readyz': { get: { summary: 'Temporal and PostgreSQL are reachable', security: [], responses: { '200': json('Ready'), '503': problem('Not ready') } } },
      '/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': json('OpenAPI 3.1') } } },
      '/docs': { get: { summary: 'This document as a page', security: [], responses: { '200': { description: 'HTML' } } } },
    },
  };
}

/** A plain page listing every operation, served without scripts from elsewhere. */
export function docsPage(document: ReturnType<typeof openApiDocument>): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
  const rows = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(
      ([method, operation]) =>
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape((operation as { summary: string }).summary)}</td></tr>`,
    ),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(document.info.title)} API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}td,th{padding:.3rem .8rem;text-align:left;vertical-align:top}tr:nth-child(even){background:#f4f4f4}</style>
</head><body><h1>${escape(document.info.title)} API</h1><p>${escape(document.info.description)}</p>
<p>Every <code>/api</code> route takes <code>Authorization: Bearer &lt;token&gt;</code>. Errors are <code>application/problem+json</code>.
The full document: <a href="/openapi.json">/openapi.json</a>.</p>
<table><tr><th>Method</th><th>Path</th><th>What it does</th></tr>${rows.join('')}</table></body></html>`;
}
