// One insats, one long-lived workflow: it applies events, sleeps until the next reminder,
// escalation or change of day the rules care about, and records everything through activities.
// It decides *when*; the domain (../domain) decides *what*.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { atLocalTime, defaultSettings, localDateOf, recipientLabel, toLocalIso, type Settings } from '../domain';
import { workflowNow } from './clock';
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
  summary: 'send reminder, escalation or notice',
});

/** Continue as new well before Temporal's limits; a 12-month AMI2 stays far below 2 000 events a run. */
const HISTORY_EVENTS_PER_RUN = 1_000;

export async function insatsWorkflow(input: InsatsWorkflowInput): Promise<InsatsSnapshot> {
  const now = () => workflowNow(input.clockOffsetMs);
  const state = new InsatsState({ ...input, settings: ruleScope(input.settings ?? defaultSettings) }, now());

  setHandler(applyEventUpdate, (message) => state.applyEvent(message, currentUpdateInfo()!.id, now()), {
    validator: (message) => state.validate(message, now()),
  });
  setHandler(insatsStateQuery, () => state.snapshot(now()));

  while (state.phase !== 'stangd') {
    state.tick(now());
    await record(state);
    showProgress(state, now());
    if (workflowInfo().historyLength > HISTORY_EVENTS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await record(state);
      // The effective settings go along, so an insats keeps the rule scope it started with.
      await continueAsNew<typeof insatsWorkflow>({ ...input, settings: state.settings, carried: state.toData() });
    }

    const seen = state.version;
    const due = state.nextNotification(now());
    const wakeAt = earliest(due?.planned.at, state.nextTickAt(now()));
    if (!wakeAt) {
      await condition(() => state.version !== seen);
      continue;
    }
    const remaining = wakeAt.getTime() - now().getTime();
    const interrupted = remaining > 0 && (await condition(() => state.version !== seen, remaining, { summary: timerSummary(due, wakeAt) }));
    if (!interrupted && due && due.planned.at <= now()) await notify(state, due);
  }

  await condition(allHandlersFinished);
  await record(state);
  showProgress(state, now());
  return state.snapshot(now());
}

/**
 * Insatser started before reviderad-plan and tilläggscheck stopped applying to 2024 insatser
 * (they are 2023 rules the appendix does not inherit) keep them, so their histories replay.
 */
function ruleScope(settings: Settings): Settings {
  if (patched('2024-rule-scope')) return settings;
  return { ...settings, inheritedIn2024: [...settings.inheritedIn2024, 'reviderad-plan', 'tillaggscheck'] };
}

/** Stores the projection and sends the notices the last changes raised. */
async function record(state: InsatsState): Promise<void> {
  while (state.outbox.length > 0 || state.notices.length > 0) {
    if (state.outbox.length > 0) await recordProjection(state.outbox.splice(0));
    for (const notice of state.notices.splice(0)) {
      for (const role of notice.to) {
        await sendNotification({
          insatsId: state.input.insatsId,
          rule: notice.rule,
          occurrence: notice.occurrence,
          step: 'notice',
          kind: 'notice',
          recipient: state.recipient(role),
          owner: state.recipient(role),
          text: notice.text,
          scheduledFor: workflowNow(state.input.clockOffsetMs).toISOString(),
        });
      }
    }
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
  state.markNotified(due, workflowNow(state.input.clockOffsetMs));
}

function showProgress(state: InsatsState, now: Date): void {
  const next = state.nextDeadline();
  const overdue = state.openDeadlines().some((deadline) => deadline.due < localDateOf(now));
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
      ? `Väntar på **${next.rule}**, due ${next.due}${next.due < localDateOf(now) ? ' (försenad)' : ''}, ägare ${recipientLabel(state.recipient(next.owner))}. Fas ${state.phase}.`
      : `Fas ${state.phase}: inga öppna deadlines.`,
  );
}

function timerSummary(due: DueNotification | undefined, wakeAt: Date): string {
  if (due && due.planned.at.getTime() === wakeAt.getTime()) {
    const { deadline, planned } = due;
    return `${deadline.rule}, due ${deadline.due}: ${planned.kind} to ${planned.role} at ${toLocalIso(planned.at)}`;
  }
  return `next day the rules change something: ${toLocalIso(wakeAt)}`;
}

function earliest(...instants: (Date | undefined)[]): Date | undefined {
  return instants.filter((instant): instant is Date => instant !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
}
