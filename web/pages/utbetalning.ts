// Utbetalning (`/utbetalning`): the payment runs with their status, and a month's run started by
// hand (`POST /utbetalning`) through the same PaymentClient.runPayments and role check as
// POST /api/payment-runs. A run that would come before the month's approval day (2023 §6.4, §9)
// is first answered with a confirmation step that says so; nothing is computed until it is confirmed.
import { Router, type RequestHandler, type Response } from 'express';
import { mayTakePaymentAction, requirePaymentAction } from '../../api/payment-commands';
import { HttpProblem } from '../../api/problem';
import { startPaymentRunSchema } from '../../api/schemas';
import { PaymentRunStoppedError, type PaymentClient } from '../../client/payment-client';
import { formatKronor, localDateOf, monthOf, type YearMonth } from '../../domain';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/database';
import { APPROVAL_DAY, approvalDateOf, isBeforeApprovalDay } from '../approval-day';
import { fieldErrors, noErrors, type FormErrors } from '../forms/field-errors';
import { fieldViews } from '../forms/field-views';
import { objectFrom, type FormBody } from '../forms/form-values';
import { fieldsOf } from '../forms/schema-fields';
import { paymentRunStatusLabel } from '../labels';
import { renderPage } from '../render';
import { pageSessionOf, requirePageRole, requireSession } from '../session';
import { runHref } from '../utbetalning-paths';
import { localTime, longDate, monthName } from './dates';

const FIELDS = fieldsOf(startPaymentRunSchema);
const FORM_ID = 'korning';
/** Five years of monthly runs; older ones are still at /utbetalning/<månad>. */
const RUNS_SHOWN = 60;
/** The second submit of the confirmation step. */
const CONFIRMED = { name: 'bekraftad', value: 'ja' };

async function runRows(database: Database) {
  const runs = await database.paymentRun.findMany({ orderBy: { month: 'desc' }, take: RUNS_SHOWN + 1 });
  const shown = runs.slice(0, RUNS_SHOWN);
  const sums = await database.paymentLine.groupBy({ by: ['runMonth'], where: { runMonth: { in: shown.map((run) => run.month) } }, _sum: { amountOre: true }, _count: { _all: true } });
  const sumOf = new Map(sums.map((sum) => [sum.runMonth, sum]));
  return {
    cut: runs.length > RUNS_SHOWN,
    rows: shown.map((run) => ({
      href: runHref(run.month),
      name: monthName(run.month),
      status: paymentRunStatusLabel(run.status),
      lines: sumOf.get(run.month)?._count._all ?? 0,
      amount: formatKronor(sumOf.get(run.month)?._sum.amountOre ?? 0),
      createdAt: localTime(run.createdAt.toISOString()),
      approvedAt: run.approvedAt ? localTime(run.approvedAt.toISOString()) : '–',
      exportedAt: run.exportedAt ? localTime(run.exportedAt.toISOString()) : '–',
    })),
  };
}

export function utbetalningPage({ page, database, clock, payments }: { page: RequestHandler[]; database: Database; clock: Clock; payments: PaymentClient }) {
  const router = Router();
  const guarded = [...page, requireSession, requirePageRole('utbetalning')];

  async function showList(response: Response, { posted, errors }: { posted: FormBody; errors: FormErrors }, status = 200) {
    const session = pageSessionOf(response);
    const { rows, cut } = await runRows(database);
    const view = {
      csrf: session.csrf,
      errors: errors.general,
      approvalDay: APPROVAL_DAY,
      mayStart: mayTakePaymentAction(session.caller.role, 'start'),
      fields: fieldViews(FIELDS, { formId: FORM_ID, posted, errors: errors.fields }),
      runs: rows,
      cut,
      shown: RUNS_SHOWN,
    };
    renderPage(response, 'utbetalning', view, { title: 'Utbetalning', session, current: 'utbetalning' }, status);
  }

  function showConfirmation(response: Response, month: YearMonth) {
    const session = pageSessionOf(response);
    const view = {
      csrf: session.csrf,
      month,
      heading: `Köra utbetalningen för ${monthName(month)} före godkännandedagen?`,
      warning: `Godkännandedagen för ${monthName(month)} är ${longDate(approvalDateOf(month))}; rapporter som godkänns efter att körningen gjorts kommer inte med. Kör ändå?`,
      confirmed: CONFIRMED,
    };
    renderPage(response, 'utbetalning-bekrafta', view, { title: `Bekräfta utbetalningen för ${monthName(month)}`, session, current: 'utbetalning' });
  }

  router.get('/utbetalning', ...guarded, async (_request, response) => {
    await showList(response, { posted: { month: monthOf(localDateOf(clock.now())) }, errors: noErrors() });
  });

  router.post('/utbetalning', ...guarded, async (request, response) => {
    const { caller } = pageSessionOf(response);
    const body = request.body as FormBody;
    try {
      requirePaymentAction(caller, 'start');
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      return showList(response, { posted: body, errors: { ...noErrors(), general: [`Din roll får inte köra utbetalningen: ${error.detail}.`] } }, 403);
    }
    const value = objectFrom(FIELDS, body) ?? {};
    const parsed = startPaymentRunSchema.safeParse(value);
    if (!parsed.success) return showList(response, { posted: body, errors: fieldErrors(parsed.error.issues, FIELDS, value) }, 400);
    const { month } = parsed.data;
    // A run already computed is only read again, whenever that is: nothing to warn about.
    const computed = await database.paymentRun.findUnique({ where: { month }, select: { month: true } });
    if (!computed && body[CONFIRMED.name] !== CONFIRMED.value && isBeforeApprovalDay(month, localDateOf(clock.now()))) return showConfirmation(response, month);
    try {
      const result = await payments.runPayments(month);
      response.redirect(303, `${runHref(month)}?klart=${result.created ? 'beraknad' : 'redan-beraknad'}`);
    } catch (error) {
      if (!(error instanceof PaymentRunStoppedError)) throw error;
      const general = [
        `Utbetalningen för ${monthName(month)} stoppades och ingenting betalades. Körningen säger: ”${error.message}”.`,
        'Det som saknas är en inställning, oftast ett månadsbelopp (payments.monthAmounts). När den är gjord kan utbetalningen köras igen.',
      ];
      await showList(response, { posted: body, errors: { ...noErrors(), general } }, 422);
    }
  });

  return router;
}
