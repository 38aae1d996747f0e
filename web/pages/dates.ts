// Dates and times as the pages write them, in Europe/Stockholm.
import { toLocalIso, type LocalDate, type Period } from '../../domain';

export { monthName } from '../../activities/notification-text';

const LONG_DATE = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2025-12-23` → `tisdag 23 december 2025`. */
export const longDate = (date: LocalDate) => LONG_DATE.format(new Date(`${date}T00:00:00Z`));

/** An ISO-8601 instant, with any offset, as local `2025-12-23 10:00`. */
export function localTime(instant: string): string {
  const local = toLocalIso(new Date(instant));
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** `1 dag sen`, `7 dagar sen`. */
export const daysLate = (days: number) => `${days} ${days === 1 ? 'dag' : 'dagar'} sen`;

const PERIOD_WORDS: Record<Period['unit'], string> = { days: 'dagarna', 'working-days': 'arbetsdagarna', weeks: 'veckorna', months: 'månaderna' };

/** `months(6)` → `de senaste 6 månaderna`. */
export const lastPeriod = (period: Period) => `de senaste ${period.count} ${PERIOD_WORDS[period.unit]}`;
