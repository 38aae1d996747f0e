// Deadlines by their stable RULEBOOK.md rule id: due date, owner and escalation chain.
import { nextWorkingDay, type LocalDate } from './calendar';
import type { Role } from './roles';

export const RULE_IDS = [
  'bemanning',
  'uppdrag',
  'genomforandeplan',
  'plangranskning',
  'manadsrapport',
  'manadsrapport-granskning',
  'manadsrapport-godkand',
  'trepart',
  'reviderad-plan',
  'arbetsplats',
  'slutrapport',
  'omprovning',
  'tillaggscheck',
  'lakarintyg',
  'vab-intyg',
  'sfi-niva',
  'upptrappning',
  'fortsatt-stod',
  'bonus',
  'snabbhetspremie-uppfoljning',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Deadline {
  rule: RuleId;
  /** Tells repeated deadlines of one rule apart (e.g. a report month); "1" for a one-off. */
  occurrence: string;
  /** Met if the event happens on or before the end of this day, Europe/Stockholm. */
  due: LocalDate;
  /** The date the deadline was opened; reminders never go before it. */
  openedOn: LocalDate;
  owner: Role;
  /** Roles escalated to, in order, after the due date passes. */
  escalation: Role[];
}

/**
 * `bemanning`: the anordnare staffs the case "samma dag eller vardagen därpå", i.e. by the next
 * working day after aktualisering; escalated to the kvl, then the kundkoordinator.
 * 2023 §6.2.1 (inherited for 2024).
 */
export function bemanningDeadline(aktualiseringsdatum: LocalDate): Deadline {
  return {
    rule: 'bemanning',
    occurrence: '1',
    due: nextWorkingDay(aktualiseringsdatum),
    openedOn: aktualiseringsdatum,
    owner: 'anordnare',
    escalation: ['kvl', 'kundkoordinator'],
  };
}
