// /api/insatser: aktualisering, the insatser a caller may see, one insats, and its events.
// Each route: parse → check role and scope → client facade or query → JSON.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { LRUCache } from 'lru-cache';
import type { InsatsClient } from '../client/insats-client';
import { aktualiseringSchema, checkAktualisering, insatsEventSchema, localDateOf, type Settings } from '../domain';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database';
import { callerOf } from './auth';
import { canSee, mayAktualisera, mayRecordEvent } from './caller';
import { HttpProblem, parseInput as parse } from './problem';
import { listInsatser, storedEvents } from './queries';
import { insatsIdParamSchema, listInsatserQuerySchema } from './schemas';

const notFound = (id: string) => new HttpProblem(404, 'Not found', `insats ${id} does not exist`);

export function insatserRoutes({ insatser, database, clock, settings }: { insatser: InsatsClient; database: Database; clock: Clock; settings: Settings }) {
  const router = Router();

  /** The insats's state, or 404 when it does not exist or the caller may not see it. */
  async function visibleInsats(id: string, caller: ReturnType<typeof callerOf>) {
    const snapshot = await insatser.describeInsats(id);
    if (!canSee(caller, snapshot)) throw notFound(id);
    return snapshot;
  }

  // An insats's anordnare and kvl never change, so who may see it is read once and kept: one
  // database query fewer on every event (npm run bench measures the API's cost per event).
  const parties = new LRUCache<string, { anordnare: string; kvl: string }>({ max: 50_000 });

  /**
   * 404 unless the caller may see the insats, from its stored row when there is one; a workflow
   * query would cost the worker an activation per event. An insats whose first projection is not
   * stored yet is asked directly.
   */
  async function ensureVisible(id: string, caller: ReturnType<typeof callerOf>): Promise<void> {
    let known = parties.get(id);
    if (!known) {
      const row = await database.insats.findUnique({ where: { id }, select: { anordnareId: true, kvlId: true } });
      if (!row) {
        await visibleInsats(id, caller);
        return;
      }
      known = { anordnare: row.anordnareId, kvl: row.kvlId };
      parties.set(id, known);
    }
    if (!canSee(caller, known)) throw notFound(id);
  }

  router.post('/', async (request, response) => {
    const caller = callerOf(response.locals);
    const aktualisering = parse(aktualiseringSchema, request.body, 'body');
    if (!mayAktualisera(caller, aktualisering.kvl)) {
      throw new HttpProblem(403, 'Forbidden', caller.role === 'kvl' ? `this key acts for kvl ${caller.kvl}` : 'only a kvl aktualiserar an insats');
    }
    const today = localDateOf(clock.now());
    const aktualiseringsdatum = aktualisering.aktualiseringsdatum ?? today;
    const { rulebook, problems } = checkAktualisering({ ...aktualisering, aktualiseringsdatum }, today, settings);
    if (problems.length > 0) throw new HttpProblem(422, 'Aktualisering not accepted', problems.join('; '));

    const { workflowId } = await insatser.startInsats({
      insatsId: aktualisering.id,
      insatstyp: aktualisering.insatstyp,
      rulebook,
      beslutsdatum: aktualisering.beslutsdatum,
      aktualiseringsdatum,
      anordnare: aktualisering.anordnare,
      kvl: aktualisering.kvl,
      kundId: aktualisering.kundId,
      kund: { ekonomisktBistand: aktualisering.kund.ekonomisktBistand, arbetsformaga: aktualisering.kund.arbetsformaga },
      ...(aktualisering.slutdatum ? { slutdatum: aktualisering.slutdatum } : {}),
      ...(aktualisering.praktikBehov !== undefined ? { praktikBehov: aktualisering.praktikBehov } : {}),
      settings,
    });
    response
      .status(201)
      .location(`/api/insatser/${aktualisering.id}`)
      .json({ id: aktualisering.id, workflowId, rulebook, insatstyp: aktualisering.insatstyp, aktualiseringsdatum });
  });

  router.get('/', async (request, response) => {
    const filters = parse(listInsatserQuerySchema, request.query, 'query');
    response.json(await listInsatser(database, callerOf(response.locals), filters, localDateOf(clock.now())));
  });

  router.get('/:id', async (request, response) => {
    const { id } = parse(insatsIdParamSchema, request.params, 'path');
    const snapshot = await visibleInsats(id, callerOf(response.locals));
    response.json({ ...snapshot, events: await storedEvents(database, id) });
  });

  router.post('/:id/events', async (request, response) => {
    const caller = callerOf(response.locals);
    const { id } = parse(insatsIdParamSchema, request.params, 'path');
    const event = parse(insatsEventSchema, request.body, 'body');
    await ensureVisible(id, caller);
    if (!mayRecordEvent(caller, event.type)) throw new HttpProblem(403, 'Forbidden', `the role ${caller.role} does not record ${event.type}`);
    const updateId = (response.locals.idempotencyKey as string | undefined) ?? randomUUID();
    const outcome = await insatser.applyEvent(id, { event, requestId: response.locals.requestId as string }, { updateId });
    response.json(outcome);
  });

  return router;
}
