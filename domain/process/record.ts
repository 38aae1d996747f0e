// What the rules know about one running insats, as plain data: the workflow carries it (also
// across continue-as-new) and the process functions read it to decide what happens next.
import type { LocalDate } from '../calendar';
import type { Deadline } from '../deadlines';
import type { RuleId } from '../deadlines/rule-ids';
import type { Insats } from '../insats';
import type { YearMonth } from '../months';
import type { Role } from '../roles';

/** aktualiserad → pagaende (staffed) → avslutad (ended; reports, slutrapport, bonus still due) → stangd. */
export type Phase = 'aktualiserad' | 'pagaende' | 'avslutad' | 'stangd';

/** `pending`: known, opens on its openedOn (a report period, a certificate from sick day 8). */
export type DeadlineStatus = 'pending' | 'open' | 'met' | 'met-late' | 'cancelled';

export interface TrackedDeadline extends Deadline {
  status: DeadlineStatus;
  /** Set the day after the due date passed unmet. */
  missed?: boolean;
  closedOn?: LocalDate;
}

export interface InsatsFacts {
  bemannadOn?: LocalDate;
  /** Report months whose månadsrapport has been opened, up to this one. */
  reportMonthsOpenedThrough?: YearMonth;
  planSubmissions: number;
  planUnderReview: boolean;
  planSentBack: boolean;
  sjukSince?: LocalDate;
  vabSince?: LocalDate;
  sfiNivaer: string[];
  /** Months whose report was sent back and not yet marked KLAR again. */
  reportsSentBack: YearMonth[];
  reportsKlar: YearMonth[];
  approvedMonths: YearMonth[];
  paidMonths: YearMonth[];
  /** The last active day: the avslut date, or the slutdatum reached. */
  endedOn?: LocalDate;
  avslut?: {
    orsak: string;
    bonusgrundande: boolean;
    nyAnordnare?: string;
  };
  slutrapportIn: boolean;
  bonusrapportIn: boolean;
  bonusApproved: boolean;
  snabbhetspremieStopped: boolean;
  bristNoticeOn?: LocalDate;
  bristEscalatedOn?: LocalDate;
}

/** The kund facts the process needs after aktualisering; no personal data. */
export interface KundFacts {
  ekonomisktBistand: boolean;
  arbetsformaga: number;
}

export interface InsatsRecord {
  insats: Insats & { aktualiseringsdatum: LocalDate };
  kund: KundFacts;
  phase: Phase;
  deadlines: TrackedDeadline[];
  facts: InsatsFacts;
}

export const TIMELINE_KINDS = [
  'deadline-set',
  'reminder',
  'escalation',
  'deadline-met',
  'deadline-missed',
  'deadline-cancelled',
  'payment',
  'bonus',
  'brist',
  'insats-ended',
  'event-rejected',
  'notification-failed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One line of an insats's timeline: what the rules did, and when. */
export interface TimelineEntry {
  /** ISO-8601 with the Europe/Stockholm offset. */
  at: string;
  kind: TimelineKind;
  rule?: RuleId;
  due?: LocalDate;
  /** `role:id`, or the bare role where the insats names nobody. */
  to?: string[];
  month?: YearMonth;
  /** Kronor; null where the amount is not configured. */
  amount?: number | null;
  event?: string;
  reason?: string;
}

/** A message to people outside the reminder plan: a brist, a long absence, a job left. */
export interface Notice {
  rule: RuleId;
  occurrence: string;
  to: Role[];
  text: string;
}

/** An amount that has become payable; the monthly payment run pays it (2023 §9, 2024 §10). */
export interface PayableItem {
  kind: 'ersattning' | 'snabbhetspremie' | 'bonus';
  /** The month paid for; for a bonus, the month it was approved. */
  month: YearMonth;
  activeDays?: number;
  /** Null when the amount is not configured; `missingSetting` names the setting. */
  amountOre: number | null;
  missingSetting?: string;
  /** The rule applied, with its section. */
  rule: string;
  note: string;
  /** The day it became payable (report approved, slutrapport in, bonus approved). */
  payableOn: LocalDate;
  /** The payment run that pays it. */
  runMonth: YearMonth;
}

export type Change =
  | { type: 'open'; deadline: Deadline }
  | { type: 'meet'; rule: RuleId; occurrence: string }
  | { type: 'cancel'; rule: RuleId; occurrence: string; reason?: string }
  | { type: 'missed'; rule: RuleId; occurrence: string }
  | { type: 'phase'; phase: Phase }
  | { type: 'facts'; facts: Partial<InsatsFacts> }
  | { type: 'timeline'; entry: Omit<TimelineEntry, 'at'> }
  | { type: 'notice'; notice: Notice }
  | { type: 'payable'; item: PayableItem };

export type Decision = { ok: true; changes: Change[] } | { ok: false; reason: string };
