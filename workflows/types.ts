// Types shared by the insats workflow, its messages, the activities and the API.
import type {
  Deadline,
  InsatsEvent,
  InsatsRecord,
  Insatstyp,
  KundFacts,
  LocalDate,
  NotificationKind,
  OutboxItem,
  PayableItem,
  Progress,
  Phase,
  Party,
  Recipient,
  Rulebook,
  Settings,
  TimelineEntry,
  TrackedDeadline,
} from '../domain';

export interface InsatsWorkflowInput {
  insatsId: string;
  insatstyp: Insatstyp;
  rulebook: Rulebook;
  beslutsdatum: LocalDate;
  aktualiseringsdatum: LocalDate;
  /** The granted end date, when the decision names one. */
  slutdatum?: LocalDate;
  /** The uppdrag says a praktik is needed (2023 §2.1.1, 2024 §7.3). */
  praktikBehov?: boolean;
  anordnare: string;
  kvl: string;
  /** Opaque id: no personal data enters a workflow history. */
  kundId: string;
  kund?: KundFacts;
  /** What an insats brought in late had already done; it owes only what falls due from its aktualiseringsdatum on. */
  progress?: Progress;
  /** The rule readings this insats follows, pinned when it starts; the defaults when absent. */
  settings?: Settings;
  /**
   * Added to workflow time. Always 0 in production; the simulator and tests use it because
   * Temporal's time-skipping test server starts at the wall clock and only moves forward.
   */
  clockOffsetMs?: number;
  /** The state carried over by continue-as-new; absent on the first run. */
  carried?: InsatsStateData;
}

/** How far the reminder plan of one deadline has come. */
export interface NotificationProgress {
  steps: string[];
  lastAt?: string;
}

export interface InsatsStateData {
  record: InsatsRecord;
  events: RecordedEvent[];
  notified: Record<string, NotificationProgress>;
  timelineSeq: number;
  timeline: TimelineEntry[];
  /** Notifications that could not be delivered, for the operators' search attribute. */
  failedNotifications?: number;
}

export interface EventMessage {
  event: InsatsEvent;
  /** The API request that carried the event, for tracing it from HTTP to history. */
  requestId?: string;
  /** Who sent it through the API: refused as NOT_VISIBLE when they may not see the insats. */
  sender?: Party;
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
  met: { rule: string; occurrence: string; status: string }[];
}

export interface InsatsSnapshot {
  insatsId: string;
  insatstyp: Insatstyp;
  rulebook: Rulebook;
  phase: Phase;
  anordnare: string;
  kvl: string;
  openDeadlines: (Deadline & { overdue: boolean })[];
  pendingDeadlines: Deadline[];
  closedDeadlines: TrackedDeadline[];
  lastEvents: RecordedEvent[];
  timeline: TimelineEntry[];
}

/** One write of the PostgreSQL projection of an insats, queued by the workflow. */
export type ProjectionWrite =
  | { kind: 'insats'; insats: Omit<InsatsWorkflowInput, 'carried' | 'settings'> & { phase: Phase; workflowId: string } }
  | { kind: 'event'; insatsId: string; event: RecordedEvent }
  | { kind: 'deadline'; insatsId: string; deadline: TrackedDeadline; openedAt: string }
  | { kind: 'timeline'; insatsId: string; seq: number; entry: TimelineEntry }
  | { kind: 'payable'; insatsId: string; item: PayableItem }
  | { kind: 'outbox-item'; item: OutboxItem };

export interface NotificationRequest {
  insatsId: string;
  rule: string;
  occurrence: string;
  step: string;
  kind: NotificationKind | 'notice';
  recipient: Recipient;
  /** Who must act; differs from the recipient in an escalation. */
  owner: Recipient;
  due?: LocalDate;
  /** The message of a notice (brist, long absence, a job left). */
  text?: string;
  /** The instant the workflow sent it for, ISO-8601. */
  scheduledFor: string;
}
