import { describe, expect, it } from 'vitest';
import { checkEligibility, defaultSettings, kundSchema, type Insatstyp, type KundInput, type LocalDate } from '../../domain';
import { settingsWith } from './fixtures';

const BESLUT_2023: LocalDate = '2023-10-16';
const BESLUT_2024: LocalDate = '2024-03-20';

function check(kund: KundInput, insatstyp: Insatstyp, settings = defaultSettings) {
  const beslutsdatum = insatstyp === 'AMI1' || insatstyp === 'AMI2' ? BESLUT_2024 : BESLUT_2023;
  return checkEligibility({ kund: kundSchema.parse(kund), insatstyp, beslutsdatum }, settings);
}

const failed = (result: ReturnType<typeof check>) => result.failures.map((failure) => [failure.condition, failure.section]);

describe('kund facts schema', () => {
  it('accepts the scenario format { id, alder, ekonomisktBistand, arbetsformaga } and fills the defaults', () => {
    expect(kundSchema.parse({ id: 'kund-1', alder: 30, ekonomisktBistand: true, arbetsformaga: 50 })).toEqual({
      id: 'kund-1',
      alder: 30,
      ekonomisktBistand: true,
      arbetsformaga: 50,
      arbetshinder: false,
      svenskaHinder: false,
      etableringsprogram: false,
      afProgram: false,
      kaa: false,
      utanforArbeteOchStudier: true,
      nackabo: true,
    });
  });

  it('rejects a personnummer as id, unknown fields, a missing age and an arbetsförmåga over 100 %', () => {
    expect(kundSchema.safeParse({ id: '19900101-1234', alder: 30, ekonomisktBistand: true }).success).toBe(false);
    expect(kundSchema.safeParse({ alder: 30, ekonomisktBistand: true, namn: 'Anna' }).success).toBe(false);
    expect(kundSchema.safeParse({ ekonomisktBistand: true }).success).toBe(false);
    expect(kundSchema.safeParse({ alder: 30, ekonomisktBistand: true, arbetsformaga: 120 }).success).toBe(false);
  });
});

describe('2023 §2.1 Jobbpeng grund: 18–24, or ekonomiskt bistånd 18–67; no stated arbetshinder; full arbetsförmåga', () => {
  it('a young adult of 22 without ekonomiskt bistånd and a kund of 67 with it are eligible', () => {
    expect(check({ alder: 22, ekonomisktBistand: false }, 'JPG')).toMatchObject({ eligible: true, rulebook: '2023', failures: [] });
    expect(check({ alder: 67, ekonomisktBistand: true }, 'JPG').eligible).toBe(true);
  });

  it('a kund of 68 with ekonomiskt bistånd, or of 30 without it, is in no target group (2023 §2.1)', () => {
    expect(failed(check({ alder: 68, ekonomisktBistand: true }, 'JPG'))).toEqual([['malgrupp', '2023 §2.1']]);
    expect(failed(check({ alder: 30, ekonomisktBistand: false }, 'JPG'))).toEqual([['malgrupp', '2023 §2.1']]);
  });

  it('returns every failed condition with its section, never throws', () => {
    const result = check({ alder: 30, ekonomisktBistand: false, arbetshinder: true, arbetsformaga: 50, afProgram: true }, 'JPG');
    expect(result.eligible).toBe(false);
    expect(failed(result)).toEqual([
      ['malgrupp', '2023 §2.1'],
      ['arbetshinder', '2023 §2.1'],
      ['arbetsformaga', '2023 §2.1'],
      ['af-program', '2023 §7.4'],
    ]);
    expect(result.failures.every((failure) => failure.message.length > 0)).toBe(true);
  });
});

describe('2023 §2.2 Förstärkt Jobbpeng: 18–24, ekonomiskt bistånd 18–67, or weak Swedish outside the etableringsprogram', () => {
  it('a kund of 40 with Swedish as a barrier, outside the etableringsprogram, is eligible without ekonomiskt bistånd', () => {
    expect(check({ alder: 40, ekonomisktBistand: false, svenskaHinder: true }, 'FJP').eligible).toBe(true);
  });

  it('the same kund in the etableringsprogram is not (2023 §2.2)', () => {
    expect(failed(check({ alder: 40, ekonomisktBistand: false, svenskaHinder: true, etableringsprogram: true }, 'FJP'))).toEqual([
      ['malgrupp', '2023 §2.2'],
    ]);
  });

  it('arbetshinder does not bar FJP; reduced arbetsförmåga neither', () => {
    expect(check({ alder: 50, ekonomisktBistand: true, arbetshinder: true, arbetsformaga: 25 }, 'FJP').eligible).toBe(true);
  });
});

