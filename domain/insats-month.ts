// Insats months (RULEBOOK.md, Insatstyper): month 1 runs from beslutsdatum up to the day before
// the same date next month. 2024 §8.2 (AMI2 meetings) and §10.2 (resultatbonus) count in them.
import { addDays, addMonths, type LocalDate } from './calendar';

/**
 * The first day of insats month `n` (n ≥ 1): beslutsdatum + (n − 1) calendar months, counted from
 * beslutsdatum every time. A beslut on 31 January starts month 2 on 28/29 February (no 31st) and
 * month 3 on 31 March: the months of a late-month beslut are not all equally long.
 */
export function insatsMonthStart(beslutsdatum: LocalDate, n: number): LocalDate {
  return addMonths(beslutsdatum, n - 1);
}

/** The last day of insats month `n`: the day before month n + 1 starts. */
export function insatsMonthEnd(beslutsdatum: LocalDate, n: number): LocalDate {
  return addDays(insatsMonthStart(beslutsdatum, n + 1), -1);
}

/** The insats month `date` falls in (1 for beslutsdatum itself); 0 for a date before beslutsdatum. */
export function insatsMonthOf(beslutsdatum: LocalDate, date: LocalDate): number {
  if (date < beslutsdatum) return 0;
  const roughly = (Number(date.slice(0, 4)) - Number(beslutsdatum.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - Number(beslutsdatum.slice(5, 7));
  let n = Math.max(1, roughly);
  while (n > 1 && insatsMonthStart(beslutsdatum, n) > date) n -= 1;
  while (insatsMonthStart(beslutsdatum, n + 1) <= date) n += 1;
  return n;
}
