import { describe, expect, it } from 'vitest';
import {
  arbetsplatsDeadline,
  defaultSettings,
  fortsattStodDeadline,
  omprovningDeadline,
  slutrapportDeadline,
  upptrappningDeadlines,
  missedUpptrappningStep,
} from '../../domain';
import { insats, settingsWith } from './fixtures';

describe('arbetsplats per insatstyp, from beslutsdatum', () => {
  it('2023 §2.1.1, §5.2.2 JPG: praktik within 1 month only when the uppdrag says praktik is needed: 2023-01-31 → 2023-02-28', () => {
    expect(arbetsplatsDeadline(insats('JPG', '2023-01-31', { praktikBehov: true }), defaultSettings)).toEqual({
      rule: 'arbetsplats',
      occurrence: '1',
      due: '2023-02-28',
      openedOn: '2023-01-31',
      owner: 'anordnare',
      escalation: ['kvl'],
      section: '2023 §2.1.1, §5.2.2',
    });
    expect(arbetsplatsDeadline(insats('JPG', '2023-01-31'), defaultSettings)).toBeUndefined();
  });

  it('2023 §5.2.3 FJP: arbetsträningsplats within 3 months: 2023-10-16 → 2024-01-16', () => {
    expect(arbetsplatsDeadline(insats('FJP', '2023-10-16'), defaultSettings)?.due).toBe('2024-01-16');
  });

  it('2023 §5.2.4 SAI: språkträningsplats within 2 months: 2023-12-31 → 2024-02-29', () => {
    expect(arbetsplatsDeadline(insats('SAI', '2023-12-31'), defaultSettings)?.due).toBe('2024-02-29');
  });

  it('2024 §8.3 AMI2: (reading) within 4 weeks: 2024-03-20 → 2024-04-17; one month as a setting → 2024-04-20', () => {
    expect(arbetsplatsDeadline(insats('AMI2', '2024-03-20'), defaultSettings)).toMatchObject({ due: '2024-04-17', section: '2024 §8.3' });
    const oneMonth = settingsWith((settings) => {
      settings.deadlines.arbetsplats.AMI2 = { count: 1, unit: 'months' };
    });
    expect(arbetsplatsDeadline(insats('AMI2', '2024-03-20'), oneMonth)?.due).toBe('2024-04-20');
  });

  it('2024 §7.3 AMI1: (reading) no deadline by default; when configured, only with praktikBehov', () => {
    expect(arbetsplatsDeadline(insats('AMI1', '2024-03-20', { praktikBehov: true }), defaultSettings)).toBeUndefined();
    const configured = settingsWith((settings) => {
      settings.deadlines.arbetsplats.AMI1 = { count: 1, unit: 'months' };
    });
    expect(arbetsplatsDeadline(insats('AMI1', '2024-03-20', { praktikBehov: true }), configured)?.due).toBe('2024-04-20');
    expect(arbetsplatsDeadline(insats('AMI1', '2024-03-20'), configured)).toBeUndefined();
  });
});

describe('slutrapport: the slutdatum, or avslut + 14 days after an earlier avslut (2023 §6.6; 2024 §9.2)', () => {
  it('2024 §9.2 AMI2 running to its slutdatum: beslut 2024-02-15 → due 2025-02-14', () => {
    expect(slutrapportDeadline(insats('AMI2', '2024-02-15'), defaultSettings)).toEqual({
      rule: 'slutrapport',
      occurrence: 'slutdatum',
      due: '2025-02-14',
      openedOn: '2024-02-15',
      owner: 'anordnare',
      escalation: ['kvl'],
      section: '2023 §6.6; 2024 §9.2',
    });
  });

  it('2023 §6.6 (reading): an avslut before the slutdatum on 2024-06-20 → 2024-07-04', () => {
    expect(slutrapportDeadline(insats('AMI2', '2024-02-15'), defaultSettings, '2024-06-20')).toMatchObject({
      occurrence: 'avslut',
      openedOn: '2024-06-20',
      due: '2024-07-04',
    });
  });

  it('2023 §6.6: an avslut on the slutdatum itself leaves the due date at the slutdatum', () => {
    expect(slutrapportDeadline(insats('AMI1', '2024-03-20'), defaultSettings, '2024-06-17')).toMatchObject({
      occurrence: 'slutdatum',
      due: '2024-06-17',
    });
  });

  it('2023 §6.6: an insats without an end date has its slutrapport only after an avslut: FJP avslut 2024-03-01 → 2024-03-15', () => {
    expect(slutrapportDeadline(insats('FJP', '2023-10-16'), defaultSettings)).toBeUndefined();
    expect(slutrapportDeadline(insats('FJP', '2023-10-16'), defaultSettings, '2024-03-01')).toMatchObject({
      due: '2024-03-15',
      section: '2023 §6.6',
    });
  });
});

