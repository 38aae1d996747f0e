// One anordnare's invoice basis of a run (`/utbetalning/:month/anordnare/:anordnare`): its lines
// with the totals per insatstyp and in all, the months held back, and the same as the CSV file
// (`…/underlag.csv`) that GET /api/payment-runs/:month/anordnare/:anordnare.csv sends, here with
// the session instead of a bearer key. Both from api/invoice.ts.
import { Router, type RequestHandler, type Response } from 'express';
import { invoiceBasis, invoiceCsv, invoiceCsvName, paymentKindLabel, type InvoiceBasis } from '../../api/invoice';
import { actorIdSchema, formatKronor, kronorToOre } from '../../domain';
import type { Database } from '../../platform/database';
import { paymentRunStatusLabel } from '../labels';
import { renderPage } from '../render';
import { pageSessionOf, requirePageRole, requireSession } from '../session';
import { runHref, runMonthOf, underlagCsvHref } from '../utbetalning-paths';
import { monthName } from './dates';
import { renderNotFound } from './messages';

const kronor = (amount: number) => formatKronor(kronorToOre(amount));

function underlagView(basis: InvoiceBasis) {
  return {
    heading: `Underlag ${monthName(basis.run)}: anordnare ${basis.anordnare}`,
    anordnare: basis.anordnare,
    status: paymentRunStatusLabel(basis.status),
    runHref: runHref(basis.run),
    runName: monthName(basis.run),
    csvHref: underlagCsvHref(basis.run, basis.anordnare),
    lines: basis.lines.map((line) => ({
      insatsId: line.insatsId,
      href: `/insatser/${encodeURIComponent(line.insatsId)}`,
      insatstyp: line.insatstyp,
      kind: paymentKindLabel(line.kind),
      month: line.month,
      activeDays: line.activeDays ?? '–',
      amount: kronor(line.amount),
      rule: line.rule,
      note: line.note,
    })),
    totals: basis.totals.map((total) => ({ label: `Summa ${total.insatstyp}`, amount: kronor(total.amount) })),
    total: kronor(basis.total),
    held: basis.held.map((entry) => ({ insatsId: entry.insatsId, href: `/insatser/${encodeURIComponent(entry.insatsId)}`, month: entry.month, note: entry.note })),
  };
}

export function utbetalningUnderlagPage({ page, database }: { page: RequestHandler[]; database: Database }) {
  const router = Router();
  const guarded = [...page, requireSession, requirePageRole('utbetalning')];

  /** The basis the path names, or undefined after answering the 404 page. */
  async function basisOf(response: Response, params: { month?: unknown; anordnare?: unknown }) {
    const month = runMonthOf(params.month);
    const anordnare = actorIdSchema.safeParse(params.anordnare);
    const basis = month && anordnare.success ? await invoiceBasis(database, month, anordnare.data) : undefined;
    if (!basis) renderNotFound(response, pageSessionOf(response));
    return basis;
  }

  router.get('/utbetalning/:month/anordnare/:anordnare', ...guarded, async (request, response) => {
    const basis = await basisOf(response, request.params);
    if (!basis) return;
    const view = underlagView(basis);
    renderPage(response, 'utbetalning-underlag', view, { title: view.heading, session: pageSessionOf(response), current: 'utbetalning' });
  });

  router.get('/utbetalning/:month/anordnare/:anordnare/underlag.csv', ...guarded, async (request, response) => {
    const basis = await basisOf(response, request.params);
    if (!basis) return;
    response.type('text/csv; charset=utf-8').attachment(invoiceCsvName(basis)).send(invoiceCsv(basis));
  });

  return router;
}
