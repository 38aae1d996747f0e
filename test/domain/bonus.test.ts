import { describe, expect, it } from 'vitest';
import {
  assessBonusClaim,
  assessBonusgrundande,
  avslutSchema,
  bonusBelopp,
  defaultSettings,
  monthPayments,
  snabbhetspremie,
  type Avslut,
  type Rulebook,
} from '../../domain';
import { insats, settingsWith } from './fixtures';

const avslut = (value: unknown): Avslut => avslutSchema.parse(value);
const arbete = (form: string, omfattning: number, extra: object = {}) => avslut({ orsak: 'arbete', anstallning: { form, omfattning, ...extra } });
const studier = (form: string, omfattning: number, extra: object = {}) => avslut({ orsak: 'studier', studier: { form, omfattning }, ...extra });

function failures(rulebook: Rulebook, value: Avslut, arbetsformaga?: number) {
  const result = assessBonusgrundande({ rulebook, avslut: value, ...(arbetsformaga === undefined ? {} : { arbetsformaga }) });
  return result.failures.map((failure) => `${failure.code} ${failure.section}`);
}

describe('avslut schema', () => {
  it('accepts { orsak, anstallning?: { form, omfattning }, studier?: { form, omfattning }, hushallsstod? }', () => {
    expect(avslutSchema.parse({ orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 }, hushallsstod: false })).toEqual({
      orsak: 'arbete',
      anstallning: { form: 'tillsvidare', omfattning: 100 },
      hushallsstod: false,
    });
    expect(avslutSchema.parse({ orsak: 'planerad-franvaro' })).toEqual({ orsak: 'planerad-franvaro' });
  });

  it('rejects an unknown orsak, an avslut to arbete without anstallning, and a scope over 100 %', () => {
    expect(avslutSchema.safeParse({ orsak: 'pension' }).success).toBe(false);
    expect(avslutSchema.safeParse({ orsak: 'arbete' }).error?.issues[0]?.path).toEqual(['anstallning']);
    expect(avslutSchema.safeParse({ orsak: 'studier', studier: { form: 'csn', omfattning: 120 } }).success).toBe(false);
  });
});

