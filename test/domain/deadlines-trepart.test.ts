import { describe, expect, it } from 'vitest';
import { defaultSettings, extraTrepartDeadline, nextTrepartDeadline, trepartDeadlines } from '../../domain';
import { insats, settingsWith } from './fixtures';

const dues = (deadlines: { occurrence: string; due: string }[]) => deadlines.map(({ occurrence, due }) => [occurrence, due]);

describe('trepart per insatstyp', () => {
  it('2024 §7.2 AMI1: one meeting after 45 days, (reading) by beslutsdatum + 45: 2024-03-20 → 2024-05-04', () => {
    expect(trepartDeadlines(insats('AMI1', '2024-03-20'), defaultSettings)).toEqual([
      {
        rule: 'trepart',
        occurrence: 'halvtid',
        due: '2024-05-04',
        openedOn: '2024-03-20',
        owner: 'anordnare',
        escalation: ['kvl'],
        section: '2024 §7.2',
      },
    ]);
  });

  it('2024 §8.2 AMI2: insats months 3, 6, 9 and 12, by the last day of each; beslut 2024-01-31', () => {
    expect(dues(trepartDeadlines(insats('AMI2', '2024-01-31'), defaultSettings))).toEqual([
      ['manad-3', '2024-04-29'],
      ['manad-6', '2024-07-30'],
      ['manad-9', '2024-10-30'],
      ['manad-12', '2025-01-30'],
    ]);
  });

  it('2024 §8.2 AMI2 (reading): the same date N months after beslut, as a setting', () => {
    const sameDate = settingsWith((settings) => {
      settings.deadlines.trepart.ami2Due = 'months-after-beslut';
    });
    expect(dues(trepartDeadlines(insats('AMI2', '2024-01-31'), sameDate))).toEqual([
      ['manad-3', '2024-04-30'],
      ['manad-6', '2024-07-31'],
      ['manad-9', '2024-10-31'],
      ['manad-12', '2025-01-31'],
    ]);
  });

  it('2023 §6.5 JPG: within 3 months of beslut (2023-11-30 → 2024-02-29), then 3 months from the last meeting held', () => {
    const jpg = insats('JPG', '2023-11-30');
    expect(dues(trepartDeadlines(jpg, defaultSettings))).toEqual([['fran-beslut', '2024-02-29']]);
    expect(nextTrepartDeadline(jpg, '2024-02-20', defaultSettings)).toMatchObject({ occurrence: 'efter-2024-02-20', due: '2024-05-20' });
  });

  it('2023 §2.2 FJP: uppstartsmöte within 3 months (2023-10-16 → 2024-01-16); §6.5 then every 6 months from the meeting', () => {
    const fjp = insats('FJP', '2023-10-16');
    expect(trepartDeadlines(fjp, defaultSettings)).toMatchObject([{ occurrence: 'uppstartsmote', due: '2024-01-16', section: '2023 §2.2' }]);
    expect(nextTrepartDeadline(fjp, '2024-01-10', defaultSettings)).toMatchObject({ due: '2024-07-10', section: '2023 §6.5' });
  });

  it('2023 §6.5 SAI: within 6 months (2023-08-31 → 2024-02-29), then every 6 months from the meeting', () => {
    const sai = insats('SAI', '2023-08-31');
    expect(dues(trepartDeadlines(sai, defaultSettings))).toEqual([['fran-beslut', '2024-02-29']]);
    expect(nextTrepartDeadline(sai, '2024-02-29', defaultSettings)?.due).toBe('2024-08-29');
  });

  it('2024 §7.2, §8.2: AMI meetings keep their fixed schedule after a meeting', () => {
    expect(nextTrepartDeadline(insats('AMI2', '2024-01-31'), '2024-04-20', defaultSettings)).toBeUndefined();
  });
});

describe('extra trepart: declined work, repeated sickness, a missed 2023 ramp-up step', () => {
  it('2023 §3.4: the kund declines work on 2025-04-16 → (reading) 10 working days, 2025-05-05, across Easter and första maj', () => {
    expect(extraTrepartDeadline(insats('FJP', '2023-10-16'), 'avbojt-arbete', '2025-04-16', defaultSettings)).toMatchObject({
      rule: 'trepart',
      occurrence: 'avbojt-arbete-2025-04-16',
      due: '2025-05-05',
      section: '2023 §3.4',
    });
  });

  it('2024 §3.2.1 declined placement and 2023 §3.6.1 repeated sickness open one for AMI too', () => {
    expect(extraTrepartDeadline(insats('AMI2', '2024-03-20'), 'avbojt-arbete', '2024-05-02', defaultSettings)?.section).toBe('2024 §3.2.1');
    expect(extraTrepartDeadline(insats('AMI1', '2024-03-20'), 'upprepad-sjukfranvaro', '2024-05-02', defaultSettings)?.section).toBe('2023 §3.6.1');
  });

  it('2023 §3.2 a missed ramp-up step books a meeting; 2024 §8.1 leaves it to the kvl (no deadline)', () => {
    expect(extraTrepartDeadline(insats('SAI', '2023-08-31'), 'missat-upptrappningssteg', '2023-12-01', defaultSettings)?.section).toBe(
      '2023 §3.2, §2.3.1',
    );
    expect(extraTrepartDeadline(insats('AMI2', '2024-03-20'), 'missat-upptrappningssteg', '2024-06-01', defaultSettings)).toBeUndefined();
  });
});
