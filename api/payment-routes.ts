// /api/payment-runs: start a month's run, read it, approve it (arbetsledare), mark it exported,
// and the invoice basis per anordnare as JSON or CSV. An anordnare sees only its own basis, a kvl
// key scoped to one kvl only the amounts of that kvl's insatser (api/invoice.ts).
import { Router } from 'express';
import { z } from 'zod';
import { actorIdSchema } from '../domain';
import type { PaymentClient } from '../client/payment-client';
import { PaymentRunStoppedError } from '../client/payment-client';
import type { Database } from '../platform/database';
import { callerOf } from './auth';
import { requireRole, type Caller } from './caller';
import { invoiceBasis, invoiceCsv, runTotals, type PaymentScope } from './invoice';
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
    requireRole(callerOf(response.locals), ['arbetsledare', 'operator'], 'start a payment run');
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
    const run = await database.paymentRun.findUnique({ where: { month: month(request.params) } });
    if (!run) throw new HttpProblem(404, 'Not found', `no payment run for ${request.params.month}`);
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
    if (!basis) throw new HttpProblem(404, 'Not found', `no payment run for ${run}`);
    if (!csv) {
      response.json(basis);
      return;
    }
    response
      .type('text/csv; charset=utf-8')
      .attachment(`underlag-${anordnare}-${run}.csv`)
      .send(invoiceCsv(basis));
  });

  const transition = (from: string, to: 'approved' | 'exported', roles: Caller['role'][]) =>
    router.post(`/:month/${to === 'approved' ? 'approve' : 'export'}`, async (request, response) => {
      const caller = callerOf(response.locals);
      requireRole(caller, roles, to === 'approved' ? 'approve a payment run' : 'export a payment run');
      const run = month(request.params);
      const data = to === 'approved' ? { status: to, approvedAt: new Date(), approvedBy: caller.keyId } : { status: to, exportedAt: new Date() };
      const { count } = await database.paymentRun.updateMany({ where: { month: run, status: from }, data });
      if (count === 0) {
        const existing = await database.paymentRun.findUnique({ where: { month: run } });
        if (!existing) throw new HttpProblem(404, 'Not found', `no payment run for ${run}`);
        throw new HttpProblem(409, 'Wrong status', `payment run ${run} is ${existing.status}, not ${from}`);
      }
      response.json({ month: run, status: to });
    });
  transition('draft', 'approved', ['arbetsledare']);
  transition('approved', 'exported', ['arbetsledare', 'operator']);

  return router;
}
