// Types shared by the insats workflow, its messages, the activities and the API.
import type { Deadline, InsatsEvent, Insatstyp, LocalDate, NotificationKind, Recipient, Rulebook } from '../domain';

export interface InsatsWorkflowInput {
  insatsId: string;
  insatstyp: Insatstyp;
  rulebook: Rulebook;
  beslutsdatum: LocalDate;
  aktualiseringsdatum: LocalDate;
  anordnare: string;
  kvl: string;
  /** Opaque id: no personal data enters a workflow history. */
  kundId: string;
  /**
   * Added to workflow time. Always 0 in production; the simulator and tests use it because
   * Temporal's time-skipping test server starts at the wall clock and only moves forward.
   */
  clockOffsetMs?: number;
}

export type Phase = 'aktualiserad' | 'bemannad';

export type DeadlineStatus = 'open' | 'met' | 'met-late' | 'cancelled';

export interface DeadlineState extends Deadline {
  status: DeadlineStatus;
  openedAt: string;
  closedAt?: string;
  /** Steps already notified (`due-reminder`, `escalation-1`, …). */
  notifiedSteps: string[];
  lastNotifiedAt?: string;
}

export interface EventMessage {
  event: InsatsEvent;
  /** The API request that carried the event, for tracing it from HTTP to history. */
  requestId?: string;
}

export interface RecordedEvent {
  id: string;
  type: string;
  payload: InsatsEvent;
  occurredAt: string;
  requestId?: string;
}

export interface EventOutcome {
  eventId: string;
  phase: Phase;
  met: { rule: string; occurrence: string; status: DeadlineStatus }[];
}

export interface InsatsSnapshot {
  insatsId: string;
  insatstyp: Insatstyp;
  rulebook: Rulebook;
  phase: Phase;
  anordnare: string;
  kvl: string;
  openDeadlines: (Deadline & { overdue: boolean })[];
  closedDeadlines: DeadlineState[];
  lastEvents: RecordedEvent[];
}

/** One write of the PostgreSQL projection of an insats, queued by the workflow. */
export type ProjectionWrite =
  | { kind: 'insats'; insats: InsatsWorkflowInput & { phase: Phase; workflowId: string } }
  | { kind: 'event'; insatsId: string; event: RecordedEvent }
  | { kind: 'deadline'; insatsId: string; deadline: DeadlineState };

export interface NotificationRequest {
  insatsId: string;
  rule: string;
  occurrence: string;
  step: string;
  kind: NotificationKind;
  recipient: Recipient;
  /** Who must act; differs from the recipient in an escalation. */
  owner: Recipient;
  due: LocalDate;
  /** The instant the workflow sent it for, ISO-8601. */
  scheduledFor: string;
}
