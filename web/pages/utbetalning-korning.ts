// One month's payment run (`/utbetalning/:month`): its status, the invoice basis per anordnare with
// totals, the months held back, and its transitions (`POST …/godkann`, `POST …/exportera`) through
// the API's own command (api/payment-commands.ts): the same roles, statuses and conditional update.
import { Router, type RequestHandler, type Response } from 'express';
import type { HeldMonth } from '../../activities/payment-run';
import type { Caller } from '../../api/caller';
import { runTotals } from '../../api/invoice';
import { mayTakePaymentAction, PaymentRunStatusError, TRANSITIONS, transitionPaymentRun, type PaymentRunTransition } from '../../api/payment-commands';
import { HttpProblem } from '../../api/problem';
import { formatKronor, kronorToOre } from '../../domain';
import type { Database } from '../../platform/database';
import type { PaymentRun } from '../../prisma/generated/client';
import { paymentRunStatusLabel, paymentRunStatusPredicate } from '../labels';
import { renderPage } from '../render';
import { pageSessionOf, requirePageRole, requireSession } from '../session';
import { runHref, runMonthOf, underlagCsvHref, underlagHref } from '../utbetalning-paths';
import { localTime, monthName } from './dates';
import { renderNotFound } from './messages';

/** Each transition's path under the run, its button, what the page says once done, and the verb of a refusal. */
const TRANSITION_WORDS: Record<PaymentRunTransition, { path: string; button: string; done: string; passive: string }> = {
  approve: { path: 'godkann', button: 'Godkänn utbetalningen', done: 'godkand', passive: 'godkännas' },
  export: { path: 'exportera', button: 'Markera som exporterad', done: 'exporterad', passive: 'markeras som exporterad' },
};

const FLASHES: Record<string, (month: string) => string> = {
  beraknad: (month) => `Utbetalningen för ${month} är beräknad.`,
  'redan-beraknad': (month) => `Utbetalningen för ${month} var redan beräknad; ingenting ändrades.`,
  godkand: (month) => `Utbetalningen för ${month} är godkänd.`,
  exporterad: (month) => `Utbetalningen för ${month} är markerad som exporterad.`,
};

const when = (instant: Date | null) => (instant ? localTime(instant.toISOString()) : '–');

/** A run's amounts per anordnare, every anordnare with a held month among them. */
async function perAnordnare(database: Database, run: PaymentRun) {
  const totals = await runTotals(database, run.month, {});
  const held = run.held as unknown as HeldMonth[];
  const byAnordnare = new Map<string, { lines: number; amountOre: number }>();
  for (const anordnare of [...totals.map((total) => total.anordnare), ...held.map((entry) => entry.anordnareId)].sort()) byAnordnare.set(anordnare, { lines: 0, amountOre: 0 });
  for (const total of totals) {
    const sum = byAnordnare.get(total.anordnare)!;
    sum.lines += total.lines;
    sum.amountOre += kronorToOre(total.amount);
  }
  return { byAnordnare, held };
}

async function runView(database: Database, run: PaymentRun, { caller, csrf, flash, errors }: { caller: Caller; csrf: string; flash: string | null; errors: string[] }) {
  const { byAnordnare, held } = await perAnordnare(database, run);
  const sums = [...byAnordnare.values()];
  const total = { lines: sums.reduce((sum, row) => sum + row.lines, 0), amountOre: sums.reduce((sum, row) => sum + row.amountOre, 0) };
  const transitions = (Object.keys(TRANSITIONS) as PaymentRunTransition[]).filter((transition) => TRANSITIONS[transition].from === run.status);
  return {
    heading: `Utbetalning ${monthName(run.month)}`,
    csrf,
    flash,
    errors,
    facts: [
      { term: 'Status', value: paymentRunStatusLabel(run.status) },
      { term: 'Beräknad', value: when(run.createdAt) },
      { term: 'Godkänd', value: when(run.approvedAt) },
      { term: 'Exporterad', value: when(run.exportedAt) },
      { term: 'Rader', value: String(total.lines) },
      { term: 'Belopp', value: formatKronor(total.amountOre) },
    ],
    actions: transitions
      .filter((transition) => mayTakePaymentAction(caller.role, transition))
      .map((transition) => ({ action: `${runHref(run.month)}/${TRANSITION_WORDS[transition].path}`, button: TRANSITION_WORDS[transition].button })),
    // The operator starts and exports but does not approve (api/payment-commands.ts).
    waitsForArbetsledare: transitions.some((transition) => !mayTakePaymentAction(caller.role, transition)),
    anordnare: [...byAnordnare].map(([anordnare, sum]) => ({
      anordnare,
      lines: sum.lines,
      amount: formatKronor(sum.amountOre),
      href: underlagHref(run.month, anordnare),
      csvHref: underlagCsvHref(run.month, anordnare),
    })),
    total: { lines: total.lines, amount: formatKronor(total.amountOre) },
    held: held.map((entry) => ({ anordnare: entry.anordnareId, insatsId: entry.insatsId, href: `/insatser/${encodeURIComponent(entry.insatsId)}`, month: entry.month, note: entry.note })),
  };
}

export function utbetalningKorningPage({ page, database }: { page: RequestHandler[]; database: Database }) {
  const router = Router();
  const guarded = [...page, requireSession, requirePageRole('utbetalning')];

  async function show(response: Response, run: PaymentRun, { flash = null, errors = [] }: { flash?: string | null; errors?: string[] }, status = 200) {
    const session = pageSessionOf(response);
    const view = await runView(database, run, { caller: session.caller, csrf: session.csrf, flash, errors });
    renderPage(response, 'utbetalning-korning', view, { title: view.heading, session, current: 'utbetalning' }, status);
  }

  /** The run of the month in the path, or undefined after answering the 404 page. */
  async function runOf(response: Response, value: unknown) {
    const month = runMonthOf(value);
    const run = month ? await database.paymentRun.findUnique({ where: { month } }) : null;
    if (!run) renderNotFound(response, pageSessionOf(response));
    return run ?? undefined;
  }

  router.get('/utbetalning/:month', ...guarded, async (request, response) => {
    const run = await runOf(response, request.params.month);
    if (!run) return;
    const flash = typeof request.query.klart === 'string' ? FLASHES[request.query.klart]?.(monthName(run.month)) : undefined;
    await show(response, run, { flash: flash ?? null });
  });

  for (const transition of Object.keys(TRANSITION_WORDS) as PaymentRunTransition[]) {
    const words = TRANSITION_WORDS[transition];
    router.post(`/utbetalning/:month/${words.path}`, ...guarded, async (request, response) => {
      const run = await runOf(response, request.params.month);
      if (!run) return;
      try {
        await transitionPaymentRun(database, pageSessionOf(response).caller, transition, run.month);
      } catch (error) {
        if (error instanceof PaymentRunStatusError) {
          // Shown with the status the run has now, which another user may just have changed.
          const current = await runOf(response, run.month);
          const refusal = `Utbetalningen är ${paymentRunStatusPredicate(error.current)} och kan inte ${words.passive}: det går bara när den är ${paymentRunStatusPredicate(error.expected)}.`;
          return current && show(response, current, { errors: [refusal] }, 409);
        }
        if (error instanceof HttpProblem && error.status === 403) return show(response, run, { errors: [`Din roll får inte göra det: ${error.detail}.`] }, 403);
        if (error instanceof HttpProblem && error.status === 404) return renderNotFound(response, pageSessionOf(response));
        throw error;
      }
      response.redirect(303, `${runHref(run.month)}?klart=${words.done}`);
    });
  }

  return router;
}
