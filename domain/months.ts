// Calendar months as `YYYY-MM`: the unit of månadsrapporter, payments and payment runs (2023 §6.4, §9).
import { addDays, addMonths, daysBetween, type LocalDate } from './calendar';

/** A calendar month, `YYYY-MM`. */
export type YearMonth = string;

export function monthOf(date: LocalDate): YearMonth {
  return date.slice(0, 7);
}

export function firstDayOf(month: YearMonth): LocalDate {
  return `${month}-01`;
}

export function lastDayOf(month: YearMonth): LocalDate {
  return addDays(firstDayOf(addMonthsTo(month, 1)), -1);
}

export function daysIn(month: YearMonth): number {
  return daysBetween(firstDayOf(month), lastDayOf(month)) + 1;
}

export function addMonthsTo(month: YearMonth, months: number): YearMonth {
  return monthOf(addMonths(firstDayOf(month), months));
}

/**
 * Day `day` of `month`, or the month's last day when it is shorter (day 31 of February is the
 * 28th/29th), so a monthly rule set on a late day never skips a month.
 */
export function dayOf(month: YearMonth, day: number): LocalDate {
  const last = lastDayOf(month);
  return day >= Number(last.slice(8)) ? last : `${month}-${String(day).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `to` is earlier. */
export function monthsFromTo(from: YearMonth, to: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  for (let month = from; month <= to; month = addMonthsTo(month, 1)) months.push(month);
  return months;
}

export function maxMonth(a: YearMonth, b: YearMonth): YearMonth {
  return a > b ? a : b;
}