describe('bonus-grounding avslut, 2023 (§7.1, §9.2)', () => {
  it('2023 §9.2: an open-ended job at full time grounds a bonus, to be proven after 6 months', () => {
    const result = assessBonusgrundande({ rulebook: '2023', avslut: arbete('tillsvidare', 100) });
    expect(result).toMatchObject({ bonusgrundande: true, failures: [] });
    expect(result.villkor.map((villkor) => villkor.code)).toEqual(['anstallningsintyg', 'hallbarhet', 'rapporter']);
  });

  it('2023 §9.2: a fixed-term contract needs at least 6 months; an hourly contract full time', () => {
    expect(failures('2023', arbete('visstid', 100, { manader: 6 }))).toEqual([]);
    expect(failures('2023', arbete('visstid', 100, { manader: 3 }))).toEqual(['avtal-6-manader 2023 §9.2']);
    expect(failures('2023', arbete('visstid', 100))).toEqual(['avtal-6-manader 2023 §9.2']);
    expect(failures('2023', arbete('timanstallning', 100))).toEqual([]);
    expect(failures('2023', arbete('timanstallning', 75, { manader: 12 }))).toEqual(['timanstallning-heltid 2023 §9.2', 'omfattning 2023 §9.2.1']);
  });

  it('2023 §9.2: nystartsjobb and instegsjobb count', () => {
    expect(failures('2023', arbete('nystartsjobb', 100, { manader: 12 }))).toEqual([]);
    expect(failures('2023', arbete('instegsjobb', 100))).toEqual([]);
  });

  it('2023 §9.2.1: a temporary job (vikariat) counts once 6 months are proven', () => {
    const result = assessBonusgrundande({ rulebook: '2023', avslut: arbete('vikariat', 100) });
    expect(result.bonusgrundande).toBe(true);
    expect(result.villkor[0]).toMatchObject({ code: 'tillfallig-anstallning', section: '2023 §9.2.1' });
  });

  it('2023 §9.2.1: part time counts only when it makes the household self-sufficient, or with reduced arbetsförmåga', () => {
    expect(failures('2023', arbete('tillsvidare', 50))).toEqual(['omfattning 2023 §9.2.1']);
    expect(failures('2023', avslut({ orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 50 }, hushallsstod: true }))).toEqual([]);
    expect(failures('2023', avslut({ orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 60 }, ekonomisktBistand: false }))).toEqual([]);
    expect(failures('2023', avslut({ orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 50 }, ekonomisktBistand: true }), 50)).toEqual([]);
    expect(failures('2023', avslut({ orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 }, ekonomisktBistand: true }))).toEqual([
      'ekonomiskt-bistand 2023 §9.2.1',
    ]);
  });

  it('2023 §9.2.2: CSN studies with a self-sufficient household; studiestartsstöd at full time even with ekonomiskt bistånd', () => {
    expect(failures('2023', studier('csn', 100))).toEqual([]);
    expect(failures('2023', studier('csn', 100, { ekonomisktBistand: true }))).toEqual(['ekonomiskt-bistand 2023 §9.2.2']);
    expect(failures('2023', studier('studiestartsstod', 100, { ekonomisktBistand: true }))).toEqual([]);
    expect(failures('2023', studier('ovrigt', 100))).toEqual(['studiemedel 2023 §9.2']);
  });

  it('2023 §9.2.2: the bidrag part of studiemedel alone suffices only for a kund without ekonomiskt bistånd', () => {
    const bidrag = studier('csn-bidrag', 100);
    expect(assessBonusgrundande({ rulebook: '2023', avslut: bidrag, kundEkonomisktBistand: false }).bonusgrundande).toBe(true);
    expect(assessBonusgrundande({ rulebook: '2023', avslut: bidrag, kundEkonomisktBistand: true }).failures.map((failure) => failure.code)).toEqual([
      'studiemedel-bidrag',
    ]);
    expect(failures('2023', bidrag)).toEqual(['studiemedel-bidrag 2023 §9.2.2']);
  });

  it('2023 §9.2.2: studiestartsstöd below full time needs an individual assessment', () => {
    expect(assessBonusgrundande({ rulebook: '2023', avslut: studier('studiestartsstod', 50) })).toMatchObject({
      bonusgrundande: false,
      individuellBedomning: true,
      failures: [],
    });
  });

  it('2023 §9.2: temporary benefits never count; other reasons are not bonus-grounding', () => {
    expect(failures('2023', avslut({ orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 }, tillfalligErsattning: 'a-kassa' }))).toEqual([
      'tillfallig-ersattning 2023 §9.2',
    ]);
    expect(failures('2023', avslut({ orsak: 'avbrott' }))).toEqual(['orsak 2023 §9.2']);
    expect(failures('2023', avslut({ orsak: 'eget-foretag' }))).toEqual(['orsak 2023 §9.2']);
  });
});

