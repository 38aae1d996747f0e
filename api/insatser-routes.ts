// /api/insatser: aktualisering, the insatser a caller may see, one insats, its timeline and its
// events. Each route: parse → check role and scope → client facade or query → JSON. Every read
// comes from the PostgreSQL projection; Temporal is called only to start an insats or apply an event.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { InsatsClient } from '../client/insats-client';
import { aktualiseringSchema, insatsEventSchema, localDateOf, type Settings } from '../domain';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database';
import { aktualisera } from './aktualisera';
import { callerOf } from './auth';
import { mayAktualisera, mayRecordEvent, partyOf } from './caller';
import { projectionWait } from './projection-wait';
import { HttpProblem, parseInput as parse } from './problem';
import { readInsats, timelinePage, visibleInsatsRow } from './insats-queries';
import { listInsatser } from './queries';
import { insatsIdParamSchema, listInsatserQuerySchema, TIMELINE_PAGE, timelineQuerySchema } from './schemas';

const notFound = (id: string) => new HttpProblem(404, 'Not found', `insats ${id} does not exist`);

export function insatserRoutes({ insatser, database, clock, settings }: { insatser: InsatsClient; database: Database; clock: Clock; settings: Settings }) {
  const router = Router();
  const stored = projectionWait(database);

  /** The stored insats, or 404 when it does not exist or the caller may not see it. */
  async function visibleInsats(id: string, caller: ReturnType<typeof callerOf>) {
    const row = await visibleInsatsRow(database, caller, id);
    if (!row) throw notFound(id);
    return row;
  }

  router.post('/', async (request, response) => {
    const caller = callerOf(response.locals);
    const aktualisering = parse(aktualiseringSchema, request.body, 'body');
    if (!mayAktualisera(caller, aktualisering.kvl)) {
      throw new HttpProblem(403, 'Forbidden', caller.role === 'kvl' ? `this key acts for kvl ${caller.kvl}` : 'only a kvl aktualiserar an insats');
    }
    const started = await aktualisera(aktualisering, { insatser, clock, settings });
    await stored.insats(started.id);
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
    const caller = callerOf(response.locals);
    const { id } = parse(insatsIdParamSchema, request.params, 'path');
    const event = parse(insatsEventSchema, request.body, 'body');
    if (!mayRecordEvent(caller, event.type)) {
      // 404 before 403: a refusal must not tell a caller that an insats it may not see exists.
      await visibleInsats(id, caller);
      throw new HttpProblem(403, 'Forbidden', `the role ${caller.role} does not record ${event.type}`);
    }
    const updateId = (response.locals.idempotencyKey as string | undefined) ?? randomUUID();
    // The insats itself refuses an event from a caller who may not see it, as not found: no
    // lookup here, so an event costs the API no query of its own.
    const message = { event, requestId: response.locals.requestId as string, sender: partyOf(caller) };
    const outcome = await insatser.applyEvent(id, message, { updateId });
    await stored.event(outcome.eventId);
    response.json(outcome);
  });

  return router;
}
