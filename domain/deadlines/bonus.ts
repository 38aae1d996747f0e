// After a bonus-grounding avslut: the bonus claim (2023 §9.2; 2024 §9, §10.2) and, in 2024, the
// monthly follow-up that keeps the snabbhetspremie paid (2024 §10.1).
import type { LocalDate } from '../calendar';
import { slutdatumOf, type Insats } from '../insats';
import { addMonthsTo, dayOf, firstDayOf, monthOf, monthsFromTo, type YearMonth } from '../months';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

/**
 * `bonus`: the bonusrapport with anställnings-/studieintyg proving 6 months of self-sufficiency,
 * at the earliest avslut + 6 months; the owner is reminded then and the claim stays open.
 */
export function bonusDeadline(insats: Insats, avslutsdatum: LocalDate, settings: Settings): Deadline {
  return makeDeadline('bonus', {
    openedOn: avslutsdatum,
    due: addPeriod(avslutsdatum, settings.bonus.hallbarhet),
    section: insats.rulebook === '2024' ? '2024 §9, §10.2' : '2023 §9.2',
  });
}

/**
 * The calendar months after the avslut month up to the month of the slutdatum: those the
 * snabbhetspremie keeps paying, each followed up "minst en gång i månaden … inför
 * månadsutbetalning" (2024 §10.1). Empty for 2023, an avslut on or after the slutdatum, or no slutdatum.
 */
export function snabbhetspremieMonths(insats: Insats, avslutsdatum: LocalDate, settings: Settings): YearMonth[] {
  const slutdatum = slutdatumOf(insats, settings);
  if (insats.rulebook !== '2024' || !slutdatum || avslutsdatum >= slutdatum) return [];
  return monthsFromTo(addMonthsTo(monthOf(avslutsdatum), 1), monthOf(slutdatum));
}

/** `snabbhetspremie-uppfoljning` for each such month M: opened on the 1st of M+1, due its 7th (reading). */
export function snabbhetspremieUppfoljningDeadlines(insats: Insats, avslutsdatum: LocalDate, settings: Settings): Deadline[] {
  return snabbhetspremieMonths(insats, avslutsdatum, settings).map((month) => {
    const next = addMonthsTo(month, 1);
    return makeDeadline('snabbhetspremie-uppfoljning', {
      occurrence: month,
      openedOn: firstDayOf(next),
      due: dayOf(next, settings.deadlines.snabbhetspremieUppfoljningDay),
      section: '2024 §10.1',
    });
  });
}
