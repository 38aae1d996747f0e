// Månadsrapport for month M: KLAR by the 7th of M+1, read by the kvl by the 12th, approved by the
// 15th (2023 §6.4: "1:a-7:e klarmarkeras", "7:e-12:e granskas", "15:e senaste datum för godkännande").
import type { LocalDate } from '../calendar';
import { addMonthsTo, dayOf, firstDayOf, monthOf, monthsFromTo, type YearMonth } from '../months';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

/**
 * The months that need a report: every month the kund is active in the insats, from the start
 * month to the month of the last active day, the avslut month included (2023 §6.4 "varje månad
 * som en kund är aktuell"; the bonus needs "månadsrapport senaste månaden", §9.2).
 */
export function reportMonths(startdatum: LocalDate, lastActiveDay: LocalDate): YearMonth[] {
  return monthsFromTo(monthOf(startdatum), monthOf(lastActiveDay));
}

/** `manadsrapport` for `month`: the period opens on the 1st of the next month, due its 7th. */
export function manadsrapportDeadline(month: YearMonth, settings: Settings): Deadline {
  const next = addMonthsTo(month, 1);
  return makeDeadline('manadsrapport', {
    occurrence: month,
    openedOn: firstDayOf(next),
    due: dayOf(next, settings.deadlines.manadsrapport.klarDay),
    section: '2023 §6.4',
  });
}

// The kvl cannot read a report before it is KLAR: one marked KLAR after the review day is due for
// review (and approval) the day it arrives; the report's own lateness is counted on manadsrapport.
function reviewDue(month: YearMonth, day: number, klarmarkeradOn: LocalDate): LocalDate {
  const due = dayOf(addMonthsTo(month, 1), day);
  return klarmarkeradOn > due ? klarmarkeradOn : due;
}

/** `manadsrapport-granskning`: the kvl reads and approves or sends back the report by the 12th. 2023 §6.4. */
export function manadsrapportGranskningDeadline(month: YearMonth, klarmarkeradOn: LocalDate, settings: Settings): Deadline {
  return makeDeadline('manadsrapport-granskning', {
    occurrence: month,
    openedOn: klarmarkeradOn,
    due: reviewDue(month, settings.deadlines.manadsrapport.granskningDay, klarmarkeradOn),
    section: '2023 §6.4',
  });
}

/** `manadsrapport-godkand`: the report approved by the 15th; later approval moves the payment (2023 §9). */
export function manadsrapportGodkandDeadline(month: YearMonth, klarmarkeradOn: LocalDate, settings: Settings): Deadline {
  return makeDeadline('manadsrapport-godkand', {
    occurrence: month,
    openedOn: klarmarkeradOn,
    due: reviewDue(month, settings.deadlines.manadsrapport.godkandDay, klarmarkeradOn),
    section: '2023 §6.4, §9',
  });
}
