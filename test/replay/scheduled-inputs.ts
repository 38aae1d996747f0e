// What the replay test compares beyond the SDK's command check: the activities a history recorded
// (type and decoded input, in order) and its continue-as-new input, against what the workflow
// scheduled on replay, reported by scheduled-inputs-interceptor.ts through its sink.
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { InjectedSinks } from '@temporalio/worker';
import { describeValue, firstDifference } from './first-difference';
import type { ScheduledInputsSinks } from './scheduled-inputs-interceptor';

export interface ScheduledInputs {
  activities: { activityType: string; args: unknown[]; eventId?: string }[];
  continueAsNew?: { args: unknown[]; eventId?: string };
}

export function recordedInputs(history: temporal.api.history.v1.IHistory): ScheduledInputs {
  const inputs: ScheduledInputs = { activities: [] };
  for (const event of history.events ?? []) {
    const eventId = String(event.eventId);
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) inputs.activities.push({ activityType: scheduled.activityType?.name ?? '', args: decode(scheduled.input), eventId });
    const continued = event.workflowExecutionContinuedAsNewEventAttributes;
    if (continued) inputs.continueAsNew = { args: decode(continued.input), eventId };
  }
  return inputs;
}

/**
 * Sinks for a replay worker that collect what each replayed workflow scheduled, by the workflow id
 * the replay gave it (the history's file name).
 */
export function collectingSinks(): { sinks: InjectedSinks<ScheduledInputsSinks>; replayed: Map<string, ScheduledInputs> } {
  const replayed = new Map<string, ScheduledInputs>();
  const of = (workflowId: string) => replayed.get(workflowId) ?? replayed.set(workflowId, { activities: [] }).get(workflowId)!;
  const sinks: InjectedSinks<ScheduledInputsSinks> = {
    scheduledInputs: {
      activity: { fn: (info, activityType, args) => void of(info.workflowId).activities.push({ activityType, args }), callDuringReplay: true },
      continueAsNew: { fn: (info, args) => void (of(info.workflowId).continueAsNew = { args }), callDuringReplay: true },
    },
  };
  return { sinks, replayed };
}

/** The first input the replay scheduled differently from the history, as a readable sentence. */
export function inputMismatch(recorded: ScheduledInputs, replayed: ScheduledInputs): string | undefined {
  const count = Math.max(recorded.activities.length, replayed.activities.length);
  for (let index = 0; index < count; index += 1) {
    const was = recorded.activities[index];
    const now = replayed.activities[index];
    const which = `activity ${index + 1} of ${recorded.activities.length}`;
    if (!was) return `the replay schedules ${replayed.activities.length} activities, the history ${recorded.activities.length}: ${now!.activityType} is extra`;
    const at = `${was.activityType} (ActivityTaskScheduled, event ${was.eventId})`;
    if (!now) return `${which}, ${at}, is not scheduled on replay (the replay schedules ${replayed.activities.length})`;
    if (was.activityType !== now.activityType) return `${which}, ${at}, is ${now.activityType} on replay`;
    const difference = firstDifference(was.args, now.args, 'args');
    if (difference) return `${which}, ${at}, differs at ${difference.path}: recorded ${describeValue(difference.recorded)}, replayed ${describeValue(difference.replayed)}`;
  }
  if (recorded.continueAsNew || replayed.continueAsNew) {
    const at = `the continue-as-new input (WorkflowExecutionContinuedAsNew, event ${recorded.continueAsNew?.eventId ?? '(none)'})`;
    if (!recorded.continueAsNew) return `the replay continues as new, the history does not`;
    if (!replayed.continueAsNew) return `${at} is not made on replay`;
    const difference = firstDifference(recorded.continueAsNew.args, replayed.continueAsNew.args, 'args');
    if (difference) return `${at} differs at ${difference.path}: recorded ${describeValue(difference.recorded)}, replayed ${describeValue(difference.replayed)}`;
  }
  return undefined;
}

function decode(input: temporal.api.common.v1.IPayloads | null | undefined): unknown[] {
  return (input?.payloads ?? []).map((payload) => defaultPayloadConverter.fromPayload(payload as Payload));
}
