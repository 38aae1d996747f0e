import { describe, expect, it } from 'vitest';
import {
  activeDaysIn,
  defaultSettings,
  divideRounded,
  formatKronor,
  monthPayment,
  monthPayments,
  paymentRun,
  totalOf,
  type Insatstyp,
} from '../../domain';
import { settingsWith } from './fixtures';

const dayRate = settingsWith((settings) => {
  settings.payments.partialMonthMethod = 'day-rate';
});

function amount(insatstyp: Insatstyp, month: string, startdatum: string, lastActiveDay?: string, settings = defaultSettings) {
  const result = monthPayment({ insatstyp, month, startdatum, ...(lastActiveDay ? { lastActiveDay } : {}) }, settings);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('ersättning per month (2023 §9.1)', () => {
  it('2023 §9.1 worked example: FJP starting 2023-10-16 pays 2 590,93 kr for October (16 days × 4 858 / 30)', () => {
    expect(amount('FJP', '2023-10', '2023-10-16')).toEqual({
      month: '2023-10',
      activeDays: 16,
      fullMonth: false,
      method: 'month-per-30',
      amount: 259093,
    });
    expect(formatKronor(259093)).toBe('2 590,93 kr');
  });

  it('2023 §9.1: a month active every day pays the month amount: JPG 3 686, FJP 4 858, SAI 6 080 kr', () => {
    expect(amount('JPG', '2023-11', '2023-10-16').amount).toBe(368600);
    expect(amount('FJP', '2023-11', '2023-10-16').amount).toBe(485800);
    expect(amount('SAI', '2024-02', '2024-01-15', '2024-03-10')).toMatchObject({ activeDays: 29, fullMonth: true, amount: 608000 });
  });

  it('2023 §9.1: a partial last month: FJP ending 2024-02-10 pays 10 × 4 858 / 30 = 1 619,33 kr', () => {
    expect(amount('FJP', '2024-02', '2023-10-16', '2024-02-10')).toMatchObject({ activeDays: 10, amount: 161933 });
  });

  it('2023 §9.1: start and end inside one month count both days: 2023-10-10 to 2023-10-19 is 10 days', () => {
    expect(activeDaysIn('2023-10', { startdatum: '2023-10-10', lastActiveDay: '2023-10-19' })).toBe(10);
    expect(activeDaysIn('2023-09', { startdatum: '2023-10-10' })).toBe(0);
  });

  it('2023 §9.1 (reading): 30 active days of a 31-day month are capped at 30/30, the month amount', () => {
    expect(amount('JPG', '2023-10', '2023-10-02')).toMatchObject({ activeDays: 30, fullMonth: false, amount: 368600 });
  });

  it('2023 §9.1: a partial February (28 of 29 days) pays 28/30, more days than in a short month do not matter', () => {
    expect(amount('SAI', '2024-02', '2024-02-02')).toMatchObject({ activeDays: 28, amount: divideRounded(608000 * 28, 30) });
    expect(amount('SAI', '2024-02', '2024-02-02').amount).toBe(567467);
  });

  it('2023 §9.1 (reading): 20 JPG days pay 2 457,33 kr by month/30, 2 460 kr by the day-rate setting', () => {
    expect(amount('JPG', '2023-10', '2023-10-12').amount).toBe(245733);
    expect(amount('JPG', '2023-10', '2023-10-12', undefined, dayRate)).toMatchObject({ method: 'day-rate', amount: 246000 });
    // 30 days × 123 kr = 3 690 kr would exceed the month amount.
    expect(amount('JPG', '2023-10', '2023-10-02', undefined, dayRate).amount).toBe(368600);
  });

  it('a whole insats, FJP 2023-10-16 to 2024-02-10: partial first and last month, full months between, in öre', () => {
    const result = monthPayments({ insatstyp: 'FJP', startdatum: '2023-10-16', lastActiveDay: '2024-02-10' }, defaultSettings);
    expect(result.ok && result.value.map((payment) => [payment.month, payment.amount])).toEqual([
      ['2023-10', 259093],
      ['2023-11', 485800],
      ['2023-12', 485800],
      ['2024-01', 485800],
      ['2024-02', 161933],
    ]);
    expect(result.ok && totalOf(result.value)).toBe(1878426);
  });

  it('rounding to öre is half up, in integers', () => {
    expect(divideRounded(45, 30)).toBe(2);
    expect(divideRounded(44, 30)).toBe(1);
    expect(divideRounded(485800 * 16, 30)).toBe(259093);
  });
});

describe('2024: AMI1 and AMI2 amounts are configuration, with no invented default', () => {
  it('a missing month amount is an error result naming the setting', () => {
    expect(monthPayment({ insatstyp: 'AMI2', month: '2024-04', startdatum: '2024-03-20' }, defaultSettings)).toEqual({
      ok: false,
      error: {
        code: 'missing-setting',
        setting: 'settings.payments.monthAmounts.AMI2',
        message: 'the month amount for AMI2 is not configured: set settings.payments.monthAmounts.AMI2',
      },
    });
  });

  it('a configured amount pays; with the day-rate method a missing day rate names its setting', () => {
    const configured = settingsWith((settings) => {
      settings.payments.monthAmounts.AMI1 = 9000;
    });
    expect(monthPayment({ insatstyp: 'AMI1', month: '2024-03', startdatum: '2024-03-20' }, configured)).toMatchObject({
      ok: true,
      value: { activeDays: 12, amount: 360000 },
    });
    configured.payments.partialMonthMethod = 'day-rate';
    const result = monthPayment({ insatstyp: 'AMI1', month: '2024-03', startdatum: '2024-03-20' }, configured);
    expect(result.ok === false && result.error.setting).toBe('settings.payments.dayRates.AMI1');
  });
});

describe('payment run (2023 §6.4, §9, reading): paid in the run after approval if approved by the 15th of M+1, else later', () => {
  it('2023 §9: October approved by 2023-11-15 is paid in November\'s run; approved on the 16th in December\'s', () => {
    expect(paymentRun('2023-10', '2023-11-03', defaultSettings)).toBe('2023-11');
    expect(paymentRun('2023-10', '2023-11-15', defaultSettings)).toBe('2023-11');
    expect(paymentRun('2023-10', '2023-11-16', defaultSettings)).toBe('2023-12');
  });

  it('2023 §9: a report approved a month late, on 2023-12-20, goes to January\'s run', () => {
    expect(paymentRun('2023-10', '2023-12-20', defaultSettings)).toBe('2024-01');
    expect(paymentRun('2023-11', '2023-12-15', defaultSettings)).toBe('2023-12');
  });
});