describe('2023 §2.3, §1.1 Språk- och arbetsintroduktion: Swedish judged a barrier, 18–67, etableringsprogram included', () => {
  it('a kund with Swedish as a barrier is eligible, in the etableringsprogram too; without it, not', () => {
    expect(check({ alder: 40, ekonomisktBistand: false, svenskaHinder: true }, 'SAI').eligible).toBe(true);
    expect(check({ alder: 40, ekonomisktBistand: false, svenskaHinder: true, etableringsprogram: true }, 'SAI').eligible).toBe(true);
    expect(failed(check({ alder: 40, ekonomisktBistand: true }, 'SAI'))).toEqual([['malgrupp', '2023 §2.3, §1.1']]);
  });

  it('(reading) §1.1 says 67 and §3.5 says 65 for self-supporting kunder: 67 by default, 65 as a setting', () => {
    const at65 = settingsWith((settings) => {
      settings.eligibility.svenskaHinderMaxAlder2023 = 65;
    });
    const selfSupporting = { alder: 66, ekonomisktBistand: false, svenskaHinder: true };
    expect(check(selfSupporting, 'SAI').eligible).toBe(true);
    expect(failed(check(selfSupporting, 'SAI', at65))).toEqual([['malgrupp', '2023 §2.3, §1.1']]);
    // §3.5 keeps 18–67 for the etableringsprogram, and ekonomiskt bistånd is 18–67 in §1.1.
    expect(check({ ...selfSupporting, etableringsprogram: true }, 'SAI', at65).eligible).toBe(true);
    expect(check({ ...selfSupporting, ekonomisktBistand: true }, 'SAI', at65).eligible).toBe(true);
    expect(failed(check({ ...selfSupporting, alder: 68, ekonomisktBistand: true }, 'SAI'))).toEqual([['malgrupp', '2023 §2.3, §1.1']]);
  });
});

describe('2024 §1.3 target groups, AMI1 (§7) and AMI2 (§8)', () => {
  it('the scenario kund (30, ekonomiskt bistånd, arbetsförmåga 50 %) may get AMI2 but not AMI1', () => {
    const kund = { id: 'kund-1', alder: 30, ekonomisktBistand: true, arbetsformaga: 50 };
    expect(check(kund, 'AMI2')).toMatchObject({ eligible: true, rulebook: '2024' });
    expect(failed(check(kund, 'AMI1'))).toEqual([['arbetsformaga', '2024 §1.3, §7.1']]);
  });

  it('2024 §8: AMI2 needs at least 25 % arbetsförmåga', () => {
    expect(check({ alder: 30, ekonomisktBistand: true, arbetsformaga: 25 }, 'AMI2').eligible).toBe(true);
    expect(failed(check({ alder: 30, ekonomisktBistand: true, arbetsformaga: 20 }, 'AMI2'))).toEqual([['arbetsformaga', '2024 §1.3, §8']]);
  });

  it('2024 §7: AMI1 needs no stated arbetshinder', () => {
    expect(failed(check({ alder: 30, ekonomisktBistand: true, arbetshinder: true }, 'AMI1'))).toEqual([['arbetshinder', '2024 §7']]);
  });

  it('2024 §1.3: ekonomiskt bistånd only to 66 and for Nackabor; KAA youth 18–20; young adults 18–24 outside work and studies; Swedish as a barrier after etableringstiden', () => {
    expect(failed(check({ alder: 67, ekonomisktBistand: true }, 'AMI1'))).toEqual([['malgrupp', '2024 §1.3']]);
    expect(check({ alder: 66, ekonomisktBistand: true }, 'AMI1').eligible).toBe(true);
    expect(check({ alder: 40, ekonomisktBistand: true, nackabo: false }, 'AMI1').eligible).toBe(false);
    expect(check({ alder: 19, ekonomisktBistand: false, kaa: true, utanforArbeteOchStudier: false }, 'AMI1').eligible).toBe(true);
    expect(check({ alder: 23, ekonomisktBistand: false }, 'AMI1').eligible).toBe(true);
    expect(check({ alder: 23, ekonomisktBistand: false, utanforArbeteOchStudier: false }, 'AMI1').eligible).toBe(false);
    expect(check({ alder: 45, ekonomisktBistand: false, svenskaHinder: true }, 'AMI2').eligible).toBe(true);
    expect(check({ alder: 45, ekonomisktBistand: false, svenskaHinder: true, etableringsprogram: true }, 'AMI2').eligible).toBe(false);
  });

  it('2023 §7.4 (inherited): a kund enrolled in an AF programme with AF compensation may not be granted AMI', () => {
    expect(failed(check({ alder: 22, ekonomisktBistand: false, afProgram: true }, 'AMI1'))).toEqual([
      ['af-program', '2023 §7.4 (inherited); 2024 §1.3.3'],
    ]);
  });

  it('an insatstyp outside the rulebook in force on the beslutsdatum fails with its section', () => {
    const kund = kundSchema.parse({ alder: 22, ekonomisktBistand: false });
    const jpgIn2024 = checkEligibility({ kund, insatstyp: 'JPG', beslutsdatum: '2024-02-01' }, defaultSettings);
    expect(jpgIn2024.failures[0]).toMatchObject({ condition: 'insatstyp', section: '2024 §1.1' });
    const ami1In2023 = checkEligibility({ kund, insatstyp: 'AMI1', beslutsdatum: '2023-12-31' }, defaultSettings);
    expect(ami1In2023.failures[0]).toMatchObject({ condition: 'insatstyp', section: '2023 §2' });
  });
});
