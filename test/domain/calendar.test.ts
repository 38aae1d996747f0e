import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addPeriod,
  addWorkingDays,
  atLocalTime,
  dayOf,
  daysIn,
  isWorkingDay,
  lastDayOf,
  monthsFromTo,
  nextWorkingDay,
  toLocalIso,
  workingDayOnOrBefore,
} from '../../domain';

describe('working days (RULEBOOK.md, Deadlines: "Working day")', () => {
  it('Easter 2025: skärtorsdag is a working day, långfredag to annandag påsk are not', () => {
    expect(isWorkingDay('2025-04-17')).toBe(true);
    expect(['2025-04-18', '2025-04-19', '2025-04-20', '2025-04-21'].map(isWorkingDay)).toEqual([false, false, false, false]);
    expect(nextWorkingDay('2025-04-17')).toBe('2025-04-22');
  });

  it('midsommar 2025: midsommarafton (a de facto holiday) is not a working day', () => {
    expect(isWorkingDay('2025-06-19')).toBe(true);
    expect(isWorkingDay('2025-06-20')).toBe(false);
    expect(nextWorkingDay('2025-06-19')).toBe('2025-06-23');
  });

  it('Christmas to New Year 2025/26: julafton, juldagen, annandag jul, nyårsafton, nyårsdagen, trettondedag jul are off', () => {
    const days = ['2025-12-23', '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-06'];
    expect(days.map(isWorkingDay)).toEqual([true, false, false, false, true, true, false, false, true, false]);
    expect(addWorkingDays('2025-12-23', 5)).toBe('2026-01-07');
    expect(addWorkingDays('2026-01-07', -5)).toBe('2025-12-23');
  });

  it('weekends and other public holidays: första maj, Kristi himmelsfärd, nationaldagen', () => {
    expect(['2025-05-01', '2025-05-29', '2025-06-06', '2025-06-07', '2025-06-08'].map(isWorkingDay)).toEqual([false, false, false, false, false]);
    expect(workingDayOnOrBefore('2025-06-08')).toBe('2025-06-05');
  });
});

describe('calendar months: explicit about month ends', () => {
  it('31 January + 1 month is the last day of February (28, or 29 in a leap year)', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('month helpers clamp a late day to the month end', () => {
    expect(dayOf('2024-02', 31)).toBe('2024-02-29');
    expect(dayOf('2025-04', 7)).toBe('2025-04-07');
    expect(lastDayOf('2023-02')).toBe('2023-02-28');
    expect(daysIn('2024-02')).toBe(29);
    expect(monthsFromTo('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });

  it('periods name their unit: days, working days, weeks, months', () => {
    expect(addPeriod('2024-03-20', { count: 14, unit: 'days' })).toBe('2024-04-03');
    expect(addPeriod('2025-04-16', { count: 2, unit: 'working-days' })).toBe('2025-04-22');
    expect(addPeriod('2024-03-20', { count: 4, unit: 'weeks' })).toBe('2024-04-17');
    expect(addPeriod('2023-11-30', { count: 3, unit: 'months' })).toBe('2024-02-29');
  });
});

describe('08:00 local on a date, as an instant across DST', () => {
  it('summer time starts 2025-03-30: 08:00 on 2025-03-28 is 07:00Z, on 2025-03-31 is 06:00Z', () => {
    expect(atLocalTime('2025-03-28', '08:00').toISOString()).toBe('2025-03-28T07:00:00.000Z');
    expect(atLocalTime('2025-03-31', '08:00').toISOString()).toBe('2025-03-31T06:00:00.000Z');
  });

  it('summer time ends 2025-10-26: 08:00 on 2025-10-24 is 06:00Z, on 2025-10-27 is 07:00Z', () => {
    expect(atLocalTime('2025-10-24', '08:00').toISOString()).toBe('2025-10-24T06:00:00.000Z');
    expect(atLocalTime('2025-10-27', '08:00').toISOString()).toBe('2025-10-27T07:00:00.000Z');
    expect(toLocalIso(atLocalTime('2025-10-27', '08:00'))).toBe('2025-10-27T08:00:00+01:00');
  });
});