describe('omprovning: beslutsdatum + 12 months, FJP and SAI (2023 §7)', () => {
  it('2023 §7: FJP beslut 2023-02-28 → 2024-02-28; SAI 2023-10-16 → 2024-10-16; none for JPG and AMI', () => {
    expect(omprovningDeadline(insats('FJP', '2023-02-28'), defaultSettings)).toMatchObject({
      rule: 'omprovning',
      due: '2024-02-28',
      owner: 'kvl',
      escalation: ['arbetsledare'],
    });
    expect(omprovningDeadline(insats('SAI', '2023-10-16'), defaultSettings)?.due).toBe('2024-10-16');
    expect(omprovningDeadline(insats('JPG', '2023-10-16'), defaultSettings)).toBeUndefined();
    expect(omprovningDeadline(insats('AMI2', '2024-02-15'), defaultSettings)).toBeUndefined();
  });
});

describe('upptrappning: each planned step of a part-time ramp-up', () => {
  it('2023 §2.3.1 SAI workplace towards 50 %: one deadline per step date', () => {
    const steps = [
      { date: '2023-11-01', omfattning: 25 },
      { date: '2023-12-01', omfattning: 50 },
    ];
    expect(upptrappningDeadlines(insats('SAI', '2023-09-15'), steps, '2023-09-20')).toMatchObject([
      { rule: 'upptrappning', occurrence: '2023-11-01', due: '2023-11-01', owner: 'anordnare', escalation: ['kvl'], section: '2023 §2.3.1, §3.2' },
      { occurrence: '2023-12-01', due: '2023-12-01' },
    ]);
  });

  it('2024 §8.1 AMI2 ramp to full time; a missed step goes in the månadsrapport, while 2023 §3.2 books a meeting', () => {
    const steps = [{ date: '2024-06-01', omfattning: 75 }];
    expect(upptrappningDeadlines(insats('AMI2', '2024-03-20'), steps, '2024-03-25')[0]?.section).toBe('2024 §8.1');
    expect(missedUpptrappningStep(insats('AMI2', '2024-03-20'))).toBe('rapportera-i-manadsrapport');
    expect(missedUpptrappningStep(insats('FJP', '2023-10-16'))).toBe('extra-trepart');
  });

  it('2024 §7.1 AMI1 plans full time from the start: no steps', () => {
    expect(upptrappningDeadlines(insats('AMI1', '2024-03-20'), [{ date: '2024-04-01', omfattning: 50 }], '2024-03-25')).toEqual([]);
  });
});

describe('fortsatt-stod: FJP continued support, at most 3 months after the job or study start (2023 §2.2.2)', () => {
  it('2023 §2.2.2: a job starting 2023-11-30 → 2024-02-29, owned by the kvl with no escalation', () => {
    expect(fortsattStodDeadline(insats('FJP', '2023-06-01'), '2023-11-30', defaultSettings)).toMatchObject({
      rule: 'fortsatt-stod',
      due: '2024-02-29',
      owner: 'kvl',
      escalation: [],
    });
    expect(fortsattStodDeadline(insats('JPG', '2023-06-01'), '2023-11-30', defaultSettings)).toBeUndefined();
  });
});
