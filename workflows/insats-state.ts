// The state of one insats and the mechanics of changing it. The domain's process functions decide
// what changes (../domain/process); this class applies their changes, keeps the reminder progress,
// and queues the PostgreSQL projection and the timeline. No I/O.
import { ApplicationFailure } from '@temporalio/common';
import {
  atLocalTime,
  decideEvent,
  decideTick,
  deadlinesOnAktualisering,
  defaultSettings,
  deliveryInstant,
  eventDateProblems,
  insatsEventSchema,
  isLateAktualisering,
  lateStart,
  latestPlannedNotification,
  localDateOf,
  maySee,
  nextPlannedNotification,
  nextStepOf,
  nextTickDate,
  notificationPlan,
  recordedInsatsEventSchema,
  recordRefusal,
  settingsWithDefaults,
  subtractPeriod,
  recipientLabel,
  toLocalIso,
  type Change,
  type InsatsRecord,
  type Notice,
  type Phase,
  type PlannedNotification,
  type Recipient,
  type Role,
  type Settings,
  type TimelineEntry,
  type TrackedDeadline,
} from '../domain';
import { insatsWorkflowId } from './ids';
import { ILLEGAL_EVENT, INVALID_EVENT, NOT_VISIBLE } from './messages';
import type {
  EventMessage,
  EventOutcome,
  InsatsSnapshot,
  InsatsStateData,
  InsatsWorkflowInput,
  NotificationProgress,
  ProjectionWrite,
  RecordedEvent,
} from './types';

const LAST_EVENTS_KEPT = 20;
const TIMELINE_KEPT = 300;

export interface DueNotification {
  deadline: TrackedDeadline;
  planned: PlannedNotification;
  /** When it goes: the planned instant, or the next working day's reminder time when the insats woke late. */
  sendAt: Date;
}

/**
 * Decisions that changed for insatser started after `patched('bounded-insats')`: notification
 * chains that end, late insatser that owe only what falls due from their aktualisering, bonus
 * claims that close, and state that does not grow with the insats's age.
 */
export interface StateOptions {
  bounded: boolean;
  /** `patched('open-ended-ends')`: an open-ended insats ends at the longest insatstid. */
  openEndedEnds?: boolean;
}

const keyOf = (deadline: { rule: string; occurrence: string }) => `${deadline.rule}/${deadline.occurrence}`;

function initialRecord(input: InsatsWorkflowInput): InsatsRecord {
  return {
    insats: {
      insatstyp: input.insatstyp,
      rulebook: input.rulebook,
      beslutsdatum: input.beslutsdatum,
      aktualiseringsdatum: input.aktualiseringsdatum,
      ...(input.slutdatum ? { slutdatum: input.slutdatum } : {}),
      ...(input.praktikBehov !== undefined ? { praktikBehov: input.praktikBehov } : {}),
    },
    kund: input.kund ?? { ekonomisktBistand: true, arbetsformaga: 100 },
    phase: 'aktualiserad',
    deadlines: [],
    facts: {
      planSubmissions: 0,
      planUnderReview: false,
      planSentBack: false,
      sfiNivaer: [],
      reportsSentBack: [],
      reportsKlar: [],
      approvedMonths: [],
      paidMonths: [],
      slutrapportIn: false,
      bonusrapportIn: false,
      bonusApproved: false,
      snabbhetspremieStopped: false,
    },
  };
}

export class InsatsState {
  readonly settings: Settings;
  private readonly data: InsatsStateData;
  /** Projection writes not yet stored in PostgreSQL, drained by the workflow. */
  readonly outbox: ProjectionWrite[] = [];
  /** Notices (brist, long absence, a job left) not yet sent. */
  readonly notices: Notice[] = [];
  /** Bumped on every change, so the workflow wakes up and recomputes its timers. */
  version = 0;
  private readonly bounded: boolean;
  private readonly openEndedEnds: boolean;
  /** The reminder settings with today's defaults for what older pinned settings lack; filled once, not per timer. */
  private readonly boundedReminders: Settings['reminders'];

