import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  intygDeadline,
  intygOpensOn,
  sfiKontaktDeadline,
  sfiNivaDeadline,
  tillaggscheckDeadline,
  TILLAGGSCHECK_BELOPP,
} from '../../domain';

describe('tillaggscheck: a decision within 5 working days of the application (2023 §9.3)', () => {
  it('2023 §9.3: applied Friday 2025-12-19 → 2026-01-02, across Christmas and New Year', () => {
    expect(tillaggscheckDeadline('2025-12-19', defaultSettings)).toEqual({
      rule: 'tillaggscheck',
      occurrence: '2025-12-19',
      due: '2026-01-02',
      openedOn: '2025-12-19',
      owner: 'kvl',
      escalation: ['arbetsledare'],
      section: '2023 §9.3',
    });
    expect(TILLAGGSCHECK_BELOPP).toEqual([5_000, 10_000, 15_000]);
  });
});

describe('lakarintyg and vab-intyg: opened on day 8, due start + 14 days (2023 §3.6.1, §3.6.2)', () => {
  it('2023 §3.6.1: sick from 2025-04-10: opened 2025-04-17 (day 8), due 2025-04-24', () => {
    expect(intygOpensOn('2025-04-10', defaultSettings)).toBe('2025-04-17');
    expect(intygDeadline('lakarintyg', '2025-04-10', defaultSettings)).toEqual({
      rule: 'lakarintyg',
      occurrence: '2025-04-10',
      due: '2025-04-24',
      openedOn: '2025-04-17',
      owner: 'anordnare',
      escalation: ['kvl'],
      section: '2023 §3.6.1',
    });
  });

  it('2023 §3.6.1: a sick period ending on day 7 opens nothing; one lasting into day 8 does', () => {
    expect(intygDeadline('lakarintyg', '2025-04-10', defaultSettings, '2025-04-16')).toBeUndefined();
    expect(intygDeadline('lakarintyg', '2025-04-10', defaultSettings, '2025-04-17')?.due).toBe('2025-04-24');
  });

  it('2023 §3.6.2: care of a sick child from 2025-12-20 → opened 2025-12-27, due 2026-01-03', () => {
    expect(intygDeadline('vab-intyg', '2025-12-20', defaultSettings)).toMatchObject({
      rule: 'vab-intyg',
      openedOn: '2025-12-27',
      due: '2026-01-03',
      section: '2023 §3.6.2',
    });
  });
});

describe('sfi-niva (SAI): contact the school after an sfi-risk signal; each level at most 6 months (2023 §2.3.2)', () => {
  it('2023 §2.3.2.1 (reading) 5 working days: a signal on 2025-06-17 → 2025-06-25, midsommarafton skipped', () => {
    expect(sfiKontaktDeadline('2025-06-17', defaultSettings)).toMatchObject({
      rule: 'sfi-niva',
      occurrence: 'kontakt-2025-06-17',
      due: '2025-06-25',
      owner: 'anordnare',
      escalation: ['kvl'],
    });
  });

  it('2023 §2.3.2: a level started 2023-08-31 is due 2024-02-29', () => {
    expect(sfiNivaDeadline('2023-08-31', defaultSettings)).toMatchObject({ occurrence: 'niva-2023-08-31', due: '2024-02-29' });
  });
});
