// The aktualisering's check names the field each problem is about, so the API can put it in
// `invalidParams`: the same problems, in the same order, as the `problems` the simulator prints.
import { describe, expect, it } from 'vitest';
import { checkAktualisering, defaultSettings, kundSchema } from '../../domain';

const kund = kundSchema.parse({ alder: 30, ekonomisktBistand: true });

describe('checkAktualisering issues', () => {
  it('names beslutsdatum, slutdatum, aktualiseringsdatum and the progress field of each date problem', () => {
    const check = checkAktualisering(
      { insatstyp: 'FJP', beslutsdatum: '1978-03-17', aktualiseringsdatum: '2026-01-10', slutdatum: '1977-01-01', kund, progress: { planGodkandOn: '2026-02-01' } },
      '2026-01-05',
      defaultSettings,
    );
    expect(check.issues.map((issue) => issue.message)).toEqual(check.problems);
    expect(check.issues.map((issue) => issue.field)).toEqual([
      'beslutsdatum', // before the earliest rulebook
      'beslutsdatum', // more than 5 years before the aktualiseringsdatum
      'aktualiseringsdatum', // in the future
      'slutdatum', // before beslutsdatum
      'progress.planGodkandOn', // after the aktualiseringsdatum
      'progress.bemannadOn', // needed with planGodkandOn
    ]);
  });

  it('names the kund fact of an eligibility condition, and no field for a kund outside every målgrupp', () => {
    const check = checkAktualisering(
      { insatstyp: 'AMI1', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', kund: kundSchema.parse({ alder: 70, ekonomisktBistand: true, arbetsformaga: 40, afProgram: true }) },
      '2025-12-23',
      defaultSettings,
    );
    expect(check.issues.map((issue) => issue.message)).toEqual(check.problems);
    expect(check.issues.map((issue) => issue.field)).toEqual([undefined, 'kund.arbetsformaga', 'kund.afProgram']);
  });

  it('has no issue for an aktualisering the rules accept', () => {
    const check = checkAktualisering({ insatstyp: 'AMI2', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', kund }, '2025-12-23', defaultSettings);
    expect(check).toMatchObject({ problems: [], issues: [] });
  });
});
