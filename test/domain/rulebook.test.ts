import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  insatsMonthEnd,
  insatsMonthOf,
  insatsMonthStart,
  insatstyperIn,
  rulebookFor,
  slutdatumOf,
} from '../../domain';
import { insats, settingsWith } from './fixtures';

describe('rulebook selection: an insats is pinned to the rulebook in force on its beslutsdatum', () => {
  it('(reading) 2023 before 2024-01-01, 2024 from that day', () => {
    expect(rulebookFor('2023-12-31', defaultSettings)).toBe('2023');
    expect(rulebookFor('2024-01-01', defaultSettings)).toBe('2024');
  });

  it('the switch date is a setting', () => {
    const later = settingsWith((settings) => {
      settings.rulebook2024From = '2024-03-01';
    });
    expect(rulebookFor('2024-02-15', later)).toBe('2023');
    expect(rulebookFor('2024-03-01', later)).toBe('2024');
  });

  it('insatstyper are valid only in their rulebook: JPG, FJP, SAI in 2023 (2023 §2); AMI1, AMI2 in 2024 (2024 §1.1)', () => {
    expect(insatstyperIn('2023')).toEqual(['JPG', 'FJP', 'SAI']);
    expect(insatstyperIn('2024')).toEqual(['AMI1', 'AMI2']);
  });
});

describe('insats months: month 1 runs from beslutsdatum to the day before the same date next month', () => {
  it('a beslut on 2024-03-20: month 1 ends 2024-04-19, month 2 starts 2024-04-20', () => {
    expect(insatsMonthOf('2024-03-20', '2024-03-20')).toBe(1);
    expect(insatsMonthOf('2024-03-20', '2024-04-19')).toBe(1);
    expect(insatsMonthOf('2024-03-20', '2024-04-20')).toBe(2);
    expect(insatsMonthOf('2024-03-20', '2024-03-19')).toBe(0);
    expect(insatsMonthEnd('2024-03-20', 12)).toBe('2025-03-19');
  });

  it('a beslut on 31 January: month 2 starts on the last day of February, month 3 on 31 March', () => {
    expect(insatsMonthStart('2024-01-31', 2)).toBe('2024-02-29');
    expect(insatsMonthStart('2024-01-31', 3)).toBe('2024-03-31');
    expect(insatsMonthOf('2024-01-31', '2024-02-28')).toBe(1);
    expect(insatsMonthOf('2024-01-31', '2024-02-29')).toBe(2);
    expect(insatsMonthOf('2024-01-31', '2024-03-30')).toBe(2);
    expect(insatsMonthOf('2023-01-31', '2023-02-28')).toBe(2);
    expect(insatsMonthOf('2024-01-31', '2025-01-30')).toBe(12);
  });
});

describe('slutdatum: the granted end date', () => {
  it('2024 §7 AMI1: (reading) 90 days, the last day beslutsdatum + 89', () => {
    expect(slutdatumOf(insats('AMI1', '2024-03-20'), defaultSettings)).toBe('2024-06-17');
  });

  it('2024 §8 AMI2: 12 insats months, ending the day before the same date a year later', () => {
    expect(slutdatumOf(insats('AMI2', '2024-02-15'), defaultSettings)).toBe('2025-02-14');
  });

  it('2023 §2: JPG, FJP and SAI are open-ended unless the decision names a slutdatum', () => {
    expect(slutdatumOf(insats('FJP', '2023-10-16'), defaultSettings)).toBeUndefined();
    expect(slutdatumOf(insats('JPG', '2023-10-16', { slutdatum: '2024-01-23' }), defaultSettings)).toBe('2024-01-23');
  });
});
