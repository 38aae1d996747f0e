// The monthly payment run (2023 §9), started by the Temporal Schedule `payment-run` on the 16th
// (after the approval day, the 15th) or by hand for a given month. The run itself is one
// idempotent activity; the workflow gives it a durable home and a place in the Web UI.
import { proxyActivities, setCurrentDetails } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { PaymentRunResult } from '../activities/payment-run';
import { addMonthsTo, defaultSettings, localDateOf, monthOf, type YearMonth } from '../domain';
import { workflowNow } from './clock';

const { computePaymentRun } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '5 minutes' },
  summary: 'compute the payment run',
});

export interface PaymentRunInput {
  /** The run month; by default the current month (the schedule runs on the 16th). */
  month?: YearMonth;
  clockOffsetMs?: number;
}

export async function paymentRunWorkflow({ month, clockOffsetMs }: PaymentRunInput = {}): Promise<PaymentRunResult> {
  const runMonth = month ?? monthOf(localDateOf(workflowNow(clockOffsetMs)));
  setCurrentDetails(`Utbetalning för ${runMonth}: rapporter godkända senast den ${defaultSettings.payments.approvalDay}:e, månader till och med ${addMonthsTo(runMonth, -1)}.`);
  const result = await computePaymentRun(runMonth, defaultSettings.payments.approvalDay);
  setCurrentDetails(result.message);
  return result;
}
