// Swedish working-day calendar in Europe/Stockholm (RULEBOOK.md, Deadlines: "Working day").
// Pure: safe inside the Temporal workflow sandbox.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

export const TIME_ZONE = 'Europe/Stockholm';

/** A calendar date in Europe/Stockholm, as `YYYY-MM-DD`. */
export type LocalDate = string;

const swedishHolidays = new Holidays('SE');
const nonWorkingDaysByYear = new Map<number, Set<LocalDate>>();

// date-holidays marks the public holidays `public`, and exactly the de facto holidays
// midsommarafton, julafton and nyårsafton `bank`; both are days off (RULEBOOK.md).
function nonWorkingDays(year: number): Set<LocalDate> {
  let days = nonWorkingDaysByYear.get(year);
  if (!days) {
    days = new Set(
      swedishHolidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    nonWorkingDaysByYear.set(year, days);
  }
  return days;
}

function parse(date: LocalDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: TIME_ZONE });
  if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return parsed;
}

function format(date: DateTime): LocalDate {
  return date.toISODate()!;
}

export function isWorkingDay(date: LocalDate): boolean {
  const day = parse(date);
  return day.weekday <= 5 && !nonWorkingDays(day.year).has(date);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return format(parse(date).plus({ days }));
}

/**
 * Calendar months. The rulebooks count months from a date ("inom tre månader från beslutsdatum"),
 * and a day missing in the target month becomes that month's last day: 31 January + 1 month is
 * 28 February (29 in a leap year), 31 March − 1 month is 28/29 February. Always count from the
 * original date (date + n months), never chain single months, or 31 Jan → 28 Feb → 28 Mar drifts.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return format(parse(date).plus({ months }));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate): LocalDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** `date` itself when it is a working day, else the last working day before it. */
export function workingDayOnOrBefore(date: LocalDate): LocalDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** `date` itself when it is a working day, else the next one. */
export function workingDayOnOrAfter(date: LocalDate): LocalDate {
  return isWorkingDay(date) ? date : nextWorkingDay(date);
}

/** N working days after `date` (N ≥ 1); negative N counts back. */
export function addWorkingDays(date: LocalDate, count: number): LocalDate {
  const step = count < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(count); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(parse(to).diff(parse(from), 'days').days);
}

/** The instant of local time `HH:mm` on `date` in Europe/Stockholm (DST-aware). */
export function atLocalTime(date: LocalDate, time: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  return parse(date).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** The Europe/Stockholm calendar date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  return format(DateTime.fromJSDate(instant, { zone: TIME_ZONE }));
}

/** An instant as ISO-8601 with its Europe/Stockholm offset, e.g. 2025-06-24T08:00:00+02:00. */
export function toLocalIso(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: TIME_ZONE }).toISO({ suppressMilliseconds: true })!;
}

/** Parses local wall time `YYYY-MM-DDTHH:mm[:ss]` in Europe/Stockholm, or any ISO string with an offset. */
export function parseLocalDateTime(value: string): Date {
  const parsed = DateTime.fromISO(value, { zone: TIME_ZONE, setZone: false });
  if (!parsed.isValid) throw new RangeError(`not a date-time: ${value}`);
  return parsed.toJSDate();
}