describe('bonus-grounding avslut, 2024 (§9)', () => {
  it('2024 §9.2.1, §9.2.2: full time, or at least half time also with household support; less is not', () => {
    expect(failures('2024', arbete('tillsvidare', 100))).toEqual([]);
    expect(failures('2024', arbete('tillsvidare', 50))).toEqual([]);
    expect(failures('2024', arbete('tillsvidare', 40))).toEqual(['omfattning 2024 §9.2.2']);
    expect(failures('2024', arbete('timanstallning', 100))).toEqual([]);
    expect(failures('2024', arbete('timanstallning', 60))).toEqual(['timanstallning-heltid 2024 §9']);
  });

  it('2024 §9: nystartsjobb, introduktionsjobb and OSA count; no ekonomiskt bistånd, no temporary benefits', () => {
    expect(failures('2024', arbete('nystartsjobb', 100))).toEqual([]);
    expect(failures('2024', arbete('introduktionsjobb', 100, { manader: 12 }))).toEqual([]);
    expect(failures('2024', arbete('osa', 75))).toEqual([]);
    expect(failures('2024', avslut({ orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 }, ekonomisktBistand: true }))).toEqual([
      'ekonomiskt-bistand 2024 §9',
    ]);
    expect(failures('2024', avslut({ orsak: 'studier', studier: { form: 'csn', omfattning: 100 }, tillfalligErsattning: 'aktivitetsstod' }))).toEqual([
      'tillfallig-ersattning 2024 §9',
    ]);
  });

  it('2024 §9.3: CSN studies full time; half time only with household support; below half time never', () => {
    expect(failures('2024', studier('csn', 100))).toEqual([]);
    expect(failures('2024', studier('csn', 50))).toEqual(['hushallsstod 2024 §9.3.4']);
    expect(failures('2024', studier('csn', 50, { hushallsstod: true }))).toEqual([]);
    expect(failures('2024', studier('csn', 25, { hushallsstod: true }))).toEqual(['studiemedel 2024 §9.3.1']);
    expect(failures('2024', studier('csn', 100, { ekonomisktBistand: true }))).toEqual(['ekonomiskt-bistand 2024 §9.3.6']);
  });

  it('2024 §9.3.3: studiestartsstöd at full time counts even with ekonomiskt bistånd; below full time it does not', () => {
    expect(failures('2024', studier('studiestartsstod', 100, { ekonomisktBistand: true }))).toEqual([]);
    expect(failures('2024', studier('studiestartsstod', 75))).toEqual(['studiestartsstod-heltid 2024 §9.3.3']);
  });
});

describe('the bonus claim after six months (2023 §9.2; 2024 §9)', () => {
  const claim = (rulebook: Rulebook, value: Avslut, hallbarhet: { provenThrough: string; ekonomisktBistand?: boolean; avbrott?: boolean }) =>
    assessBonusClaim(
      { rulebook, avslut: value, avslutsdatum: '2023-08-31', hallbarhet: { ekonomisktBistand: false, avbrott: false, ...hallbarhet } },
      defaultSettings,
    );

  it('2023 §9.2: 6 consecutive months after an avslut on 2023-08-31 are proven through 2024-02-29, not 2024-02-28', () => {
    expect(claim('2023', arbete('tillsvidare', 100), { provenThrough: '2024-02-29' }).bonusgrundande).toBe(true);
    expect(claim('2023', arbete('tillsvidare', 100), { provenThrough: '2024-02-28' }).failures.map((failure) => failure.code)).toEqual(['hallbarhet']);
  });

  it('2024 §9: a break in the job, or ekonomiskt bistånd during the six months, fails the claim', () => {
    expect(claim('2024', arbete('tillsvidare', 100), { provenThrough: '2024-03-01', avbrott: true }).failures.map((failure) => failure.code)).toEqual([
      'avbrott',
    ]);
    expect(claim('2024', arbete('tillsvidare', 100), { provenThrough: '2024-03-01', ekonomisktBistand: true }).bonusgrundande).toBe(false);
    expect(claim('2024', studier('studiestartsstod', 100), { provenThrough: '2024-03-01', ekonomisktBistand: true }).bonusgrundande).toBe(true);
  });
});

