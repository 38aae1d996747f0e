// Property checks over thousands of generated dates: working-day rules land on working days,
// reminders never come after the end of the due date, month arithmetic stays in its month.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  atLocalTime,
  bemanningDeadline,
  daysBetween,
  defaultSettings,
  deadlinesOnAktualisering,
  deadlinesOnBemanning,
  extraTrepartDeadline,
  insatsMonthOf,
  insatsMonthStart,
  intygDeadline,
  isWorkingDay,
  localDateOf,
  manadsrapportDeadline,
  monthOf,
  monthPayment,
  nextPlannedNotification,
  plangranskningDeadline,
  sfiKontaktDeadline,
  snabbhetspremieUppfoljningDeadlines,
  tillaggscheckDeadline,
  uppdragDeadline,
  type Deadline,
  type Insatstyp,
  type PlannedNotification,
} from '../../domain';
import { insats } from './fixtures';

const RUNS = 2000;
const date = (from = '2023-01-01', years = 8) => fc.integer({ min: 0, max: 365 * years }).map((offset) => addDays(from, offset));
const date2023 = date('2023-01-01', 1).filter((day) => day < '2024-01-01');
const date2024 = date('2024-01-01', 6);
const insatstyp = fc.constantFrom<Insatstyp>('JPG', 'FJP', 'SAI', 'AMI1', 'AMI2');

/** Every deadline the rules can build around `day`, for one insatstyp. */
function deadlinesAround(type: Insatstyp, day: string): Deadline[] {
  const beslut = type === 'AMI1' || type === 'AMI2' ? (day < '2024-01-01' ? addDays(day, 400) : day) : day < '2024-01-01' ? day : '2023-06-15';
  const subject = insats(type, beslut, { praktikBehov: true });
  const avslut = addDays(beslut, 40);
  return [
    ...deadlinesOnAktualisering(subject, beslut, defaultSettings),
    ...deadlinesOnBemanning(subject, addDays(beslut, 1), defaultSettings),
    manadsrapportDeadline(monthOf(day), defaultSettings),
    intygDeadline('lakarintyg', day, defaultSettings)!,
    ...snabbhetspremieUppfoljningDeadlines(subject, avslut, defaultSettings),
  ];
}

describe('properties over generated dates', () => {
  it('every due date of a working-day rule is a working day after the opening day (bemanning, uppdrag, plangranskning, tillaggscheck, sfi contact, extra trepart)', () => {
    fc.assert(
      fc.property(date(), (day) => {
        const deadlines = [
          bemanningDeadline(day),
          uppdragDeadline(day, defaultSettings),
          plangranskningDeadline(day, defaultSettings),
          tillaggscheckDeadline(day, defaultSettings),
          sfiKontaktDeadline(day, defaultSettings),
          extraTrepartDeadline(insats('FJP', '2023-06-15'), 'avbojt-arbete', day, defaultSettings)!,
        ];
        for (const deadline of deadlines) {
          expect(isWorkingDay(deadline.due), `${deadline.rule} ${day} → ${deadline.due}`).toBe(true);
          expect(deadline.due > day).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reminders never fall after the end of the due date nor before the opening day, and go at 08:00 on working days; escalations come after the due date', () => {
    fc.assert(
      fc.property(insatstyp, date(), (type, day) => {
        for (const deadline of deadlinesAround(type, day)) {
          const endOfDue = atLocalTime(addDays(deadline.due, 1), '00:00');
          const startOfOpening = atLocalTime(deadline.openedOn, '00:00');
          let after = new Date(0);
          for (let step = 0; step < 4; step += 1) {
            const next: PlannedNotification | undefined = nextPlannedNotification(deadline, after, defaultSettings.reminders);
            if (!next) break;
            const local = localDateOf(next.at);
            expect(isWorkingDay(local), `${deadline.rule} ${next.step} on ${local}`).toBe(true);
            expect(next.at.getTime()).toBe(atLocalTime(local, '08:00').getTime());
            if (next.kind === 'reminder') {
              expect(next.at <= endOfDue, `${deadline.rule} due ${deadline.due}: ${next.step} ${local}`).toBe(true);
              expect(next.at >= startOfOpening, `${deadline.rule} opened ${deadline.openedOn}: ${next.step} ${local}`).toBe(true);
              expect(next.role).toBe(deadline.owner);
            } else {
              expect(next.at >= endOfDue).toBe(true);
            }
            after = next.at;
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('calendar months: date + n months stays in the target month, on the same day or the month end', () => {
    fc.assert(
      fc.property(date(), fc.integer({ min: -24, max: 24 }), (day, months) => {
        const result = addMonths(day, months);
        const monthsApart = (Number(result.slice(0, 4)) - Number(day.slice(0, 4))) * 12 + Number(result.slice(5, 7)) - Number(day.slice(5, 7));
        expect(monthsApart).toBe(months);
        const sameDay = result.slice(8) === day.slice(8);
        const monthEnd = monthOf(addDays(result, 1)) !== monthOf(result) && Number(result.slice(8)) < Number(day.slice(8));
        expect(sameDay || monthEnd).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('insats months: every date falls in the month that starts on or before it and ends before the next starts', () => {
    fc.assert(
      fc.property(date2024, fc.integer({ min: 0, max: 800 }), (beslut, offset) => {
        const day = addDays(beslut, offset);
        const n = insatsMonthOf(beslut, day);
        expect(insatsMonthStart(beslut, n) <= day).toBe(true);
        expect(day < insatsMonthStart(beslut, n + 1)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('2023 §9.1: a partial month never pays more than a full month, and in whole öre', () => {
    fc.assert(
      fc.property(fc.constantFrom<Insatstyp>('JPG', 'FJP', 'SAI'), date2023, fc.integer({ min: 0, max: 120 }), (type, start, length) => {
        const end = addDays(start, length);
        const full = defaultSettings.payments.monthAmounts[type]! * 100;
        for (const month of [monthOf(start), monthOf(end)]) {
          const payment = monthPayment({ insatstyp: type, month, startdatum: start, lastActiveDay: end }, defaultSettings);
          expect(payment.ok).toBe(true);
          if (!payment.ok) return;
          expect(Number.isInteger(payment.value.amount)).toBe(true);
          expect(payment.value.amount).toBeLessThanOrEqual(full);
          expect(payment.value.activeDays).toBeLessThanOrEqual(daysBetween(`${month}-01`, addDays(addMonths(`${month}-01`, 1), -1)) + 1);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
