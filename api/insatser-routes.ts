// /api/insatser: aktualisering, events and the state of one insats.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { InsatsClient } from '../client/insats-client';
import {
  aktualiseringSchema,
  checkEligibility,
  insatsEventSchema,
  localDateOf,
  rulebookFor,
  type Settings,
} from '../domain';
import type { Clock } from '../platform/clock';
import { HttpProblem, invalidInput } from './problem';

const insatsIdParam = z.object({ id: aktualiseringSchema.shape.id });
const idempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be 1–128 letters, digits or _ . : -');

function parse<T>(schema: z.ZodType<T>, value: unknown, where: 'body' | 'path' | 'query' | 'header'): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error, where);
  return result.data;
}

export function insatserRoutes({ insatser, clock, settings }: { insatser: InsatsClient; clock: Clock; settings: Settings }) {
  const router = Router();

  router.post('/', async (request, response) => {
    const aktualisering = parse(aktualiseringSchema, request.body, 'body');
    const today = localDateOf(clock.now());
    const aktualiseringsdatum = aktualisering.aktualiseringsdatum ?? today;
    const rulebook = rulebookFor(aktualisering.beslutsdatum, settings);
    const eligibility = checkEligibility(
      { kund: aktualisering.kund, insatstyp: aktualisering.insatstyp, beslutsdatum: aktualisering.beslutsdatum },
      settings,
    );
    const problems = eligibility.failures.map((failure) => `${failure.message} (${failure.section})`);
    if (aktualiseringsdatum < aktualisering.beslutsdatum) problems.push('aktualiseringsdatum is before beslutsdatum');
    if (aktualiseringsdatum > today) problems.push(`aktualiseringsdatum ${aktualiseringsdatum} is in the future`);
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

  router.get('/:id', async (request, response) => {
    const { id } = parse(insatsIdParam, request.params, 'path');
    response.json(await insatser.describeInsats(id));
  });

  router.post('/:id/events', async (request, response) => {
    const { id } = parse(insatsIdParam, request.params, 'path');
    const event = parse(insatsEventSchema, request.body, 'body');
    const key = request.get('Idempotency-Key');
    const updateId = key === undefined ? randomUUID() : parse(idempotencyKey, key, 'header');
    const outcome = await insatser.applyEvent(id, { event, requestId: response.locals.requestId as string }, { updateId });
    response.json(outcome);
  });

  return router;
}
