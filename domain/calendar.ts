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

// Calendar dates need no time zone: they are counted as whole days since 1970-01-01 (UTC
// arithmetic on a date, never on an instant), which is exact and fast. Only the instants of
// reminders (atLocalTime, localDateOf) involve Europe/Stockholm and its DST changes.
const MS_PER_DAY = 86_400_000;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function partsOf(date: LocalDate): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parts = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!parts || parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  }
  return parts;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function epochDay(date: LocalDate): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(days: number): LocalDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export function weekdayOf(date: LocalDate): number {
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWorkingDay(date: LocalDate): boolean {
  return weekdayOf(date) <= 5 && !nonWorkingDays(partsOf(date).year).has(date);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

/**
 * Calendar months. The rulebooks count months from a date ("inom tre månader från beslutsdatum"),
 * and a day missing in the target month becomes that month's last day: 31 January + 1 month is
 * 28 February (29 in a leap year), 31 March − 1 month is 28/29 February. Always count from the
 * original date (date + n months), never chain single months, or 31 Jan → 28 Feb → 28 Mar drifts.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
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
  return epochDay(to) - epochDay(from);
}

// Reminder plans ask for the same few instants over and over; a time-zone lookup is the slow part.
const instants = new Map<string, number>();
const MAX_CACHED_INSTANTS = 10_000;

/** The instant of local time `HH:mm` on `date` in Europe/Stockholm (DST-aware). */
export function atLocalTime(date: LocalDate, time: string): Date {
  const key = `${date}T${time}`;
  let epochMs = instants.get(key);
  if (epochMs === undefined) {
    const [hour, minute] = time.split(':').map(Number);
    const { year, month, day } = partsOf(date);
    epochMs = DateTime.fromObject({ year, month, day, hour, minute }, { zone: TIME_ZONE }).toMillis();
    if (instants.size >= MAX_CACHED_INSTANTS) instants.clear();
    instants.set(key, epochMs);
  }
  return new Date(epochMs);
}

/** The Europe/Stockholm calendar date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  return DateTime.fromJSDate(instant, { zone: TIME_ZONE }).toISODate()!;
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
