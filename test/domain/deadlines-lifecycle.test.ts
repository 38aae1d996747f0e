import { describe, expect, it } from 'vitest';
import {
  bonusDeadline,
  defaultSettings,
  deadlinesOnAktualisering,
  deadlinesOnBemanning,
  keptOnAvslut,
  manadsrapportDeadline,
  planAvslut,
  RULE_IDS,
  RULE_OWNERS,
  rulesFor,
  snabbhetspremieUppfoljningDeadlines,
  slutrapportDeadline,
  trepartDeadlines,
} from '../../domain';
import { insats, settingsWith } from './fixtures';

const keys = (deadlines: { rule: string; occurrence: string; due: string }[]) => deadlines.map(({ rule, occurrence, due }) => `${rule}/${occurrence}/${due}`);

describe('owners and escalation chains (RULEBOOK.md, Deadlines)', () => {
  it('every rule id has its owner and chain as in the table', () => {
    expect(Object.keys(RULE_OWNERS).sort()).toEqual([...RULE_IDS].sort());
    const table = Object.fromEntries(RULE_IDS.map((rule) => [rule, [RULE_OWNERS[rule].owner, ...RULE_OWNERS[rule].escalation].join(' → ')]));
    expect(table).toEqual({
      bemanning: 'anordnare → kvl → kundkoordinator',
      uppdrag: 'kvl → arbetsledare',
      genomforandeplan: 'anordnare → kvl',
      plangranskning: 'kvl → arbetsledare',
      manadsrapport: 'anordnare → kvl',
      'manadsrapport-granskning': 'kvl → arbetsledare',
      'manadsrapport-godkand': 'kvl',
      trepart: 'anordnare → kvl',
      'reviderad-plan': 'anordnare → kvl',
      arbetsplats: 'anordnare → kvl',
      slutrapport: 'anordnare → kvl',
      omprovning: 'kvl → arbetsledare',
      tillaggscheck: 'kvl → arbetsledare',
      lakarintyg: 'anordnare → kvl',
      'vab-intyg': 'anordnare → kvl',
      'sfi-niva': 'anordnare → kvl',
      upptrappning: 'anordnare → kvl',
      'fortsatt-stod': 'kvl',
      bonus: 'anordnare',
      'snabbhetspremie-uppfoljning': 'anordnare → kvl',
    });
  });
});

describe('which rules bind which insatstyp and rulebook', () => {
  it('2023 JPG: the process rules, arbetsplats only with praktikBehov (§2.1.1), no omprövning, SFI or fortsatt stöd', () => {
    const common = ['bemanning', 'uppdrag', 'genomforandeplan', 'plangranskning', 'manadsrapport', 'manadsrapport-granskning', 'manadsrapport-godkand', 'trepart', 'reviderad-plan'];
    const tail = ['slutrapport', 'tillaggscheck', 'lakarintyg', 'vab-intyg'];
    expect(rulesFor(insats('JPG', '2023-10-16'), defaultSettings)).toEqual([...common, ...tail, 'upptrappning', 'bonus']);
    expect(rulesFor(insats('JPG', '2023-10-16', { praktikBehov: true }), defaultSettings)).toEqual([...common, 'arbetsplats', ...tail, 'upptrappning', 'bonus']);
  });

  it('2023 §7, §2.2.2, §2.3.2: FJP adds omprövning and fortsatt stöd; SAI adds omprövning and sfi-niva', () => {
    const fjp = rulesFor(insats('FJP', '2023-10-16'), defaultSettings);
    const sai = rulesFor(insats('SAI', '2023-10-16'), defaultSettings);
    expect(fjp).toEqual(expect.arrayContaining(['arbetsplats', 'omprovning', 'fortsatt-stod']));
    expect(fjp).not.toContain('sfi-niva');
    expect(sai).toEqual(expect.arrayContaining(['arbetsplats', 'omprovning', 'sfi-niva']));
    expect(sai).not.toContain('fortsatt-stod');
    expect([...fjp, ...sai]).not.toContain('snabbhetspremie-uppfoljning');
  });

  it('2024 AMI1 and AMI2: their own rules plus the inherited 2023 process rules (reading, a setting)', () => {
    expect(rulesFor(insats('AMI1', '2024-03-20'), defaultSettings)).toEqual([
      'bemanning',
      'uppdrag',
      'genomforandeplan',
      'plangranskning',
      'manadsrapport',
      'manadsrapport-granskning',
      'manadsrapport-godkand',
      'trepart',
      'slutrapport',
      'lakarintyg',
      'vab-intyg',
      'bonus',
      'snabbhetspremie-uppfoljning',
    ]);
    expect(rulesFor(insats('AMI2', '2024-03-20'), defaultSettings)).toEqual(
      expect.arrayContaining(['arbetsplats', 'upptrappning', 'snabbhetspremie-uppfoljning']),
    );
    const withRevisedPlans = settingsWith((settings) => {
      settings.inheritedIn2024.push('reviderad-plan');
    });
    expect(rulesFor(insats('AMI2', '2024-03-20'), withRevisedPlans)).toContain('reviderad-plan');
  });
});

