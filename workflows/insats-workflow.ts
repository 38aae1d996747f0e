// One insats, one long-lived workflow: it applies events, sleeps until the next reminder,
// escalation or change of day the rules care about, and records everything through activities.
// It decides *when*; the domain (../domain) decides *what*.
import {
  ActivityFailure,
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
import { atLocalTime, defaultSettings, isUrgent, localDateOf, recipientLabel, settingsWithDefaults, storeAheadMs, toLocalIso, type Settings } from '../domain';
import { workflowNow } from './clock';
import { applyEventUpdate, insatsStateQuery } from './messages';
import { InsatsState, type DueNotification } from './insats-state';
import {
  anordnareKey,
  insatstypKey,
  kvlKey,
  nextDeadlineDateKey,
  nextDeadlineRuleKey,
  failedNotificationsKey,
  overdueKey,
  phaseKey,
} from './search-attributes';
import type { DigestSettings, OutboxItem } from '../domain';
import type { InsatsSnapshot, InsatsWorkflowInput, NotificationRequest } from './types';

const { recordProjection } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { sendNotification } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes' },
  summary: 'send reminder, escalation or notice',
});

// A temporary refusal (SMTP 4xx, the relay unreachable) is retried for about an hour; a permanent
// one the activity reports without throwing. Either way the insats goes on meanwhile.
const { sendNotification: sendNotificationBounded } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 10 },
  summary: 'send reminder, escalation or notice',
});

/** Continue as new well before Temporal's limits; a 12-month AMI2 stays far below 2 000 events a run. */
const HISTORY_EVENTS_PER_RUN = 1_000;

