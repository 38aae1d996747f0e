// What an avslut does to the clocks (RULEBOOK.md, "Events that end, pause or extend clocks").
import type { LocalDate } from '../calendar';
import type { Insats } from '../insats';
import { monthOf } from '../months';
import type { Settings } from '../settings';
import { bonusDeadline, snabbhetspremieUppfoljningDeadlines } from './bonus';
import type { Deadline } from './deadline';
import { manadsrapportDeadline } from './manadsrapport';
import type { RuleId } from './rule-ids';
import { slutrapportDeadline } from './slutrapport';

const MONTHLY_REPORT_RULES: readonly RuleId[] = ['manadsrapport', 'manadsrapport-granskning', 'manadsrapport-godkand'];

/** Rules an avslut (any reason) leaves running; every other deadline stops. */
export const KEPT_ON_AVSLUT: readonly RuleId[] = ['slutrapport', 'bonus', 'snabbhetspremie-uppfoljning', ...MONTHLY_REPORT_RULES];

/**
 * Whether `deadline` survives an avslut on `avslutsdatum`. The monthly report and its review stay
 * for every month the kund was active, the avslut month included (2023 §6.4; the bonus needs
 * "månadsrapport senaste månaden", §9.2); a report month after it is cancelled.
 */
export function keptOnAvslut(deadline: Deadline, avslutsdatum: LocalDate): boolean {
  if (MONTHLY_REPORT_RULES.includes(deadline.rule)) return deadline.occurrence <= monthOf(avslutsdatum);
  return KEPT_ON_AVSLUT.includes(deadline.rule);
}

export interface AvslutPlan {
  keep: Deadline[];
  /** Stopped by the avslut, or superseded (a slutrapport moved from slutdatum to avslut + 14 days). */
  cancel: Deadline[];
  /** To open now; the caller skips any it already has (same rule and occurrence). */
  open: Deadline[];
}

/**
 * The open deadlines split by an avslut, and what it opens: the slutrapport, the report of the
 * avslut month, and — for a bonus-grounding avslut — the bonus claim and, in 2024, the
 * snabbhetspremie follow-ups.
 */
export function planAvslut(
  { insats, avslutsdatum, bonusgrundande, open }: { insats: Insats; avslutsdatum: LocalDate; bonusgrundande: boolean; open: Deadline[] },
  settings: Settings,
): AvslutPlan {
  const slutrapport = slutrapportDeadline(insats, settings, avslutsdatum);
  const superseded = (deadline: Deadline) =>
    deadline.rule === 'slutrapport' && slutrapport !== undefined && deadline.occurrence !== slutrapport.occurrence;
  const keep = open.filter((deadline) => keptOnAvslut(deadline, avslutsdatum) && !superseded(deadline));
  const cancel = open.filter((deadline) => !keep.includes(deadline));
  const has = (candidate: Deadline) =>
    keep.some((deadline) => deadline.rule === candidate.rule && deadline.occurrence === candidate.occurrence);
  const opened = [
    slutrapport,
    manadsrapportDeadline(monthOf(avslutsdatum), settings),
    ...(bonusgrundande ? [bonusDeadline(insats, avslutsdatum, settings), ...snabbhetspremieUppfoljningDeadlines(insats, avslutsdatum, settings)] : []),
  ].filter((deadline): deadline is Deadline => deadline !== undefined && !has(deadline));
  return { keep, cancel, open: opened };
}
