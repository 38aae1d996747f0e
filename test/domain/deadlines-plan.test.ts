import { describe, expect, it } from 'vitest';
import {
  bemanningDeadline,
  defaultSettings,
  genomforandeplanDeadline,
  plangranskningDeadline,
  revideradPlanDeadline,
  revideradPlanSenastDeadline,
  uppdragDeadline,
} from '../../domain';
import { insats, settingsWith } from './fixtures';

describe('bemanning: the next working day after aktualisering (2023 §6.2.1, inherited)', () => {
  it('2023 §6.2.1: aktualisering on Tuesday 2025-12-23 is due Monday 2025-12-29, across Christmas', () => {
    expect(bemanningDeadline('2025-12-23')).toEqual({
      rule: 'bemanning',
      occurrence: '1',
      due: '2025-12-29',
      openedOn: '2025-12-23',
      owner: 'anordnare',
      escalation: ['kvl', 'kundkoordinator'],
      section: '2023 §6.2.1',
    });
  });

  it('2023 §6.2.1: skärtorsdag 2025-04-17 is due 2025-04-22 (after Easter); 2025-06-19 is due 2025-06-23 (after midsommar)', () => {
    expect(bemanningDeadline('2025-04-16').due).toBe('2025-04-17');
    expect(bemanningDeadline('2025-04-17').due).toBe('2025-04-22');
    expect(bemanningDeadline('2025-06-19').due).toBe('2025-06-23');
  });
});

describe('uppdrag: 2 working days after bemanning (2023 §6.2.1, reading)', () => {
  it('2023 §6.2.1: bemanning on skärtorsdag 2025-04-17 → 2025-04-23; on 2025-06-19 → 2025-06-24', () => {
    expect(uppdragDeadline('2025-04-17', defaultSettings)).toMatchObject({
      rule: 'uppdrag',
      due: '2025-04-23',
      owner: 'kvl',
      escalation: ['arbetsledare'],
    });
    expect(uppdragDeadline('2025-06-19', defaultSettings).due).toBe('2025-06-24');
  });

  it('the reading is a setting: two calendar days', () => {
    const calendarDays = settingsWith((settings) => {
      settings.deadlines.uppdrag = { count: 2, unit: 'days' };
    });
    expect(uppdragDeadline('2025-04-17', calendarDays).due).toBe('2025-04-19');
  });
});

describe('genomforandeplan: 2023 beslut + 30 days (§6.3.1); 2024 beslut + 14 days (§3)', () => {
  it('2023 §6.3.1: beslut 2023-10-16 → 2023-11-15, owned by the anordnare, escalated to the kvl', () => {
    expect(genomforandeplanDeadline(insats('FJP', '2023-10-16'), '2023-10-18', defaultSettings)).toEqual({
      rule: 'genomforandeplan',
      occurrence: '1',
      due: '2023-11-15',
      openedOn: '2023-10-18',
      owner: 'anordnare',
      escalation: ['kvl'],
      section: '2023 §6.3.1',
    });
  });

  it('2023 §6.3.1 (reading): "inom en månad" as one calendar month: beslut 2023-01-31 → 2023-02-28', () => {
    const oneMonth = settingsWith((settings) => {
      settings.deadlines.genomforandeplan['2023'] = { count: 1, unit: 'months' };
    });
    expect(genomforandeplanDeadline(insats('JPG', '2023-01-31'), '2023-02-01', oneMonth).due).toBe('2023-02-28');
    expect(genomforandeplanDeadline(insats('JPG', '2023-01-31'), '2023-02-01', defaultSettings).due).toBe('2023-03-02');
  });

  it('2024 §3: beslut 2024-03-20 → 2024-04-03; (reading) counted from bemanning as a setting', () => {
    expect(genomforandeplanDeadline(insats('AMI1', '2024-03-20'), '2024-03-25', defaultSettings)).toMatchObject({
      due: '2024-04-03',
      section: '2024 §3',
    });
    const fromBemanning = settingsWith((settings) => {
      settings.deadlines.genomforandeplan.start2024 = 'bemanning';
    });
    expect(genomforandeplanDeadline(insats('AMI1', '2024-03-20'), '2024-03-25', fromBemanning).due).toBe('2024-04-08');
  });
});

describe('plangranskning: 5 working days after each submission (2023 §6.3.1)', () => {
  it('2023 §6.3.1: submitted Monday 2025-04-14 → 2025-04-23 (långfredag and annandag påsk skipped)', () => {
    expect(plangranskningDeadline('2025-04-14', defaultSettings)).toMatchObject({
      rule: 'plangranskning',
      occurrence: '2025-04-14',
      due: '2025-04-23',
      owner: 'kvl',
      escalation: ['arbetsledare'],
    });
  });

  it('2023 §6.3.1: each submission opens its own review; a resubmission on 2025-12-19 → 2026-01-02', () => {
    expect(plangranskningDeadline('2025-12-19', defaultSettings, 'inlamning-2')).toMatchObject({
      occurrence: 'inlamning-2',
      due: '2026-01-02',
    });
  });
});

describe('reviderad-plan: meeting + 14 days unless waived; at least every 3 (JPG) / 6 (FJP, SAI) months (2023 §6.5)', () => {
  it('2023 §6.5: a meeting on 2023-12-20 → 2024-01-03', () => {
    expect(revideradPlanDeadline('2023-12-20', { waived: false }, defaultSettings)).toMatchObject({
      rule: 'reviderad-plan',
      occurrence: 'mote-2023-12-20',
      due: '2024-01-03',
      owner: 'anordnare',
      escalation: ['kvl'],
    });
  });

  it('2023 §6.5: the kvl waives the revised plan at the meeting → no deadline', () => {
    expect(revideradPlanDeadline('2023-12-20', { waived: true }, defaultSettings)).toBeUndefined();
  });

  it('2023 §6.5: JPG last plan 2023-11-30 → 2024-02-29; SAI 2023-08-31 → 2024-02-29; none for AMI', () => {
    expect(revideradPlanSenastDeadline(insats('JPG', '2023-10-01'), '2023-11-30', defaultSettings)).toMatchObject({
      occurrence: 'senast-2023-11-30',
      due: '2024-02-29',
    });
    expect(revideradPlanSenastDeadline(insats('SAI', '2023-08-01'), '2023-08-31', defaultSettings)?.due).toBe('2024-02-29');
    expect(revideradPlanSenastDeadline(insats('AMI2', '2024-03-20'), '2024-04-01', defaultSettings)).toBeUndefined();
  });
});
