// `upptrappning`: a part-time plan reaching each planned step of its ramp-up — the SAI workplace
// towards 50 % (2023 §2.3.1), any 2023 part-time plan (§3.2), AMI2 towards full time (2024 §8.1).
import type { LocalDate } from '../calendar';
import type { Insats } from '../insats';
import { makeDeadline, type Deadline } from './deadline';

export interface UpptrappningSteg {
  /** The date the uppdrag plans the step for. */
  date: LocalDate;
  /** The planned scope from that date, percent of full time. */
  omfattning: number;
}

/** One deadline per planned step, due on its date; AMI1 plans full time from the start (2024 §7.1): none. */
export function upptrappningDeadlines(insats: Insats, steps: UpptrappningSteg[], openedOn: LocalDate): Deadline[] {
  if (insats.insatstyp === 'AMI1') return [];
  const section = insats.rulebook === '2024' ? '2024 §8.1' : insats.insatstyp === 'SAI' ? '2023 §2.3.1, §3.2' : '2023 §3.2';
  return steps.map((step) =>
    makeDeadline('upptrappning', { occurrence: step.date, openedOn, due: step.date, section }),
  );
}

/**
 * What a missed step sets off. 2023: the anordnare books a meeting with the kvl (§3.2, §2.3.1: an
 * extra trepart). 2024 AMI2: the deviation and its reason go in the månadsrapport, and the kvl
 * decides whether a trepart is needed before the ordinary one (§8.1).
 */
export function missedUpptrappningStep(insats: Insats): 'extra-trepart' | 'rapportera-i-manadsrapport' {
  return insats.rulebook === '2023' ? 'extra-trepart' : 'rapportera-i-manadsrapport';
}
