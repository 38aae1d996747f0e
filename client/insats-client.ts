// The one place API code talks to Temporal: start an insats and apply an event. Reads come from
// the PostgreSQL projection (api/insats-queries.ts), never from a workflow query.
// Temporal's errors become the domain errors below, recognised by class, never by message text.
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Clock } from '../platform/clock';
import { systemClock } from '../platform/clock';
import { insatsWorkflowId, TASK_QUEUE } from '../workflows/ids';
import { insatsWorkflow } from '../workflows/insats-workflow';
import { applyEventUpdate, ILLEGAL_EVENT, NOT_VISIBLE } from '../workflows/messages';
import type { EventMessage, EventOutcome, InsatsWorkflowInput } from '../workflows/types';

export class InsatsAlreadyExistsError extends Error {}
export class InsatsNotFoundError extends Error {}
export class EventRejectedError extends Error {
  constructor(
    message: string,
    /** `illegal`: not allowed in the insats's current state; `invalid`: malformed. */
    readonly reason: 'illegal' | 'invalid',
  ) {
    super(message);
  }
}

export type InsatsStart = Omit<InsatsWorkflowInput, 'clockOffsetMs'>;

export function createInsatsClient(client: Client, { clock = systemClock, taskQueue = TASK_QUEUE }: { clock?: Clock; taskQueue?: string } = {}) {
  const handle = (insatsId: string) => client.workflow.getHandle(insatsWorkflowId(insatsId));

  async function notFoundAs<T>(insatsId: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new InsatsNotFoundError(`insats ${insatsId} does not exist`);
      throw error;
    }
  }

  return {
    async startInsats(insats: InsatsStart): Promise<{ workflowId: string; firstRunId: string }> {
      const workflowId = insatsWorkflowId(insats.insatsId);
      // A non-zero offset only where the clock is placed (tests, simulator); production passes 0.
      const clockOffsetMs = Math.round(clock.now().getTime() - Date.now());
      try {
        const handle = await client.workflow.start(insatsWorkflow, {
          workflowId,
          taskQueue,
          args: [{ ...insats, ...(Math.abs(clockOffsetMs) > 1000 ? { clockOffsetMs } : {}) }],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
          staticSummary: `Insats ${insats.insatsId} (${insats.insatstyp}), anordnare ${insats.anordnare}, kvl ${insats.kvl}`,
        });
        return { workflowId, firstRunId: handle.firstExecutionRunId };
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) {
          throw new InsatsAlreadyExistsError(`insats ${insats.insatsId} already exists`);
        }
        throw error;
      }
    },

    async applyEvent(insatsId: string, message: EventMessage, options: { updateId?: string } = {}): Promise<EventOutcome> {
      return notFoundAs(insatsId, async () => {
        try {
          return await handle(insatsId).executeUpdate(applyEventUpdate, { args: [message], updateId: options.updateId });
        } catch (error) {
          if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
            if (error.cause.type === NOT_VISIBLE) throw new InsatsNotFoundError(`insats ${insatsId} does not exist`);
            throw new EventRejectedError(error.cause.message, error.cause.type === ILLEGAL_EVENT ? 'illegal' : 'invalid');
          }
          throw error;
        }
      });
    },

    /** Throws when Temporal cannot be reached. */
    async ping(): Promise<void> {
      await client.workflowService.getSystemInfo({});
    },
  };
}

export type InsatsClient = ReturnType<typeof createInsatsClient>;
