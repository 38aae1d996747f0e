// What a workflow run still has to do, read from one history snapshot (describe lists no timers,
// and its pending task and activities are read at another moment than the timers would be):
// whether a workflow task or an activity is outstanding, and when its started timers fire, in the
// server's time (the TimerStarted event's time plus its startToFireTimeout). A closed run has none.
import type { google, temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface PendingWork {
  /** A workflow task or activity is scheduled and not finished. */
  busy: boolean;
  /** When the timers not yet fired nor cancelled fire, earliest first (server time, ms). */
  timerFireTimes: number[];
}

const toMs = (value: google.protobuf.ITimestamp | google.protobuf.IDuration | null | undefined) =>
  Number(value?.seconds ?? 0) * 1000 + Math.floor((value?.nanos ?? 0) / 1_000_000);

export function pendingWork(history: temporal.api.history.v1.IHistory): PendingWork {
  const tasks = new Set<string>();
  const timers = new Map<string, number>();
  for (const event of history.events ?? []) {
    if (closes(event)) return { busy: false, timerFireTimes: [] };
    const id = String(event.eventId);
    if (event.workflowTaskScheduledEventAttributes || event.activityTaskScheduledEventAttributes) tasks.add(id);
    const finished = taskFinished(event);
    if (finished) tasks.delete(String(finished.scheduledEventId));
    const started = event.timerStartedEventAttributes;
    if (started) timers.set(id, toMs(event.eventTime) + toMs(started.startToFireTimeout));
    const ended = event.timerFiredEventAttributes ?? event.timerCanceledEventAttributes;
    if (ended) timers.delete(String(ended.startedEventId));
  }
  return { busy: tasks.size > 0, timerFireTimes: [...timers.values()].sort((a, b) => a - b) };
}

function taskFinished(event: HistoryEvent): { scheduledEventId?: unknown } | null | undefined {
  return (
    event.workflowTaskCompletedEventAttributes ??
    event.workflowTaskFailedEventAttributes ??
    event.workflowTaskTimedOutEventAttributes ??
    event.activityTaskCompletedEventAttributes ??
    event.activityTaskFailedEventAttributes ??
    event.activityTaskTimedOutEventAttributes ??
    event.activityTaskCanceledEventAttributes
  );
}

function closes(event: HistoryEvent): boolean {
  return Boolean(
    event.workflowExecutionCompletedEventAttributes ??
      event.workflowExecutionFailedEventAttributes ??
      event.workflowExecutionTimedOutEventAttributes ??
      event.workflowExecutionCanceledEventAttributes ??
      event.workflowExecutionTerminatedEventAttributes ??
      event.workflowExecutionContinuedAsNewEventAttributes,
  );
}
