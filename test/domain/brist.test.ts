import { describe, expect, it } from 'vitest';
import { bristDecision, defaultSettings, planeradFranvaro, sjukskrivningToKvl, type ReportDeadline } from '../../domain';
import { settingsWith } from './fixtures';

const report = (due: string, metOn?: string, rule: ReportDeadline['rule'] = 'manadsrapport'): ReportDeadline => ({
  rule,
  occurrence: due.slice(0, 7),
  due,
  ...(metOn ? { metOn } : {}),
});

describe('brist: 2023 §7.6 brister hos anordnare', () => {
  it('2023 §7.6: a report more than one month late raises a brist notice', () => {
    const decision = bristDecision({ reports: [report('2023-11-07', '2023-12-10')], asOf: '2023-12-10' }, defaultSettings);
    expect(decision).toMatchObject({ action: 'brist-notice', section: '2023 §7.6', grounds: [{ due: '2023-11-07' }] });
  });

  it('2023 §7.6: a report still open more than a month after its due date counts too', () => {
    expect(bristDecision({ reports: [report('2024-03-07')], asOf: '2024-04-10' }, defaultSettings).action).toBe('brist-notice');
    expect(bristDecision({ reports: [report('2024-03-07')], asOf: '2024-04-07' }, defaultSettings).action).toBe('none');
  });

  it('2023 §7.6 (reading): two late reports within six months raise a notice; one does not', () => {
    const two = [report('2023-11-07', '2023-11-09'), report('2024-01-07', '2024-01-08')];
    expect(bristDecision({ reports: two, asOf: '2024-01-10' }, defaultSettings).action).toBe('brist-notice');
    expect(bristDecision({ reports: two.slice(1), asOf: '2024-01-10' }, defaultSettings).action).toBe('none');
  });

  it('2023 §7.6 (reading): late reports more than six months apart are not repeated delays', () => {
    const apart = [report('2023-05-07', '2023-05-09'), report('2024-01-07', '2024-01-08')];
    expect(bristDecision({ reports: apart, asOf: '2024-01-10' }, defaultSettings).action).toBe('none');
  });

  it('2023 §7.6: any report with a deadline counts (a late slutrapport and genomförandeplan); the kvl\'s reviews do not', () => {
    const mixed = [report('2023-11-15', '2023-11-20', 'genomforandeplan'), report('2023-12-01', '2023-12-02', 'slutrapport')];
    expect(bristDecision({ reports: mixed, asOf: '2023-12-05' }, defaultSettings).action).toBe('brist-notice');
    const reviews = [report('2023-11-12', '2023-11-20', 'manadsrapport-granskning'), report('2023-12-12', '2023-12-20', 'plangranskning')];
    expect(bristDecision({ reports: reviews, asOf: '2023-12-21' }, defaultSettings).action).toBe('none');
  });

  it('2023 §7.6: another late report after the notice escalates the brist to the arbetsledare; a report on time does not', () => {
    const before = [report('2023-11-07', '2023-12-10')];
    expect(
      bristDecision({ reports: [...before, report('2024-02-07', '2024-02-08')], asOf: '2024-02-08', noticeRaisedOn: '2023-12-11' }, defaultSettings),
    ).toMatchObject({ action: 'brist-escalation', grounds: [{ due: '2024-02-07' }] });
    expect(
      bristDecision({ reports: [...before, report('2024-02-07', '2024-02-06')], asOf: '2024-02-08', noticeRaisedOn: '2023-12-11' }, defaultSettings).action,
    ).toBe('none');
  });

  it('the thresholds are settings: three late reports within six months', () => {
    const three = settingsWith((settings) => {
      settings.brist.repeatedCount = 3;
    });
    const two = [report('2023-11-07', '2023-11-09'), report('2024-01-07', '2024-01-08')];
    expect(bristDecision({ reports: two, asOf: '2024-01-10' }, three).action).toBe('none');
  });
});

describe('absence that ends or questions an insats', () => {
  it('2023 §3.5: a kund without ekonomiskt bistånd may take 14 days of leave; more ends the insats', () => {
    expect(planeradFranvaro({ ekonomisktBistand: false, days: 14 }, defaultSettings)).toBe('franvaro');
    expect(planeradFranvaro({ ekonomisktBistand: false, days: 15 }, defaultSettings)).toBe('avslut');
    expect(planeradFranvaro({ ekonomisktBistand: true, days: 5 }, defaultSettings)).toBe('kvl-bedomning');
  });

  it('2023 §7.5: sick leave over two weeks is told to the kvl', () => {
    expect(sjukskrivningToKvl(14, defaultSettings)).toBe(false);
    expect(sjukskrivningToKvl(15, defaultSettings)).toBe(true);
  });
});
