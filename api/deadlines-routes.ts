// /api/deadlines: what is due for the caller, soonest first, from the stored deadlines.
import { Router } from 'express';
import type { Database } from '../platform/database';
import { callerOf } from './auth';
import { invalidInput } from './problem';
import { listOpenDeadlines } from './queries';
import { listDeadlinesQuerySchema } from './schemas';

export function deadlinesRoutes({ database }: { database: Database }) {
  const router = Router();
  router.get('/', async (request, response) => {
    const parsed = listDeadlinesQuerySchema.safeParse(request.query);
    if (!parsed.success) throw invalidInput(parsed.error, 'query');
    response.json({ items: await listOpenDeadlines(database, callerOf(response.locals), parsed.data) });
  });
  return router;
}
