// A length of time as the rulebooks state it ("fem arbetsdagar", "inom 30 dagar", "fyra veckor",
// "tre månader"), so each reading in Settings names its unit instead of hiding it in a number.
import { addDays, addMonths, addWorkingDays, type LocalDate } from './calendar';

export const PERIOD_UNITS = ['days', 'working-days', 'weeks', 'months'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface Period {
  count: number;
  unit: PeriodUnit;
}

export const days = (count: number): Period => ({ count, unit: 'days' });
export const workingDays = (count: number): Period => ({ count, unit: 'working-days' });
export const weeks = (count: number): Period => ({ count, unit: 'weeks' });
export const months = (count: number): Period => ({ count, unit: 'months' });

/**
 * `date` + `period`. Working days skip weekends and Swedish holidays; months are calendar months
 * clamped to the month's end (31 January + 1 month = 28/29 February, see addMonths).
 */
export function addPeriod(date: LocalDate, period: Period): LocalDate {
  switch (period.unit) {
    case 'days':
      return addDays(date, period.count);
    case 'working-days':
      return addWorkingDays(date, period.count);
    case 'weeks':
      return addDays(date, 7 * period.count);
    case 'months':
      return addMonths(date, period.count);
  }
}

export function subtractPeriod(date: LocalDate, period: Period): LocalDate {
  return addPeriod(date, { count: -period.count, unit: period.unit });
}
