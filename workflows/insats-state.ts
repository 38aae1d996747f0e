// The state of one insats and the rules for changing it, kept apart from the workflow function
// so the workflow reads like the process. Pure: no I/O, no Temporal calls but ApplicationFailure.
import { ApplicationFailure } from '@temporalio/common';
import {
  addDays,
  atLocalTime,
  insatsEventSchema,
  localDateOf,
  nextNotification,
  type Deadline,
  type InsatsEvent,
  type PlannedNotification,
  type Recipient,
  type Role,
  type Settings,
} from '../domain';
import { ILLEGAL_EVENT, INVALID_EVENT } from './messages';
import { insatsWorkflowId } from './ids';
import type {
  DeadlineState,
  EventMessage,
  EventOutcome,
  InsatsSnapshot,
  InsatsWorkflowInput,
  Phase,
  ProjectionWrite,
  RecordedEvent,
} from './types';

const LAST_EVENTS_KEPT = 20;

/** The event that meets each deadline rule. */
const MEETS: Partial<Record<InsatsEvent['type'], Deadline['rule']>> = { bemannad: 'bemanning' };

export interface DueNotification {
  deadline: DeadlineState;
  planned: PlannedNotification;
}

export class InsatsState {
  phase: Phase = 'aktualiserad';
  /** Set by avslut; until then the workflow keeps waiting for events. */
  ended = false;
  private readonly deadlines: DeadlineState[] = [];
  private readonly events: RecordedEvent[] = [];
  /** Projection writes not yet stored in PostgreSQL, drained by the workflow. */
  readonly outbox: ProjectionWrite[] = [];
  /** Bumped on every change, so the workflow wakes up and recomputes its timers. */
  version = 0;

  constructor(
    readonly input: InsatsWorkflowInput,
    private readonly settings: Settings,
  ) {
    this.enterPhase('aktualiserad');
  }

  open(deadline: Deadline, now: Date): void {
    const state: DeadlineState = { ...deadline, status: 'open', openedAt: now.toISOString(), notifiedSteps: [] };
    this.deadlines.push(state);
    this.changed({ kind: 'deadline', insatsId: this.input.insatsId, deadline: state });
  }

  /** Throws ApplicationFailure when the event is malformed or not allowed now; changes nothing. */
  validate(message: EventMessage): void {
    const parsed = insatsEventSchema.safeParse(message?.event);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`);
      throw ApplicationFailure.create({ type: INVALID_EVENT, message: detail.join('; '), nonRetryable: true });
    }
    const rule = MEETS[parsed.data.type];
    const deadline = rule && this.deadlines.find((candidate) => candidate.rule === rule);
    if (!deadline) {
      throw this.illegal(`${parsed.data.type} is not expected in phase ${this.phase}`);
    }
    if (deadline.status !== 'open') {
      throw this.illegal(`${deadline.rule} is already ${deadline.status} (${deadline.closedAt?.slice(0, 10)})`);
    }
  }

  apply(message: EventMessage, eventId: string, now: Date): EventOutcome {
    const event = insatsEventSchema.parse(message.event);
    const recorded: RecordedEvent = {
      id: eventId,
      type: event.type,
      payload: event,
      occurredAt: now.toISOString(),
      ...(message.requestId ? { requestId: message.requestId } : {}),
    };
    this.events.push(recorded);
    if (this.events.length > LAST_EVENTS_KEPT) this.events.shift();
    this.changed({ kind: 'event', insatsId: this.input.insatsId, event: recorded });

    const met: EventOutcome['met'] = [];
    const rule = MEETS[event.type];
    for (const deadline of this.deadlines) {
      if (deadline.rule !== rule || deadline.status !== 'open') continue;
      deadline.status = localDateOf(now) <= deadline.due ? 'met' : 'met-late';
      deadline.closedAt = now.toISOString();
      met.push({ rule: deadline.rule, occurrence: deadline.occurrence, status: deadline.status });
      this.changed({ kind: 'deadline', insatsId: this.input.insatsId, deadline });
    }
    if (event.type === 'bemannad') this.enterPhase('bemannad');
    return { eventId, phase: this.phase, met };
  }

  /**
   * The earliest notification any open deadline still has to send. Steps that fell due while
   * nobody was waiting (an insats registered late) collapse into the latest of them: one current
   * reminder or escalation rather than a burst of stale ones.
   */
  nextNotification(now: Date): DueNotification | undefined {
    let next: DueNotification | undefined;
    for (const deadline of this.openDeadlines()) {
      // From the start of the day it opened: a deadline registered after its reminder time has passed sends that reminder now.
      const after = deadline.lastNotifiedAt ? new Date(deadline.lastNotifiedAt) : new Date(atLocalTime(deadline.openedOn, '00:00').getTime() - 1);
      let planned = nextNotification(deadline, after, this.settings.reminders);
      for (let later = nextNotification(deadline, planned.at, this.settings.reminders); later.at <= now; ) {
        planned = later;
        later = nextNotification(deadline, planned.at, this.settings.reminders);
      }
      if (!next || planned.at < next.planned.at) next = { deadline, planned };
    }
    return next;
  }

  markNotified(due: DueNotification): void {
    due.deadline.notifiedSteps.push(due.planned.step);
    due.deadline.lastNotifiedAt = due.planned.at.toISOString();
    this.version += 1;
  }

  recipient(role: Role): Recipient {
    if (role === 'anordnare') return { role, id: this.input.anordnare };
    if (role === 'kvl') return { role, id: this.input.kvl };
    return { role };
  }

  openDeadlines(): DeadlineState[] {
    return this.deadlines.filter((deadline) => deadline.status === 'open');
  }

  /** The open deadline due first. */
  nextDeadline(): DeadlineState | undefined {
    return this.openDeadlines().sort((a, b) => a.due.localeCompare(b.due))[0];
  }

  snapshot(now: Date): InsatsSnapshot {
    const today = localDateOf(now);
    const { insatsId, insatstyp, rulebook, anordnare, kvl } = this.input;
    return {
      insatsId,
      insatstyp,
      rulebook,
      anordnare,
      kvl,
      phase: this.phase,
      openDeadlines: this.openDeadlines().map(({ rule, occurrence, due, openedOn, owner, escalation }) => ({
        rule,
        occurrence,
        due,
        openedOn,
        owner,
        escalation,
        overdue: due < today,
      })),
      closedDeadlines: this.deadlines.filter((deadline) => deadline.status !== 'open'),
      lastEvents: [...this.events],
    };
  }

  /** The next midnight at which an open deadline becomes overdue, so the overdue flag stays true to the day. */
  nextOverdueAt(now: Date): Date | undefined {
    const today = localDateOf(now);
    const upcoming = this.openDeadlines()
      .filter((deadline) => deadline.due >= today)
      .map((deadline) => atLocalTime(addDays(deadline.due, 1), '00:00'));
    return upcoming.sort((a, b) => a.getTime() - b.getTime())[0];
  }

  private enterPhase(phase: Phase): void {
    this.phase = phase;
    this.changed({
      kind: 'insats',
      insats: { ...this.input, phase, workflowId: insatsWorkflowId(this.input.insatsId) },
    });
  }

  private changed(write: ProjectionWrite): void {
    this.outbox.push(write);
    this.version += 1;
  }

  private illegal(message: string): ApplicationFailure {
    return ApplicationFailure.create({ type: ILLEGAL_EVENT, message, nonRetryable: true });
  }
}
