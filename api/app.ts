// The express application: security headers, request ids and logs, authentication, rate limits,
// idempotent POSTs, the routes, and one problem+json shape for every error.
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { PayloadCodec } from '@temporalio/common';
import { pinoHttp } from 'pino-http';
import type { InsatsClient } from '../client/insats-client';
import type { PaymentClient } from '../client/payment-client';
import { defaultSettings, type Settings } from '../domain';
import { systemClock, type Clock } from '../platform/clock';
import type { Database } from '../platform/database';
import { loggableUrl, logger, scrubbedError } from '../platform/logger';
import { webPages } from '../web';
import { authenticate, callerOf } from './auth';
import { calendarRoutes } from './calendar-routes';
import { codecRoutes } from './codec-routes';
import { contactsRoutes } from './contacts-routes';
import { deadlinesRoutes } from './deadlines-routes';
import { idempotentPosts } from './idempotency';
import { importRoutes } from './import-routes';
import { insatserRoutes } from './insatser-routes';
import { notificationsRoutes } from './notifications-routes';
import { paymentRoutes } from './payment-routes';
import { docsPage, openApiDocument } from './openapi';
import { HttpProblem, notFoundHandler, problemHandler } from './problem';

export interface AppDependencies {
  insatser: InsatsClient;
  payments: PaymentClient;
  database: Database;
  clock?: Clock;
  settings?: Settings;
  /** Requests per minute per API key. */
  rateLimitPerMinute?: number;
  /** The payload codec the workers use, served at /codec for the Temporal Web UI's origins. */
  codecServer?: { codec: PayloadCodec; uiOrigins: readonly string[] };
}

export function createApp({ insatser, payments, database, clock = systemClock, settings = defaultSettings, rateLimitPerMinute = 600, codecServer }: AppDependencies) {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(helmet());
  app.use((request, response, next) => {
    const requestId = request.get('X-Request-Id');
    response.locals.requestId = requestId && /^[\w.:-]{1,128}$/.test(requestId) ? requestId : randomUUID();
    response.set('X-Request-Id', response.locals.requestId as string);
    next();
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (_request, response) => response.getHeader('X-Request-Id') as string,
      serializers: {
        // Never log a token, in any encoding: the calendar path carries one, a query string may.
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: loggableUrl(request.url) }),
        // pino-http replaces the logger's own error serializer with its own unless given one.
        err: scrubbedError,
        // The status is what an operator reads; the response headers are the same on every line.
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    }),
  );
  // Before the small-body parser: the UI decodes a history's payloads in one call.
  if (codecServer) app.use('/codec', codecRoutes({ database, clock, ...codecServer }));
  // An import carries up to 500 aktualiseringar (api/import-insatser.ts); every other body is small.
  app.use('/api/insatser/import', express.json({ limit: '1mb', strict: true }));
  app.use(express.json({ limit: '64kb', strict: true }));

  const document = openApiDocument();
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    await Promise.all([insatser.ping(), database.$queryRaw`SELECT 1`]);
    response.json({ status: 'ready' });
  });
  app.get('/openapi.json', (_request, response) => {
    response.json(document);
  });
  app.get('/docs', (_request, response) => {
    response.type('html').send(docsPage(document));
  });
  // Calendar apps send no API key, so the feed is limited per client address: a token cannot be
  // guessed, nor a leaked one fetched, faster than the API lets a key call.
  app.use('/api/calendar', perMinute(rateLimitPerMinute, 'from this address'), calendarRoutes({ database, clock }));

  app.use('/api', authenticate(database));
  app.use('/api', perMinute(rateLimitPerMinute, 'for this key', (_request, response) => callerOf(response.locals).keyId));
  app.use('/api', idempotentPosts(database));
  app.use('/api/insatser/import', importRoutes({ insatser, clock, settings }));
  app.use('/api/insatser', insatserRoutes({ insatser, database, clock, settings }));
  app.use('/api/deadlines', deadlinesRoutes({ database }));
  app.use('/api/payment-runs', paymentRoutes({ payments, database }));
  app.use('/api/notifications', notificationsRoutes({ database }));
  app.use('/api/contacts', contactsRoutes({ database }));
  app.use(webPages({ insatser, payments, database, clock, settings }));
  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}

/** A limit of `limit` requests a minute per key (the client address unless `keyGenerator` says), 429 beyond it. */
function perMinute(limit: number, per: string, keyGenerator?: (request: Request, response: Response) => string) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(keyGenerator ? { keyGenerator } : {}),
    handler: () => {
      throw new HttpProblem(429, 'Too many requests', `more than ${limit} requests a minute ${per}`);
    },
  });
}
