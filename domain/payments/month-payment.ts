// Ersättning per calendar month of an active insats (2023 §9.1): the month amount for a month
// active every day; for a month where the insats starts or ends part-way, month amount / 30 ×
// active days (or the day rate, a setting).
import { daysBetween, type LocalDate } from '../calendar';
import type { Insatstyp } from '../insatstyp';
import { divideRounded, type Ore } from '../money';
import { firstDayOf, lastDayOf, monthOf, monthsFromTo, type YearMonth } from '../months';
import type { PaymentMethod, Settings } from '../settings';
import { dayRate, monthAmount, type Result } from './amounts';

export interface ActivePeriod {
  /** The first active day. */
  startdatum: LocalDate;
  /** The last active day (the avslut or slutdatum); absent while the insats runs. */
  lastActiveDay?: LocalDate;
}

export interface MonthPayment {
  month: YearMonth;
  /** Active days in the month, start and end dates included. */
  activeDays: number;
  fullMonth: boolean;
  /** `month-amount` for a full month, else the partial-month method used. */
  method: 'month-amount' | PaymentMethod;
  amount: Ore;
}

/** Days of `month` inside the active period, both ends included. */
export function activeDaysIn(month: YearMonth, { startdatum, lastActiveDay }: ActivePeriod): number {
  const from = startdatum > firstDayOf(month) ? startdatum : firstDayOf(month);
  const to = lastActiveDay && lastActiveDay < lastDayOf(month) ? lastActiveDay : lastDayOf(month);
  return Math.max(0, daysBetween(from, to) + 1);
}

export function monthPayment(
  { insatstyp, month, ...period }: ActivePeriod & { insatstyp: Insatstyp; month: YearMonth },
  settings: Settings,
): Result<MonthPayment> {
  const full = monthAmount(insatstyp, settings);
  if (!full.ok) return full;
  const activeDays = activeDaysIn(month, period);
  const fullMonth = activeDays > 0 && activeDays === daysBetween(firstDayOf(month), lastDayOf(month)) + 1;
  if (fullMonth) return { ok: true, value: { month, activeDays, fullMonth, method: 'month-amount', amount: full.value } };

  // "dividerat på 30 dagar, multiplicerat med antalet insatsdagar": a 31-day month started on the
  // 2nd has 30 active days and pays no more than the whole month.
  const days = Math.min(activeDays, settings.payments.daysPerMonth);
  const method = settings.payments.partialMonthMethod;
  if (method === 'month-per-30') {
    const amount = divideRounded(full.value * days, settings.payments.daysPerMonth);
    return { ok: true, value: { month, activeDays, fullMonth, method, amount } };
  }
  const rate = dayRate(insatstyp, settings);
  if (!rate.ok) return rate;
  // The day rates are the month amount / 30 rounded to whole kronor (3 686 / 30 = 122.87 → 123):
  // a partial month must not pay more than a full one.
  const amount = Math.min(rate.value * days, full.value);
  return { ok: true, value: { month, activeDays, fullMonth, method, amount } };
}

/** One payment per month from the start month to the month of the last active day. */
export function monthPayments(
  { insatstyp, startdatum, lastActiveDay }: Required<ActivePeriod> & { insatstyp: Insatstyp },
  settings: Settings,
): Result<MonthPayment[]> {
  const payments: MonthPayment[] = [];
  for (const month of monthsFromTo(monthOf(startdatum), monthOf(lastActiveDay))) {
    const payment = monthPayment({ insatstyp, month, startdatum, lastActiveDay }, settings);
    if (!payment.ok) return payment;
    payments.push(payment.value);
  }
  return { ok: true, value: payments };
}

/** The sum of payments, in öre. */
export function totalOf(payments: MonthPayment[]): Ore {
  return payments.reduce((sum, payment) => sum + payment.amount, 0);
}
