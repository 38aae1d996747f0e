// What a caller may do with a month's payment run (2023 §9): start it, and move it on from draft
// to approved (an arbetsledare only) to exported. /api/payment-runs (api/payment-routes.ts) and
// the Utbetalning page (web/pages/) share these, so the page can do nothing the API refuses.
import type { YearMonth } from '../domain';
import type { Database } from '../platform/database';
import { requireRole, type Caller } from './caller';
import { HttpProblem } from './problem';

export type PaymentRunAction = 'start' | 'approve' | 'export';
export type PaymentRunTransition = Exclude<PaymentRunAction, 'start'>;

const ACTIONS: Record<PaymentRunAction, { roles: Caller['role'][]; refused: string }> = {
  start: { roles: ['arbetsledare', 'operator'], refused: 'start a payment run' },
  approve: { roles: ['arbetsledare'], refused: 'approve a payment run' },
  export: { roles: ['arbetsledare', 'operator'], refused: 'export a payment run' },
};

/** The status a run must have for each transition, and the one it gets. */
export const TRANSITIONS = {
  approve: { from: 'draft', to: 'approved' },
  export: { from: 'approved', to: 'exported' },
} as const satisfies Record<PaymentRunTransition, { from: string; to: string }>;

/** Every role that takes some action on a payment run. */
export const PAYMENT_RUN_ROLES: readonly Caller['role'][] = [...new Set(Object.values(ACTIONS).flatMap((action) => action.roles))];

export const mayTakePaymentAction = (role: Caller['role'], action: PaymentRunAction) => ACTIONS[action].roles.includes(role);

/** 403 unless the caller's role takes `action`. */
export function requirePaymentAction(caller: Caller, action: PaymentRunAction): void {
  requireRole(caller, ACTIONS[action].roles, ACTIONS[action].refused);
}

export const paymentRunNotFound = (month: YearMonth) => new HttpProblem(404, 'Not found', `no payment run for ${month}`);

/** 409: the run is not in the status the transition starts from; `current` is the one it has. */
export class PaymentRunStatusError extends HttpProblem {
  constructor(
    readonly month: YearMonth,
    readonly current: string,
    readonly expected: string,
  ) {
    super(409, 'Wrong status', `payment run ${month} is ${current}, not ${expected}`);
  }
}

/**
 * Moves the run of `month` on by `transition`, in one conditional update so two callers cannot
 * both take it. Throws HttpProblem 403 (the role), 404 (no run) or PaymentRunStatusError (409).
 */
export async function transitionPaymentRun(database: Database, caller: Caller, transition: PaymentRunTransition, month: YearMonth): Promise<{ month: YearMonth; status: string }> {
  requirePaymentAction(caller, transition);
  const { from, to } = TRANSITIONS[transition];
  const data = transition === 'approve' ? { status: to, approvedAt: new Date(), approvedBy: caller.keyId } : { status: to, exportedAt: new Date() };
  const { count } = await database.paymentRun.updateMany({ where: { month, status: from }, data });
  if (count === 0) {
    const existing = await database.paymentRun.findUnique({ where: { month } });
    if (!existing) throw paymentRunNotFound(month);
    throw new PaymentRunStatusError(month, existing.status, from);
  }
  return { month, status: to };
}
