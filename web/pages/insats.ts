// Insatsen (`/insatser/:id`) and its event forms (`POST /insatser/:id/handelser`). A post is read
// with the event type's generated fields, parsed with insatsEventSchema and recorded through the
// API's own command (api/insats-commands.ts): the same visibility check, role check and facade.
// Whatever refuses it, the page shows why beside the form and nothing is recorded.
import { Router, type RequestHandler, type Response } from 'express';
import type { Caller } from '../../api/caller';
import type { InsatsCommands } from '../../api/insats-commands';
import { visibleInsatsRow } from '../../api/insats-queries';
import { HttpProblem } from '../../api/problem';
import { insatsIdParamSchema, timelineQuerySchema } from '../../api/schemas';
import { EventRejectedError } from '../../client/insats-client';
import { insatsEventSchema, localDateOf } from '../../domain';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/database';
import { EVENT_FIELDS } from '../event-forms';
import { fieldErrors, noErrors, type FormErrors } from '../forms/field-errors';
import { objectFrom, type FormBody } from '../forms/form-values';
import { eventLabel } from '../labels';
import { renderPage } from '../render';
import { pageSessionOf, requireSession } from '../session';
import { insatsView, type PostedForm } from './insats-view';
import { renderNotFound } from './messages';

const general = (text: string): FormErrors => ({ ...noErrors(), general: [text] });

/** Why the insats or the API refused a parsed event, as the form says it; undefined for any other failure. */
function refusalOf(error: unknown): { status: number; errors: FormErrors } | undefined {
  if (error instanceof HttpProblem && error.status === 403) return { status: 403, errors: general(`Din roll får inte registrera händelsen: ${error.detail}.`) };
  if (error instanceof EventRejectedError) {
    return error.reason === 'illegal'
      ? { status: 409, errors: general(`Insatsen tog inte emot händelsen: ${error.message}.`) }
      : { status: 400, errors: general(`Uppgifterna godtas inte: ${error.message}.`) };
  }
  return undefined;
}

export function insatsPages({ page, database, clock, commands }: { page: RequestHandler[]; database: Database; clock: Clock; commands: InsatsCommands }) {
  const router = Router();

  /** The insats the caller may see, or undefined after answering the 404 page. */
  async function visibleRow(response: Response, id: unknown, caller: Caller) {
    const parsed = insatsIdParamSchema.safeParse({ id });
    const row = parsed.success ? await visibleInsatsRow(database, caller, parsed.data.id) : undefined;
    if (!row) renderNotFound(response, pageSessionOf(response));
    return row;
  }

  async function show(response: Response, row: NonNullable<Awaited<ReturnType<typeof visibleInsatsRow>>>, options: { cursor?: number; flash?: string; posted?: PostedForm }, status = 200) {
    const session = pageSessionOf(response);
    const view = await insatsView(database, row, { caller: session.caller, csrf: session.csrf, today: localDateOf(clock.now()), ...options });
    renderPage(response, 'insats', view, { title: `Insats ${row.id}`, session, current: 'att-gora' }, status);
  }

  router.get('/insatser/:id', ...page, requireSession, async (request, response) => {
    const row = await visibleRow(response, request.params.id, pageSessionOf(response).caller);
    if (!row) return;
    const page = timelineQuerySchema.safeParse(typeof request.query.tidslinje === 'string' ? { cursor: request.query.tidslinje } : {});
    const registered = typeof request.query.registrerad === 'string' && EVENT_FIELDS.has(request.query.registrerad) ? request.query.registrerad : undefined;
    const flash = registered ? `Händelsen ”${eventLabel(registered)}” är registrerad.` : request.query.aktualiserad === 'ja' ? 'Insatsen är aktualiserad.' : undefined;
    await show(response, row, { ...(page.success && page.data.cursor !== undefined ? { cursor: page.data.cursor } : {}), ...(flash ? { flash } : {}) });
  });

  router.post('/insatser/:id/handelser', ...page, requireSession, async (request, response) => {
    const { caller } = pageSessionOf(response);
    const row = await visibleRow(response, request.params.id, caller);
    if (!row) return;
    const body = request.body as FormBody;
    const type = typeof body.type === 'string' ? body.type : '';
    const fields = EVENT_FIELDS.get(type);
    if (!fields) return show(response, row, { posted: { type, body, errors: general('Händelsen finns inte. Välj en händelse i listan.') } }, 400);
    const event = { ...objectFrom(fields, body), type };
    const parsed = insatsEventSchema.safeParse(event);
    if (!parsed.success) return show(response, row, { posted: { type, body, errors: fieldErrors(parsed.error.issues, fields, event) } }, 400);
    try {
      await commands.recordEvent(caller, row.id, parsed.data, { requestId: response.locals.requestId as string });
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 404) return renderNotFound(response, pageSessionOf(response));
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      return show(response, row, { posted: { type, body, errors: refusal.errors } }, refusal.status);
    }
    response.redirect(303, `/insatser/${encodeURIComponent(row.id)}?registrerad=${encodeURIComponent(type)}#registrera`);
  });

  return router;
}
