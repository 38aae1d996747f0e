// /api/payment-runs: start a month's run, read it, approve it (arbetsledare), mark it exported,
// and the invoice basis per anordnare as JSON or CSV. An anordnare sees only its own basis, a kvl
// key scoped to one kvl only the amounts of that kvl's insatser (api/invoice.ts). Who may start,
// approve and export, and the transitions themselves, are api/payment-commands.ts, which the
// Utbetalning page shares.
import { Router } from 'express';
import { z } from 'zod';
import { actorIdSchema } from '../domain';
import type { PaymentClient } from '../client/payment-client';
import { PaymentRunStoppedError } from '../client/payment-client';
import type { Database } from '../platform/database';
import { callerOf } from './auth';
import type { Caller } from './caller';
import { invoiceBasis, invoiceCsv, invoiceCsvName, runTotals, type PaymentScope } from './invoice';
import { paymentRunNotFound, requirePaymentAction, transitionPaymentRun, type PaymentRunTransition } from './payment-commands';
import { HttpProblem, parseInput } from './problem';
import { paymentRunMonthSchema, startPaymentRunSchema } from './schemas';

// The anordnare's id, checked by actorIdSchema below, and the format: .json (also without one) or .csv.
const fileSchema = z.string().regex(/^[^.]+(\.json|\.csv)?$/, 'must be <anordnare>.json or <anordnare>.csv');

/** The lines a caller may see: its own as an anordnare, its kvl's insatser's as a scoped kvl key. */
function scopeOf(caller: Caller): PaymentScope {
  if (caller.role === 'anordnare') return { anordnare: caller.anordnare! };
  if (caller.role === 'kvl' && caller.kvl) return { kvl: caller.kvl };
  return {};
}

export function paymentRoutes({ payments, database }: { payments: PaymentClient; database: Database }) {
  const router = Router();
  const month = (params: unknown) => parseInput(paymentRunMonthSchema, params, 'path').month;

  router.post('/', async (request, response) => {
    requirePaymentAction(callerOf(response.locals), 'start');
    const { month: runMonth } = parseInput(startPaymentRunSchema, request.body);
    try {
      const result = await payments.runPayments(runMonth);
      response.status(result.created ? 201 : 200).json(result);
    } catch (error) {
      if (error instanceof PaymentRunStoppedError) throw new HttpProblem(422, 'Payment run stopped', error.message);
      throw error;
    }
  });

  router.get('/:month', async (request, response) => {
    const caller = callerOf(response.locals);
    const runMonth = month(request.params);
    const run = await database.paymentRun.findUnique({ where: { month: runMonth } });
    if (!run) throw paymentRunNotFound(runMonth);
    response.json({
      month: run.month,
      status: run.status,
      approvedAt: run.approvedAt,
      exportedAt: run.exportedAt,
      totals: await runTotals(database, run.month, scopeOf(caller)),
    });
  });

  router.get('/:month/anordnare/:file', async (request, response) => {
    const caller = callerOf(response.locals);
    const run = month(request.params);
    const file = parseInput(fileSchema, request.params.file, 'path');
    const csv = file.endsWith('.csv');
    const anordnare = parseInput(actorIdSchema, csv ? file.slice(0, -4) : file.replace(/\.json$/, ''), 'path');
    if (caller.role === 'anordnare' && caller.anordnare !== anordnare) throw new HttpProblem(404, 'Not found', `no invoice basis for ${anordnare} in ${run}`);
    const basis = await invoiceBasis(database, run, anordnare, scopeOf(caller));
    if (!basis) throw paymentRunNotFound(run);
    if (!csv) {
      response.json(basis);
      return;
    }
    response
      .type('text/csv; charset=utf-8')
      .attachment(invoiceCsvName(basis))
      .send(invoiceCsv(basis));
  });

  const transitions: [path: string, transition: PaymentRunTransition][] = [['approve', 'approve'], ['export', 'export']];
  for (const [path, transition] of transitions) {
    router.post(`/:month/${path}`, async (request, response) => {
      const caller = callerOf(response.locals);
      // The role first: a role that does not take the action gets 403 whatever month it names.
      requirePaymentAction(caller, transition);
      response.json(await transitionPaymentRun(database, caller, transition, month(request.params)));
    });
  }

  return router;
}
