// The express application: JSON in, JSON or problem+json out.
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { InsatsClient } from '../client/insats-client';
import { defaultSettings, type Settings } from '../domain';
import { systemClock, type Clock } from '../platform/clock';
import { insatserRoutes } from './insatser-routes';
import { notFoundHandler, problemHandler } from './problem';

export interface AppDependencies {
  insatser: InsatsClient;
  clock?: Clock;
  settings?: Settings;
}

export function createApp({ insatser, clock = systemClock, settings = defaultSettings }: AppDependencies) {
  const app = express();
  app.disable('x-powered-by');
  app.use((request, response, next) => {
    const requestId = request.get('X-Request-Id');
    response.locals.requestId = requestId && /^[\w.:-]{1,128}$/.test(requestId) ? requestId : randomUUID();
    response.set('X-Request-Id', response.locals.requestId as string);
    next();
  });
  app.use(express.json({ limit: '64kb', strict: true }));
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.use('/api/insatser', insatserRoutes({ insatser, clock, settings }));
  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}