  constructor(
    readonly input: InsatsWorkflowInput,
    now: Date,
    { bounded, openEndedEnds = false }: StateOptions = { bounded: false },
  ) {
    this.settings = input.settings ?? defaultSettings;
    this.bounded = bounded;
    this.openEndedEnds = openEndedEnds;
    this.boundedReminders = settingsWithDefaults(this.settings).reminders;
    if (input.carried) {
      // PostgreSQL holds the timeline and the events; a bounded insats carries neither.
      this.data = bounded ? { ...input.carried, events: [], timeline: [] } : input.carried;
      return;
    }
    this.data = { record: initialRecord(input), events: [], notified: {}, timelineSeq: 0, timeline: [] };
    if (bounded && isLateAktualisering(this.record.insats, input.aktualiseringsdatum, input.progress, this.settings)) {
      const late = lateStart(this.record.insats, input.aktualiseringsdatum, input.progress ?? {}, this.settings);
      if (late.bemannadOn) {
        this.record.phase = 'pagaende';
        this.record.facts.bemannadOn = late.bemannadOn;
      }
      if (late.reportMonthsOpenedThrough) this.record.facts.reportMonthsOpenedThrough = late.reportMonthsOpenedThrough;
      this.projectInsats();
      this.apply(late.deadlines.map((deadline): Change => ({ type: 'open', deadline })), now);
      return;
    }
    this.projectInsats();
    const opened = deadlinesOnAktualisering(this.record.insats, input.aktualiseringsdatum, this.settings);
    this.apply(
      opened.map((deadline): Change => ({ type: 'open', deadline })),
      now,
    );
  }

  get record(): InsatsRecord {
    return this.data.record;
  }

  get phase(): Phase {
    return this.record.phase;
  }

  /** Nothing left to wait for: the insats is stängd. */
  get closed(): boolean {
    return this.record.phase === 'stangd';
  }

  /**
   * The state to carry across continue-as-new. A bounded insats carries what it needs to decide:
   * live deadlines, those closed within the brist window (2023 §7.6 counts late reports in it) and
   * the reminder progress of open ones; no timeline and no events.
   */
  toData(now: Date): InsatsStateData {
    if (!this.bounded) return this.data;
    const since = subtractPeriod(localDateOf(now), this.settings.brist.window);
    // A review of a report not yet approved may come back (sent back, resubmitted): its deadline
    // stays, so a resubmission does not open a second one of the same month (domain/process on-event.ts).
    const mayReturn = (deadline: TrackedDeadline) =>
      (deadline.rule === 'manadsrapport-granskning' || deadline.rule === 'manadsrapport-godkand') && !this.record.facts.approvedMonths.includes(deadline.occurrence);
    const deadlines = this.record.deadlines.filter(
      (deadline) => deadline.status === 'open' || deadline.status === 'pending' || (deadline.closedOn ?? deadline.due) >= since || mayReturn(deadline),
    );
    const open = new Set(deadlines.filter((deadline) => deadline.status === 'open').map(keyOf));
    const notified = Object.fromEntries(Object.entries(this.data.notified).filter(([key]) => open.has(key)));
    return { record: { ...this.record, deadlines }, events: [], notified, timelineSeq: this.data.timelineSeq, timeline: [], failedNotifications: this.failedNotifications };
  }

