// Bringing a workflow on the time-skipping server to a quiet point before the harness acts on it:
// nothing pending, and no timer about to fire under an update.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { pendingWork } from './pending-work';

/** Waits (in real time) until the workflow has no pending workflow task or activity. */
export async function settled(env: TestWorkflowEnvironment, workflowId: string): Promise<void> {
  const handle = env.client.workflow.getHandle(workflowId);
  for (const started = Date.now(); Date.now() - started < 30_000; ) {
    const { raw, status } = await handle.describe();
    if (status.name !== 'RUNNING') return;
    if (!raw.pendingWorkflowTask && (raw.pendingActivities ?? []).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${workflowId} did not settle within 30 s`);
}

/**
 * How far ahead (server time, which runs at wall-clock speed between sleeps) no timer may be due
 * when an update is sent: far more than the update's workflow task takes.
 */
export const UPDATE_GUARD_MS = 2_000;

/**
 * Fires, and settles, every timer of the workflow due now or within UPDATE_GUARD_MS, and returns
 * once one history snapshot shows nothing outstanding and no timer that soon.
 *
 * Why: the workflow's timer for a reminder at 08:00 fires a few milliseconds after 08:00 (it
 * starts when its workflow task completes, timed from when the task started), and an event at
 * 08:00 was sent a few milliseconds before that. The update wakes the workflow's `condition`, so
 * its workflow task cancels the timer; when the timer fires while that task runs, the
 * time-skipping server refuses the completion ("invalid history builder state for action") and
 * leaves the task started for ever, never timed out nor redelivered, so the update never returns
 * (sdk-java#2606, #3088; the real server drops the buffered TimerFired and records TimerCanceled).
 * One snapshot, because the server records a fired timer on another thread, after the sleep that
 * passed it may have returned. So a reminder or escalation due at the very instant of an event
 * goes first, as it does when the event comes a moment later.
 */
export async function quietBeforeUpdate(env: TestWorkflowEnvironment, workflowId: string): Promise<void> {
  const handle = env.client.workflow.getHandle(workflowId);
  for (const started = Date.now(); Date.now() - started < 30_000; ) {
    await settled(env, workflowId);
    const { busy, timerFireTimes } = pendingWork(await handle.fetchHistory());
    const now = await env.currentTimeMs();
    const next = timerFireTimes[0];
    if (next !== undefined && next <= now + UPDATE_GUARD_MS) await env.sleep(Math.max(next - now, 0) + 1);
    else if (busy) await new Promise((resolve) => setTimeout(resolve, 10));
    else return;
  }
  throw new Error(`${workflowId} did not come to rest before an update within 30 s`);
}
