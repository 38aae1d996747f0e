import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  manadsrapportDeadline,
  manadsrapportGodkandDeadline,
  manadsrapportGranskningDeadline,
  reportMonths,
} from '../../domain';

describe('manadsrapport: KLAR by the 7th of M+1, the period opening on the 1st (2023 §6.4)', () => {
  it('2023 §6.4: the report for 2025-03 opens 2025-04-01 and is due 2025-04-07', () => {
    expect(manadsrapportDeadline('2025-03', defaultSettings)).toEqual({
      rule: 'manadsrapport',
      occurrence: '2025-03',
      due: '2025-04-07',
      openedOn: '2025-04-01',
      owner: 'anordnare',
      escalation: ['kvl'],
      section: '2023 §6.4',
    });
  });

  it('2023 §6.4: the December report crosses the year: 2024-12 → 2025-01-07', () => {
    expect(manadsrapportDeadline('2024-12', defaultSettings)).toMatchObject({ openedOn: '2025-01-01', due: '2025-01-07' });
  });

  it('2023 §6.4: every month the kund is active, the start and avslut months included', () => {
    expect(reportMonths('2023-10-16', '2024-02-10')).toEqual(['2023-10', '2023-11', '2023-12', '2024-01', '2024-02']);
    expect(reportMonths('2024-03-20', '2024-03-28')).toEqual(['2024-03']);
  });
});

describe('manadsrapport-granskning by the 12th and manadsrapport-godkand by the 15th of M+1 (2023 §6.4, §9)', () => {
  it('2023 §6.4: report for 2025-03 marked KLAR on 2025-04-04: review due 2025-04-12 (a Saturday, not moved), approval 2025-04-15', () => {
    expect(manadsrapportGranskningDeadline('2025-03', '2025-04-04', defaultSettings)).toMatchObject({
      rule: 'manadsrapport-granskning',
      occurrence: '2025-03',
      openedOn: '2025-04-04',
      due: '2025-04-12',
      owner: 'kvl',
      escalation: ['arbetsledare'],
    });
    expect(manadsrapportGodkandDeadline('2025-03', '2025-04-04', defaultSettings)).toMatchObject({
      rule: 'manadsrapport-godkand',
      due: '2025-04-15',
      owner: 'kvl',
      escalation: [],
    });
  });

  it('2023 §6.4: a report marked KLAR after the 12th is due for review the day it arrives', () => {
    expect(manadsrapportGranskningDeadline('2025-03', '2025-04-14', defaultSettings).due).toBe('2025-04-14');
    expect(manadsrapportGodkandDeadline('2025-03', '2025-04-14', defaultSettings).due).toBe('2025-04-15');
  });
});