export async function insatsWorkflow(input: InsatsWorkflowInput): Promise<InsatsSnapshot> {
  const now = () => workflowNow(input.clockOffsetMs);
  // Insatser started before this change keep their unbounded chains and state until they continue as new.
  const bounded = patched('bounded-insats');
  // Insatser started before the daily digest, or with it off (settings digest.enabled), send each notification themselves.
  // Open-ended insatser started before this change run on past the longest insatstid, as they did.
  const openEndedEnds = bounded && patched('open-ended-ends');
  const state = new InsatsState({ ...input, settings: ruleScope(input.settings ?? defaultSettings) }, now(), { bounded, openEndedEnds });
  const digestSettings = settingsWithDefaults(state.settings).digest;
  const digest = bounded && digestSettings.enabled && patched('outbox-digest');
  const sending = new Sending(state, bounded, digest, digestSettings);

  // Synchronous on purpose: the answer goes in the same workflow task. The API waits for the
  // event's projection row before it answers, so a read after a write sees it (api/insatser-routes.ts).
  setHandler(applyEventUpdate, (message) => state.applyEvent(message, currentUpdateInfo()!.id, now()), {
    validator: (message) => state.validate(message, now()),
  });
  setHandler(insatsStateQuery, () => state.snapshot(now()));

  while (state.phase !== 'stangd') {
    state.tick(now());
    await record(state, sending);
    showProgress(state, now(), bounded);
    // The day's tick may close the insats: it ends now, rather than wait for a change that never comes.
    if (bounded && state.closed) break;
    if (workflowInfo().historyLength > HISTORY_EVENTS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await sending.finished();
      await record(state, sending);
      // The effective settings go along, so an insats keeps the rule scope it started with.
      await continueAsNew<typeof insatsWorkflow>({ ...input, settings: state.settings, carried: state.toData(now()) });
    }

    const seen = state.version;
    const due = state.nextNotification(now());
    const notifyAt = due && sending.notifyAt(due, now());
    const wakeAt = earliest(notifyAt, state.nextTickAt(now()));
    if (!wakeAt) {
      await condition(() => state.version !== seen);
      continue;
    }
    const remaining = wakeAt.getTime() - now().getTime();
    const summary = digest ? digestTimerSummary(due, notifyAt, wakeAt) : timerSummary(due, wakeAt);
    const interrupted = remaining > 0 && (await condition(() => state.version !== seen, remaining, { summary }));
    if (!interrupted && due && notifyAt && notifyAt <= now()) await sending.notify(due);
  }

  await condition(allHandlersFinished);
  await sending.finished();
  await record(state, sending);
  showProgress(state, now(), bounded);
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
async function record(state: InsatsState, sending: Sending): Promise<void> {
  while (state.outbox.length > 0 || state.notices.length > 0) {
    if (state.outbox.length > 0) await recordProjection(state.outbox.splice(0));
    for (const notice of state.notices.splice(0)) {
      for (const role of notice.to) {
        const recipient = state.recipient(role);
        const at = workflowNow(state.input.clockOffsetMs).toISOString();
        const told = { insatsId: state.input.insatsId, rule: notice.rule, occurrence: notice.occurrence, step: 'notice', kind: 'notice', recipient, owner: recipient, text: notice.text } as const;
        if (sending.digest && !isUrgent(notice)) sending.store({ ...told, insatstyp: state.input.insatstyp, decidedAt: at });
        else await sending.send({ ...told, scheduledFor: at });
      }
    }
  }
}

/**
 * Sends notifications. Unbounded insatser wait for each send, retried until it goes. A bounded
 * insats does not wait: a send runs beside its timers, and one that cannot be delivered is put on
 * its timeline and counted, so a bouncing address never stops the insats. An insats on the daily
 * digest sends only urgent notices itself; it stores everything else as outbox items, which the
 * day's delivery sends (workflows/delivery-workflow.ts).
 */
class Sending {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly state: InsatsState,
    private readonly bounded: boolean,
    readonly digest: boolean,
    private readonly digestSettings: DigestSettings,
  ) {}

  /**
   * When to act on `due`: at its instant, or, for the digest, up to the store-ahead window before
   * it at this insats's own offset, so that insatser do not all wake at the digest time.
   */
  notifyAt(due: DueNotification, now: Date): Date {
    if (!this.digest) return due.sendAt;
    const ahead = storeAheadMs(this.state.input.insatsId, this.digestSettings);
    const storeAt = new Date(due.sendAt.getTime() - ahead);
    return storeAt > now ? storeAt : now;
  }

  /** Queues an item for the day's delivery; the next projection write stores it. */
  store(item: OutboxItem): void {
    this.state.outbox.push({ kind: 'outbox-item', item });
  }

  async notify(due: DueNotification): Promise<void> {
    const { deadline, planned } = due;
    if (this.digest) {
      this.state.markNotified(due, due.sendAt);
      this.store({
        insatsId: this.state.input.insatsId,
        insatstyp: this.state.input.insatstyp,
        rule: deadline.rule,
        occurrence: deadline.occurrence,
        step: planned.step,
        kind: planned.kind,
        recipient: this.state.recipient(planned.role),
        owner: this.state.recipient(deadline.owner),
        due: deadline.due,
        ...(deadline.section ? { section: deadline.section } : {}),
        decidedAt: due.sendAt.toISOString(),
      });
      return;
    }
    const request: NotificationRequest = {
      insatsId: this.state.input.insatsId,
      rule: deadline.rule,
      occurrence: deadline.occurrence,
      step: planned.step,
      kind: planned.kind,
      recipient: this.state.recipient(planned.role),
      owner: this.state.recipient(deadline.owner),
      due: deadline.due,
      scheduledFor: planned.at.toISOString(),
    };
    if (this.bounded) {
      this.state.markNotified(due, workflowNow(this.state.input.clockOffsetMs));
      await this.send(request);
      return;
    }
    await sendNotification(request);
    this.state.markNotified(due, workflowNow(this.state.input.clockOffsetMs));
  }

  async send(request: NotificationRequest): Promise<void> {
    if (!this.bounded) {
      await sendNotification(request);
      return;
    }
    const sent = this.deliver(request).finally(() => this.inFlight.delete(sent));
    this.inFlight.add(sent);
  }

  /** Every send started so far has finished (sent, or recorded as failed). */
  async finished(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async deliver(request: NotificationRequest): Promise<void> {
    let reason: string | undefined;
    try {
      const result = await sendNotificationBounded(request);
      if (result.status === 'failed') reason = result.reason;
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      reason = error.cause?.message ?? error.message;
    }
    if (reason !== undefined) this.state.notificationFailed(request, reason, workflowNow(this.state.input.clockOffsetMs));
  }
}

function showProgress(state: InsatsState, now: Date, bounded: boolean): void {
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
    ...(bounded ? [{ key: failedNotificationsKey, value: state.failedNotifications }] : []),
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

function digestTimerSummary(due: DueNotification | undefined, notifyAt: Date | undefined, wakeAt: Date): string {
  if (due && notifyAt && notifyAt.getTime() === wakeAt.getTime()) {
    const { deadline, planned } = due;
    return `store ${planned.kind} of ${deadline.rule} (due ${deadline.due}) to ${planned.role} for the delivery of ${toLocalIso(due.sendAt)}`;
  }
  return `next day the rules change something: ${toLocalIso(wakeAt)}`;
}

function earliest(...instants: (Date | undefined)[]): Date | undefined {
  return instants.filter((instant): instant is Date => instant !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
}