describe('bonus amounts', () => {
  it('2023 §9.2: 18 000 kr', () => {
    expect(bonusBelopp({ insats: insats('FJP', '2023-01-10'), avslutsdatum: '2023-08-31' }, defaultSettings)).toMatchObject({
      amount: 1_800_000,
      section: '2023 §9.2',
    });
  });

  it('2024 §10.2 AMI1: 20 000 kr for an avslut within the insatstid (beslut 2024-03-20, slutdatum 2024-06-17)', () => {
    const ami1 = insats('AMI1', '2024-03-20');
    expect(bonusBelopp({ insats: ami1, avslutsdatum: '2024-06-16' }, defaultSettings)).toMatchObject({ amount: 2_000_000, percent: 100 });
    expect(bonusBelopp({ insats: ami1, avslutsdatum: '2024-06-17' }, defaultSettings)).toMatchObject({ amount: 0, percent: 0 });
  });

  it('2024 §10.2 AMI2: 20 000 / 10 000 / 5 000 kr by the insats month of the avslut; beslut 2024-01-31', () => {
    const ami2 = insats('AMI2', '2024-01-31');
    const at = (avslutsdatum: string) => {
      const belopp = bonusBelopp({ insats: ami2, avslutsdatum }, defaultSettings);
      return [belopp.insatsMonth, belopp.amount / 100];
    };
    expect(at('2024-02-28')).toEqual([1, 20_000]);
    expect(at('2024-07-30')).toEqual([6, 20_000]);
    expect(at('2024-07-31')).toEqual([7, 10_000]);
    expect(at('2024-11-29')).toEqual([10, 10_000]);
    expect(at('2024-11-30')).toEqual([11, 5_000]);
    expect(at('2025-01-29')).toEqual([12, 5_000]);
    // Only for an avslut before the granted end date (2025-01-30).
    expect(at('2025-01-30')).toEqual([12, 0]);
  });

  it('2024 §10.2: the amounts are settings', () => {
    const larger = settingsWith((settings) => {
      settings.bonus.resultatbonus = 24_000;
    });
    expect(bonusBelopp({ insats: insats('AMI2', '2024-01-31'), avslutsdatum: '2024-08-15' }, larger).amount).toBe(1_200_000);
  });
});

describe('snabbhetspremie (2024 §10.1): the month payment continues after an early bonus-grounding avslut', () => {
  it('2024 §10.1 AMI2 beslut 2024-02-15, avslut 2024-06-20 in insats month 5: 7 insats months left, paid through 2025-02-14', () => {
    expect(snabbhetspremie({ insats: insats('AMI2', '2024-02-15'), avslutsdatum: '2024-06-20', bonusgrundande: true }, defaultSettings)).toMatchObject({
      eligible: true,
      remainingInsatsMonths: 7,
      paidFrom: '2024-06-21',
      paidThrough: '2025-02-14',
      followUpMonths: ['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02'],
    });
  });

  it('2024 §10.1: it stops when the kund leaves the job: last day 2024-09-10', () => {
    const premie = snabbhetspremie(
      { insats: insats('AMI2', '2024-02-15'), avslutsdatum: '2024-06-20', bonusgrundande: true, lastDayInJobOrStudies: '2024-09-10' },
      defaultSettings,
    );
    expect(premie).toMatchObject({ paidThrough: '2024-09-10', followUpMonths: ['2024-07', '2024-08', '2024-09'] });
    const configured = settingsWith((settings) => {
      settings.payments.monthAmounts.AMI2 = 9_000;
    });
    const paid = monthPayments({ insatstyp: 'AMI2', startdatum: '2024-06-01', lastActiveDay: premie.paidThrough! }, configured);
    expect(paid.ok && paid.value.map((payment) => [payment.month, payment.amount / 100])).toEqual([
      ['2024-06', 9_000],
      ['2024-07', 9_000],
      ['2024-08', 9_000],
      ['2024-09', 3_000],
    ]);
  });

  it('2024 §10.1 AMI1 beslut 2024-03-20, avslut 2024-04-10 in insats month 1: 2 months left', () => {
    expect(snabbhetspremie({ insats: insats('AMI1', '2024-03-20'), avslutsdatum: '2024-04-10', bonusgrundande: true }, defaultSettings)).toMatchObject({
      eligible: true,
      remainingInsatsMonths: 2,
      paidThrough: '2024-06-17',
    });
  });

  it('2024 §10.1: none in 2023, without a bonus-grounding avslut, or for an avslut at the slutdatum', () => {
    expect(snabbhetspremie({ insats: insats('FJP', '2023-01-10'), avslutsdatum: '2023-03-01', bonusgrundande: true }, defaultSettings).eligible).toBe(false);
    expect(snabbhetspremie({ insats: insats('AMI2', '2024-02-15'), avslutsdatum: '2024-06-20', bonusgrundande: false }, defaultSettings).eligible).toBe(false);
    expect(snabbhetspremie({ insats: insats('AMI1', '2024-03-20'), avslutsdatum: '2024-06-17', bonusgrundande: true }, defaultSettings)).toMatchObject({
      eligible: false,
      remainingInsatsMonths: 0,
    });
  });
});
