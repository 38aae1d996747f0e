// A deadline and who answers for it: the owner and escalation columns of RULEBOOK.md's table.
import type { LocalDate } from '../calendar';
import type { Role } from '../roles';
import type { RuleId } from './rule-ids';

export interface Deadline {
  rule: RuleId;
  /** Tells repeated deadlines of one rule apart (e.g. a report month); "1" for a one-off. */
  occurrence: string;
  /** Met if the event happens on or before the end of this day, Europe/Stockholm. */
  due: LocalDate;
  /** The date the deadline was opened; reminders never go before it. */
  openedOn: LocalDate;
  owner: Role;
  /** Roles escalated to, in order, after the due date passes; empty when nobody is. */
  escalation: Role[];
  /** The rulebook section the due date comes from, e.g. `2023 §6.4`. */
  section?: string;
}

/** Owner and escalation chain per rule (RULEBOOK.md, Deadlines). */
export const RULE_OWNERS: Record<RuleId, { owner: Role; escalation: Role[] }> = {
  bemanning: { owner: 'anordnare', escalation: ['kvl', 'kundkoordinator'] },
  uppdrag: { owner: 'kvl', escalation: ['arbetsledare'] },
  genomforandeplan: { owner: 'anordnare', escalation: ['kvl'] },
  plangranskning: { owner: 'kvl', escalation: ['arbetsledare'] },
  manadsrapport: { owner: 'anordnare', escalation: ['kvl'] },
  'manadsrapport-granskning': { owner: 'kvl', escalation: ['arbetsledare'] },
  // Lateness here moves the payment (2023 §9), it is not escalated.
  'manadsrapport-godkand': { owner: 'kvl', escalation: [] },
  trepart: { owner: 'anordnare', escalation: ['kvl'] },
  'reviderad-plan': { owner: 'anordnare', escalation: ['kvl'] },
  arbetsplats: { owner: 'anordnare', escalation: ['kvl'] },
  slutrapport: { owner: 'anordnare', escalation: ['kvl'] },
  omprovning: { owner: 'kvl', escalation: ['arbetsledare'] },
  tillaggscheck: { owner: 'kvl', escalation: ['arbetsledare'] },
  lakarintyg: { owner: 'anordnare', escalation: ['kvl'] },
  'vab-intyg': { owner: 'anordnare', escalation: ['kvl'] },
  'sfi-niva': { owner: 'anordnare', escalation: ['kvl'] },
  upptrappning: { owner: 'anordnare', escalation: ['kvl'] },
  'fortsatt-stod': { owner: 'kvl', escalation: [] },
  // The claim stays open, visibly; nobody is escalated to (2023 §9.2).
  bonus: { owner: 'anordnare', escalation: [] },
  'snabbhetspremie-uppfoljning': { owner: 'anordnare', escalation: ['kvl'] },
};

export function makeDeadline(
  rule: RuleId,
  fields: { occurrence?: string; openedOn: LocalDate; due: LocalDate; section: string },
): Deadline {
  const { owner, escalation } = RULE_OWNERS[rule];
  return {
    rule,
    occurrence: fields.occurrence ?? '1',
    due: fields.due,
    openedOn: fields.openedOn,
    owner,
    escalation: [...escalation],
    section: fields.section,
  };
}
