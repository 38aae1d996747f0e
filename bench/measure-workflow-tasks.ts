// Workflow-task durations from the histories the server kept, after the load: for each
// WorkflowTaskStarted and the WorkflowTaskCompleted that names it, the time between their
// timestamps, which is what the worker spent on the task (its replay included, when the insats was
// not cached) and the answer's way back. Over a sample of the bench's insatser with every one
// brought in three years late, against the tasks of the empty workflow the starts measured.
import proto, { type temporal } from '@temporalio/proto';
import { insatsWorkflowId } from '../workflows/ids';
import type { Figure } from './figures';
import { percentile, runAtConcurrency } from './load';
import type { Stack } from './stack';

const FETCH_CONCURRENCY = 10;

interface Tasks {
  durationsMs: number[];
  /** WorkflowTaskFailed events, with the first one's cause. */
  failed: number;
  firstFailure?: string;
  /** WorkflowTaskTimedOut events by timeout type (a sticky task not picked up in time, or one that ran too long). */
  timedOut: Map<string, number>;
}

const noTasks = (): Tasks => ({ durationsMs: [], failed: 0, timedOut: new Map() });

const millis = (time: temporal.api.history.v1.IHistoryEvent['eventTime']) => Number(String(time?.seconds ?? 0)) * 1000 + (time?.nanos ?? 0) / 1e6;

function tasksOf(history: temporal.api.history.v1.IHistory, into: Tasks): void {
  const startedAt = new Map<string, number>();
  for (const event of history.events ?? []) {
    if (event.workflowTaskStartedEventAttributes) startedAt.set(String(event.eventId), millis(event.eventTime));
    const completed = event.workflowTaskCompletedEventAttributes;
    const started = completed ? startedAt.get(String(completed.startedEventId)) : undefined;
    if (started !== undefined) into.durationsMs.push(millis(event.eventTime) - started);
    const failed = event.workflowTaskFailedEventAttributes;
    if (failed) {
      into.failed += 1;
      into.firstFailure ??= `${proto.temporal.api.enums.v1.WorkflowTaskFailedCause[failed.cause ?? 0]}: ${failed.failure?.message ?? ''}`;
    }
    const timedOut = event.workflowTaskTimedOutEventAttributes;
    if (timedOut) {
      const type = proto.temporal.api.enums.v1.TimeoutType[timedOut.timeoutType ?? 0] ?? String(timedOut.timeoutType);
      into.timedOut.set(type, (into.timedOut.get(type) ?? 0) + 1);
    }
  }
}

async function tasksOfWorkflows(stack: Stack, workflowIds: string[]): Promise<Tasks> {
  const tasks = noTasks();
  const fetched = await runAtConcurrency(workflowIds.length, FETCH_CONCURRENCY, async (index) => {
    tasksOf(await stack.client.workflow.getHandle(workflowIds[index]!).fetchHistory(), tasks);
  });
  if (fetched.failures > 0) throw new Error(`${fetched.failures} of ${workflowIds.length} histories could not be fetched: ${fetched.firstFailure}`);
  return tasks;
}

/**
 * The most workflow tasks the given workflows started in any one minute from `fromMs` on (a
 * sliding minute over their WorkflowTaskStarted events), and how many they started in all.
 */
export async function busiestMinuteOfTasks(stack: Stack, workflowIds: string[], fromMs: number): Promise<{ busiest: number; total: number }> {
  const starts: number[] = [];
  const fetched = await runAtConcurrency(workflowIds.length, FETCH_CONCURRENCY, async (index) => {
    const history = await stack.client.workflow.getHandle(workflowIds[index]!).fetchHistory();
    for (const event of history.events ?? []) if (event.workflowTaskStartedEventAttributes && millis(event.eventTime) >= fromMs) starts.push(millis(event.eventTime));
  });
  if (fetched.failures > 0) throw new Error(`${fetched.failures} of ${workflowIds.length} histories could not be fetched: ${fetched.firstFailure}`);
  starts.sort((a, b) => a - b);
  let busiest = 0;
  for (let first = 0, last = 0; last < starts.length; last += 1) {
    while (starts[last]! - starts[first]! >= 60_000) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return { busiest, total: starts.length };
}

function sample<T>(items: T[], size: number): T[] {
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return shuffled.slice(0, size);
}

export async function measureWorkflowTasks(stack: Stack, { sampleSize, oldIds }: { sampleSize: number; oldIds: string[] }): Promise<Figure[]> {
  const old = new Set(oldIds);
  const others = (await stack.database.insats.findMany({ select: { id: true } })).map((row) => row.id).filter((id) => !old.has(id));
  const sampled = sample(others, sampleSize);
  const emptyIds: string[] = [];
  for await (const execution of stack.client.workflow.list({ query: 'WorkflowType = "emptyWorkflow"' })) {
    emptyIds.push(execution.workflowId);
    if (emptyIds.length >= sampleSize) break;
  }

  const oldTasks = await tasksOfWorkflows(stack, oldIds.map(insatsWorkflowId));
  const all = await tasksOfWorkflows(stack, sampled.map(insatsWorkflowId));
  all.durationsMs.push(...oldTasks.durationsMs);
  all.failed += oldTasks.failed;
  all.firstFailure ??= oldTasks.firstFailure;
  for (const [type, count] of oldTasks.timedOut) all.timedOut.set(type, (all.timedOut.get(type) ?? 0) + count);
  const empty = await tasksOfWorkflows(stack, emptyIds);
  const timedOut = (tasks: Tasks) => [...tasks.timedOut.values()].reduce((sum, count) => sum + count, 0);
  const baselineLabel = `empty workflow, ${empty.durationsMs.length} tasks`;
  const label = `${all.durationsMs.length} tasks of ${sampled.length + oldIds.length} insatser, ${oldIds.length} brought in three years late among them`;
  const max = (values: number[]) => (values.length > 0 ? Math.max(...values) : undefined);
  return [
    { measurement: `workflow task duration p99 (${label})`, value: percentile(all.durationsMs, 99), unit: 'ms', baseline: percentile(empty.durationsMs, 99), baselineLabel },
    { measurement: 'workflow task duration max', value: max(all.durationsMs), unit: 'ms', baseline: max(empty.durationsMs), baselineLabel },
    {
      measurement: `workflow task duration max, the ${oldIds.length} brought in three years late (${oldTasks.durationsMs.length} tasks)`,
      value: max(oldTasks.durationsMs),
      unit: 'ms',
      baseline: max(empty.durationsMs),
      baselineLabel,
    },
    ...(all.failed + empty.failed > 0
      ? [{ measurement: `workflow tasks failed (first: ${all.firstFailure ?? empty.firstFailure})`, value: all.failed, unit: 'tasks', baseline: empty.failed, baselineLabel: 'empty workflow', target: { on: 'value' as const, below: 1 } }]
      : []),
    ...(timedOut(all) + timedOut(empty) > 0
      ? [{ measurement: `workflow tasks timed out (${[...all.timedOut].map(([type, count]) => `${count} ${type}`).join(', ') || 'none of the insatser'})`, value: timedOut(all), unit: 'tasks', baseline: timedOut(empty), baselineLabel: 'empty workflow' }]
      : []),
  ];
}
