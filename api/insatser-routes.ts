// /api/insatser: aktualisering, the insatser a caller may see, one insats, its timeline and its
// events. Each route: parse → check role and scope → client facade or query → JSON. Every read
// comes from the PostgreSQL projection; Temporal is called only to start an insats or apply an event.
import { Router } from 'express';
import type { InsatsClient } from '../client/insats-client';
import { aktualiseringSchema, insatsEventSchema, localDateOf, type Settings } from '../domain';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database';
import { callerOf } from './auth';
import { UPDATE_ID_LOCAL } from './idempotency';
import { insatsCommands, insatsNotFound as notFound } from './insats-commands';
import { parseInput as parse } from './problem';
import { readInsats, timelinePage, visibleInsatsRow } from './insats-queries';
import { listInsatser } from './queries';
import { insatsIdParamSchema, listInsatserQuerySchema, TIMELINE_PAGE, timelineQuerySchema } from './schemas';

export function insatserRoutes({ insatser, database, clock, settings }: { insatser: InsatsClient; database: Database; clock: Clock; settings: Settings }) {
  const router = Router();
  const commands = insatsCommands({ insatser, database, clock, settings });

  /** The stored insats, or 404 when it does not exist or the caller may not see it. */
  async function visibleInsats(id: string, caller: ReturnType<typeof callerOf>) {
    const row = await visibleInsatsRow(database, caller, id);
    if (!row) throw notFound(id);
    return row;
  }

  router.post('/', async (request, response) => {
    const started = await commands.aktualisera(callerOf(response.locals), parse(aktualiseringSchema, request.body, 'body'));
    response.status(201).location(`/api/insatser/${started.id}`).json(started);
  });

  router.get('/', async (request, response) => {
    const filters = parse(listInsatserQuerySchema, request.query, 'query');
    response.json(await listInsatser(database, callerOf(response.locals), filters, localDateOf(clock.now())));
  });

  router.get('/:id', async (request, response) => {
    const { id } = parse(insatsIdParamSchema, request.params, 'path');
    const row = await visibleInsats(id, callerOf(response.locals));
    response.json(await readInsats(database, row, { today: localDateOf(clock.now()), timelineLimit: TIMELINE_PAGE }));
  });

  router.get('/:id/timeline', async (request, response) => {
    const { id } = parse(insatsIdParamSchema, request.params, 'path');
    const page = parse(timelineQuerySchema, request.query, 'query');
    await visibleInsats(id, callerOf(response.locals));
    response.json(await timelinePage(database, id, page));
  });

  router.post('/:id/events', async (request, response) => {
    const { id } = parse(insatsIdParamSchema, request.params, 'path');
    const event = parse(insatsEventSchema, request.body, 'body');
    const outcome = await commands.recordEvent(callerOf(response.locals), id, event, {
      requestId: response.locals.requestId as string,
      updateId: response.locals[UPDATE_ID_LOCAL] as string | undefined,
    });
    response.json(outcome);
  });

  return router;
}