  /** Throws ApplicationFailure when the event is malformed or not allowed now; changes nothing. */
  validate(message: EventMessage, now: Date): void {
    if (message?.sender && !maySee(message.sender, this.input)) {
      throw ApplicationFailure.create({ type: NOT_VISIBLE, message: `insats ${this.input.insatsId} does not exist`, nonRetryable: true });
    }
    const parsed = insatsEventSchema.safeParse(message?.event);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`);
      throw ApplicationFailure.create({ type: INVALID_EVENT, message: detail.join('; '), nonRetryable: true });
    }
    // The sender's role records this event and takes every decision in it (domain/event-actors.ts);
    // the API answers 403 before. Validators do not run on replay: recorded events are not judged again.
    const refusal = message?.sender && recordRefusal(message.sender.role, parsed.data);
    if (refusal) throw ApplicationFailure.create({ type: ILLEGAL_EVENT, message: refusal, nonRetryable: true });
    const outOfBounds = eventDateProblems(parsed.data, this.record.insats, this.settings);
    if (outOfBounds.length > 0) throw ApplicationFailure.create({ type: INVALID_EVENT, message: outOfBounds.join('; '), nonRetryable: true });
    const decision = decideEvent(this.record, parsed.data, localDateOf(now), this.settings);
    if (!decision.ok) throw ApplicationFailure.create({ type: ILLEGAL_EVENT, message: decision.reason, nonRetryable: true });
  }

  applyEvent(message: EventMessage, eventId: string, now: Date): EventOutcome {
    // As the history holds it: an event accepted under an earlier id pattern still replays (domain/events.ts).
    const event = recordedInsatsEventSchema.parse(message.event);
    const decision = decideEvent(this.record, event, localDateOf(now), this.settings);
    if (!decision.ok) throw ApplicationFailure.create({ type: ILLEGAL_EVENT, message: decision.reason, nonRetryable: true });
    const recorded: RecordedEvent = {
      id: eventId,
      type: event.type,
      payload: event,
      occurredAt: now.toISOString(),
      ...(message.requestId ? { requestId: message.requestId } : {}),
    };
    if (!this.bounded) this.data.events.push(recorded);
    if (this.data.events.length > LAST_EVENTS_KEPT) this.data.events.shift();
    this.queue({ kind: 'event', insatsId: this.input.insatsId, event: recorded });
    const met = this.apply(decision.changes, now);
    return { eventId, phase: this.phase, met };
  }

  /** Applies what the passing of time changes by `now`. */
  tick(now: Date): void {
    this.apply(decideTick(this.record, localDateOf(now), this.settings, { bonusClaimCloses: this.bounded, openEndedEnds: this.openEndedEnds }), now);
  }

  /** The next midnight (Europe/Stockholm) at which time changes something. */
  nextTickAt(now: Date): Date | undefined {
    const date = nextTickDate(this.record, localDateOf(now), this.settings, { bonusClaimCloses: this.bounded, openEndedEnds: this.openEndedEnds });
    return date ? atLocalTime(date, '00:00') : undefined;
  }

  /**
   * The earliest notification an open deadline still has to send. Steps that fell due while
   * nobody was waiting (an insats registered late, a worker down) collapse into the latest of
   * them: one current reminder or escalation rather than a burst of stale ones. A bounded insats
   * follows a plan that ends (domain/reminders.ts notificationPlan) and sends a late step at the
   * next working day's reminder time; the cost is a few steps per open deadline, whatever its age.
   */
  nextNotification(now: Date): DueNotification | undefined {
    let next: DueNotification | undefined;
    const reminders = this.bounded ? this.boundedReminders : this.settings.reminders;
    for (const deadline of this.openDeadlines()) {
      const progress = this.data.notified[keyOf(deadline)];
      const candidate = this.bounded ? this.boundedStep(deadline, progress, now, reminders) : this.unboundedStep(deadline, progress, now);
      if (candidate && (!next || candidate.sendAt < next.sendAt)) next = candidate;
    }
    return next;
  }

  private boundedStep(deadline: TrackedDeadline, progress: NotificationProgress | undefined, now: Date, reminders: Settings['reminders']): DueNotification | undefined {
    const planned = nextStepOf(notificationPlan(deadline, reminders), progress?.steps ?? [], now);
    return planned ? { deadline, planned, sendAt: deliveryInstant(planned.at, now, reminders) } : undefined;
  }

  private unboundedStep(deadline: TrackedDeadline, progress: NotificationProgress | undefined, now: Date): DueNotification | undefined {
    // From the start of the day it opened: a deadline registered after its reminder time has passed sends that reminder now.
    const after = progress?.lastAt ? new Date(progress.lastAt) : new Date(atLocalTime(deadline.openedOn, '00:00').getTime() - 1);
    const planned = latestPlannedNotification(deadline, after, now, this.settings.reminders) ?? nextPlannedNotification(deadline, after, this.settings.reminders);
    return planned ? { deadline, planned, sendAt: planned.at } : undefined;
  }

  /** A notification could not be delivered: on the timeline, counted for the operators' search attribute. */
  notificationFailed(request: { rule: string; recipient: Recipient; due?: string }, reason: string, at: Date): void {
    this.data.failedNotifications = this.failedNotifications + 1;
    this.addTimeline(at, {
      kind: 'notification-failed',
      rule: request.rule as TimelineEntry['rule'],
      ...(request.due ? { due: request.due } : {}),
      to: [recipientLabel(request.recipient)],
      reason,
    });
    this.version += 1;
  }

  get failedNotifications(): number {
    return this.data.failedNotifications ?? 0;
  }

  /** `sentAt` is later than the planned time for a catch-up notification; the plan goes on from the planned one. */
  markNotified({ deadline, planned }: DueNotification, sentAt: Date): void {
    const progress: NotificationProgress = this.data.notified[keyOf(deadline)] ?? { steps: [] };
    progress.steps.push(planned.step);
    progress.lastAt = planned.at.toISOString();
    this.data.notified[keyOf(deadline)] = progress;
    this.addTimeline(sentAt > planned.at ? sentAt : planned.at, {
      kind: planned.kind,
      rule: deadline.rule,
      due: deadline.due,
      to: [recipientLabel(this.recipient(planned.role))],
    });
    this.version += 1;
  }

  recipient(role: Role): Recipient {
    if (role === 'anordnare') return { role, id: this.input.anordnare };
    if (role === 'kvl') return { role, id: this.input.kvl };
    return { role };
  }

  openDeadlines(): TrackedDeadline[] {
    return this.record.deadlines.filter((deadline) => deadline.status === 'open');
  }

  /** The open deadline due first. */
  nextDeadline(): TrackedDeadline | undefined {
    return [...this.openDeadlines()].sort((a, b) => a.due.localeCompare(b.due))[0];
  }

  snapshot(now: Date): InsatsSnapshot {
    const today = localDateOf(now);
    const strip = ({ status: _status, missed: _missed, closedOn: _closedOn, ...deadline }: TrackedDeadline) => deadline;
    const { insatsId, insatstyp, rulebook, anordnare, kvl } = this.input;
    return {
      insatsId,
      insatstyp,
      rulebook,
      anordnare,
      kvl,
      phase: this.phase,
      openDeadlines: this.openDeadlines().map((deadline) => ({ ...strip(deadline), overdue: deadline.due < today })),
      pendingDeadlines: this.record.deadlines.filter((deadline) => deadline.status === 'pending').map(strip),
      closedDeadlines: this.record.deadlines.filter((deadline) => deadline.status !== 'open' && deadline.status !== 'pending'),
      lastEvents: [...this.data.events],
      timeline: [...this.data.timeline],
    };
  }

  /** Applies the domain's changes; returns the deadlines met. */
  private apply(changes: Change[], now: Date): EventOutcome['met'] {
    const today = localDateOf(now);
    const met: EventOutcome['met'] = [];
    const find = (change: { rule: string; occurrence: string }) =>
      this.record.deadlines.find((deadline) => keyOf(deadline) === keyOf(change));
    for (const change of changes) {
      switch (change.type) {
        case 'open': {
          // Nothing that fell due before the aktualiseringsdatum is owed (2023 §6.4; late registration).
          if (this.bounded && change.deadline.due < this.record.insats.aktualiseringsdatum) break;
          const existing = find(change.deadline);
          if (existing && !(existing.status === 'pending' && existing.openedOn <= today)) break;
          const deadline: TrackedDeadline = existing ?? { ...change.deadline, status: 'pending' };
          if (!existing) this.record.deadlines.push(deadline);
          if (deadline.openedOn <= today) {
            deadline.status = 'open';
            this.addTimeline(now, { kind: 'deadline-set', rule: deadline.rule, due: deadline.due, to: [recipientLabel(this.recipient(deadline.owner))] });
          }
          this.projectDeadline(deadline, now);
          break;
        }
        case 'meet':
        case 'cancel': {
          const deadline = find(change);
          if (!deadline || (deadline.status !== 'open' && deadline.status !== 'pending')) break;
          const wasOpen = deadline.status === 'open';
          deadline.status = change.type === 'cancel' ? 'cancelled' : today <= deadline.due ? 'met' : 'met-late';
          deadline.closedOn = today;
          if (change.type === 'meet') met.push({ rule: deadline.rule, occurrence: deadline.occurrence, status: deadline.status });
          // A deadline that never opened (a certificate before sick day 8) leaves no line on the timeline when cancelled.
          if (wasOpen || change.type === 'meet') {
            const reason = change.type === 'cancel' && change.reason ? { reason: change.reason } : {};
            this.addTimeline(now, { kind: change.type === 'meet' ? 'deadline-met' : 'deadline-cancelled', rule: deadline.rule, due: deadline.due, ...reason });
          }
          // A closed deadline sends nothing more: its reminder progress is not kept.
          if (this.bounded) delete this.data.notified[keyOf(deadline)];
          this.projectDeadline(deadline, now);
          break;
        }
        case 'missed': {
          const deadline = find(change);
          if (!deadline || deadline.status !== 'open') break;
          deadline.missed = true;
          this.addTimeline(now, { kind: 'deadline-missed', rule: deadline.rule, due: deadline.due, to: [recipientLabel(this.recipient(deadline.owner))] });
          this.projectDeadline(deadline, now);
          break;
        }
        case 'phase':
          this.record.phase = change.phase;
          this.projectInsats();
          break;
        case 'facts':
          Object.assign(this.record.facts, change.facts);
          break;
        case 'timeline':
          this.addTimeline(now, change.entry);
          break;
        case 'notice':
          this.notices.push(change.notice);
          break;
        case 'payable':
          this.queue({ kind: 'payable', insatsId: this.input.insatsId, item: change.item });
          break;
      }
    }
    if (changes.length > 0) this.version += 1;
    return met;
  }

  private addTimeline(at: Date, entry: Omit<TimelineEntry, 'at'>): void {
    // Whole seconds: the timeline reads as the rules' instants, not the worker's latency.
    const full: TimelineEntry = { at: toLocalIso(new Date(Math.floor(at.getTime() / 1000) * 1000)), ...entry };
    this.data.timelineSeq += 1;
    if (!this.bounded) this.data.timeline.push(full);
    if (this.data.timeline.length > TIMELINE_KEPT) this.data.timeline.shift();
    this.queue({ kind: 'timeline', insatsId: this.input.insatsId, seq: this.data.timelineSeq, entry: full });
  }

  private projectDeadline(deadline: TrackedDeadline, now: Date): void {
    this.queue({ kind: 'deadline', insatsId: this.input.insatsId, deadline: { ...deadline }, openedAt: now.toISOString() });
  }

  private projectInsats(): void {
    const { carried: _carried, settings: _settings, ...insats } = this.input;
    this.queue({ kind: 'insats', insats: { ...insats, phase: this.phase, workflowId: insatsWorkflowId(this.input.insatsId) } });
  }

  private queue(write: ProjectionWrite): void {
    this.outbox.push(write);
    this.version += 1;
  }
}
