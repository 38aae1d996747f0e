// One insats, one long-lived workflow: it opens the deadlines the domain module defines, sleeps
// until the next reminder or escalation, and records everything through activities.
// It decides *when*; the domain (../domain) decides *what*.
import {
  condition,
  currentUpdateInfo,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  allHandlersFinished,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { atLocalTime, bemanningDeadline, defaultSettings, localDateOf, recipientLabel, toLocalIso } from '../domain';
import { applyEventUpdate, insatsStateQuery } from './messages';
import { InsatsState, type DueNotification } from './insats-state';
import {
  anordnareKey,
  insatstypKey,
  kvlKey,
  nextDeadlineDateKey,
  nextDeadlineRuleKey,
  overdueKey,
  phaseKey,
} from './search-attributes';
import type { InsatsSnapshot, InsatsWorkflowInput } from './types';

const { recordProjection } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { sendNotification } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes' },
  summary: 'send reminder or escalation',
});

export async function insatsWorkflow(input: InsatsWorkflowInput): Promise<InsatsSnapshot> {
  const now = () => new Date(Date.now() + (input.clockOffsetMs ?? 0));
  const state = new InsatsState(input, defaultSettings);

  setHandler(applyEventUpdate, (message) => state.apply(message, currentUpdateInfo()!.id, now()), {
    validator: (message) => state.validate(message),
  });
  setHandler(insatsStateQuery, () => state.snapshot(now()));

  state.open(bemanningDeadline(input.aktualiseringsdatum), now()); // 2023 §6.2.1

  // An insats lives until it ends; with nothing open it waits for the next event.
  while (!state.ended) {
    await storeProjection(state);
    showProgress(state, now());
    const seen = state.version;
    const due = state.nextNotification(now());
    const wakeAt = earliest(due?.planned.at, state.nextOverdueAt(now()));
    if (!wakeAt) {
      await condition(() => state.version !== seen);
      continue;
    }
    const remaining = wakeAt.getTime() - now().getTime();
    const interrupted = remaining > 0 && (await condition(() => state.version !== seen, remaining, { summary: timerSummary(due) }));
    if (!interrupted && due && due.planned.at <= now()) await notify(state, due);
  }

  await condition(allHandlersFinished);
  await storeProjection(state);
  showProgress(state, now());
  return state.snapshot(now());
}

async function storeProjection(state: InsatsState): Promise<void> {
  while (state.outbox.length > 0) {
    await recordProjection(state.outbox.splice(0));
  }
}

async function notify(state: InsatsState, due: DueNotification): Promise<void> {
  const { deadline, planned } = due;
  await sendNotification({
    insatsId: state.input.insatsId,
    rule: deadline.rule,
    occurrence: deadline.occurrence,
    step: planned.step,
    kind: planned.kind,
    recipient: state.recipient(planned.role),
    owner: state.recipient(deadline.owner),
    due: deadline.due,
    scheduledFor: planned.at.toISOString(),
  });
  state.markNotified(due);
}

function showProgress(state: InsatsState, now: Date): void {
  const next = state.nextDeadline();
  const overdue = next !== undefined && next.due < localDateOf(now);
  upsertSearchAttributes([
    { key: insatstypKey, value: state.input.insatstyp },
    { key: anordnareKey, value: state.input.anordnare },
    { key: kvlKey, value: state.input.kvl },
    { key: phaseKey, value: state.phase },
    { key: nextDeadlineDateKey, value: next ? atLocalTime(next.due, '00:00') : null },
    { key: nextDeadlineRuleKey, value: next ? next.rule : null },
    { key: overdueKey, value: overdue },
  ]);
  setCurrentDetails(
    next
      ? `Väntar på **${next.rule}**, due ${next.due}${overdue ? ' (försenad)' : ''}, ägare ${recipientLabel(state.recipient(next.owner))}.`
      : `Fas ${state.phase}: inga öppna deadlines.`,
  );
}

function timerSummary(due: DueNotification | undefined): string {
  if (!due) return 'overdue check';
  const { deadline, planned } = due;
  return `${deadline.rule}, due ${deadline.due}: ${planned.kind} to ${planned.role} at ${toLocalIso(planned.at)}`;
}

function earliest(...instants: (Date | undefined)[]): Date | undefined {
  return instants.filter((instant): instant is Date => instant !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
}
