// The payment run through Temporal: start it by hand for a month, and keep the monthly Schedule.
import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  WorkflowFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { PaymentRunResult } from '../activities/payment-run';
import { MISSING_SETTING } from '../activities/payment-run';
import type { YearMonth } from '../domain';
import { TASK_QUEUE } from '../workflows/ids';
import { paymentRunWorkflow } from '../workflows/payment-run-workflow';

export const PAYMENT_SCHEDULE_ID = 'payment-run';

/** The run stopped, e.g. because a month amount is not configured; the message names it. */
export class PaymentRunStoppedError extends Error {}

function missingSetting(error: unknown): string | undefined {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if (current instanceof ApplicationFailure && current.type === MISSING_SETTING) return current.message;
  }
  return undefined;
}

export function createPaymentClient(client: Client, { taskQueue = TASK_QUEUE }: { taskQueue?: string } = {}) {
  return {
    /** Runs (or re-reads) the payment run of `month`; a repeated run changes nothing. */
    async runPayments(month: YearMonth): Promise<PaymentRunResult> {
      try {
        return await client.workflow.execute(paymentRunWorkflow, {
          workflowId: `payment-run-${month}`,
          taskQueue,
          args: [{ month }],
          workflowIdConflictPolicy: 'USE_EXISTING',
          staticSummary: `Utbetalning ${month}`,
        });
      } catch (error) {
        const message = error instanceof WorkflowFailedError ? missingSetting(error) : undefined;
        if (message) throw new PaymentRunStoppedError(message);
        throw error;
      }
    },

    /** The monthly Schedule: the 16th at 06:00 Europe/Stockholm, after the approval day. */
    async ensurePaymentSchedule(): Promise<void> {
      try {
        await client.schedule.create({
          scheduleId: PAYMENT_SCHEDULE_ID,
          spec: { calendars: [{ dayOfMonth: 16, hour: 6, comment: 'the day after the 15th, the last approval day (2023 §6.4, §9)' }], timezone: 'Europe/Stockholm' },
          action: { type: 'startWorkflow', workflowType: paymentRunWorkflow, taskQueue, args: [{}], workflowId: 'payment-run-scheduled' },
          policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
        });
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      }
    },
  };
}

export type PaymentClient = ReturnType<typeof createPaymentClient>;