describe('the deadlines an insats opens at aktualisering and bemanning', () => {
  it('2024 AMI2 aktualiserad 2024-02-20: bemanning, trepart months 3–12, arbetsplats, slutrapport', () => {
    expect(keys(deadlinesOnAktualisering(insats('AMI2', '2024-02-15'), '2024-02-20', defaultSettings))).toEqual([
      'bemanning/1/2024-02-21',
      'trepart/manad-3/2024-05-14',
      'trepart/manad-6/2024-08-14',
      'trepart/manad-9/2024-11-14',
      'trepart/manad-12/2025-02-14',
      'arbetsplats/1/2024-03-14',
      'slutrapport/slutdatum/2025-02-14',
    ]);
  });

  it('2023 FJP aktualiserad 2023-10-18: bemanning, uppstartsmöte, arbetsplats, omprövning; no slutrapport without an end date', () => {
    expect(keys(deadlinesOnAktualisering(insats('FJP', '2023-10-16'), '2023-10-18', defaultSettings))).toEqual([
      'bemanning/1/2023-10-19',
      'trepart/uppstartsmote/2024-01-16',
      'arbetsplats/1/2024-01-16',
      'omprovning/1/2024-10-16',
    ]);
  });

  it('2023 §6.2.1, §6.3.1: bemanning on 2023-10-19 opens the uppdrag and the first plan', () => {
    expect(keys(deadlinesOnBemanning(insats('FJP', '2023-10-16'), '2023-10-19', defaultSettings))).toEqual([
      'uppdrag/1/2023-10-23',
      'genomforandeplan/1/2023-11-15',
    ]);
  });
});

describe('bonus and snabbhetspremie-uppfoljning deadlines', () => {
  it('2023 §9.2: bonus claim at avslut + 6 months: 2023-08-31 → 2024-02-29, no escalation', () => {
    expect(bonusDeadline(insats('FJP', '2023-01-10'), '2023-08-31', defaultSettings)).toEqual({
      rule: 'bonus',
      occurrence: '1',
      due: '2024-02-29',
      openedOn: '2023-08-31',
      owner: 'anordnare',
      escalation: [],
      section: '2023 §9.2',
    });
  });

  it('2024 §10.1: follow-up on the 7th of each month after an early bonus-grounding avslut, through the slutdatum month', () => {
    expect(keys(snabbhetspremieUppfoljningDeadlines(insats('AMI2', '2024-02-15'), '2024-11-20', defaultSettings))).toEqual([
      'snabbhetspremie-uppfoljning/2024-12/2025-01-07',
      'snabbhetspremie-uppfoljning/2025-01/2025-02-07',
      'snabbhetspremie-uppfoljning/2025-02/2025-03-07',
    ]);
    expect(keys(snabbhetspremieUppfoljningDeadlines(insats('AMI1', '2024-03-20'), '2024-04-10', defaultSettings))).toEqual([
      'snabbhetspremie-uppfoljning/2024-05/2024-06-07',
      'snabbhetspremie-uppfoljning/2024-06/2024-07-07',
    ]);
  });

  it('2024 §10.1: none in 2023, nor for an avslut on the slutdatum', () => {
    expect(snabbhetspremieUppfoljningDeadlines(insats('FJP', '2023-01-10'), '2023-03-01', defaultSettings)).toEqual([]);
    expect(snabbhetspremieUppfoljningDeadlines(insats('AMI1', '2024-03-20'), '2024-06-17', defaultSettings)).toEqual([]);
  });
});

describe('avslut stops every running deadline except slutrapport, bonus, snabbhetspremie and the reports of active months', () => {
  const ami2 = insats('AMI2', '2024-02-15');
  const open = [
    manadsrapportDeadline('2024-05', defaultSettings),
    ...trepartDeadlines(ami2, defaultSettings),
    slutrapportDeadline(ami2, defaultSettings)!,
  ];

  it('2023 §6.4: a report month up to the avslut month is kept, a later one is cancelled', () => {
    expect(keptOnAvslut(manadsrapportDeadline('2024-06', defaultSettings), '2024-06-20')).toBe(true);
    expect(keptOnAvslut(manadsrapportDeadline('2024-07', defaultSettings), '2024-06-20')).toBe(false);
    expect(keptOnAvslut(trepartDeadlines(ami2, defaultSettings)[0]!, '2024-06-20')).toBe(false);
  });

  it('2024 §9, §10.1: a bonus-grounding avslut on 2024-06-20 keeps May\'s report, supersedes the slutrapport, opens the claim and the follow-ups', () => {
    const plan = planAvslut({ insats: ami2, avslutsdatum: '2024-06-20', bonusgrundande: true, open }, defaultSettings);
    expect(keys(plan.keep)).toEqual(['manadsrapport/2024-05/2024-06-07']);
    expect(keys(plan.cancel)).toEqual([
      'trepart/manad-3/2024-05-14',
      'trepart/manad-6/2024-08-14',
      'trepart/manad-9/2024-11-14',
      'trepart/manad-12/2025-02-14',
      'slutrapport/slutdatum/2025-02-14',
    ]);
    expect(keys(plan.open).slice(0, 4)).toEqual([
      'slutrapport/avslut/2024-07-04',
      'manadsrapport/2024-06/2024-07-07',
      'bonus/1/2024-12-20',
      'snabbhetspremie-uppfoljning/2024-07/2024-08-07',
    ]);
    expect(plan.open.filter((deadline) => deadline.rule === 'snabbhetspremie-uppfoljning')).toHaveLength(8);
  });

  it('2023 §7: an avslut for avbrott opens only the slutrapport and the avslut month\'s report', () => {
    const plan = planAvslut({ insats: ami2, avslutsdatum: '2024-06-20', bonusgrundande: false, open }, defaultSettings);
    expect(keys(plan.open)).toEqual(['slutrapport/avslut/2024-07-04', 'manadsrapport/2024-06/2024-07-07']);
  });
});
