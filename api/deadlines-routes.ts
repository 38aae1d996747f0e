// /api/deadlines: what is due for the caller, soonest first, from the stored deadlines.
import { Router } from 'express';
import type { Database } from '../platform/database';
import { callerOf } from './auth';
import { parseInput } from './problem';
import { listOpenDeadlines } from './queries';
import { listDeadlinesQuerySchema } from './schemas';

export function deadlinesRoutes({ database }: { database: Database }) {
  const router = Router();
  router.get('/', async (request, response) => {
    const filters = parseInput(listDeadlinesQuerySchema, request.query, 'query');
    response.json({ items: await listOpenDeadlines(database, callerOf(response.locals), filters) });
  });
  return router;
}
