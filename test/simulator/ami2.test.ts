// AMI2, Arbetsträning, vägledning och arbetsmarknadsaktiviteter (2024 §8), through the real
// insats workflow on the time-skipping server: the twelve-month happy path, every AMI2 deadline
// missed and escalated (around nationaldagen and midsommar), an avslut to arbete in insats
// month 8, and a snabbhetspremie that stops.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioRun } from '../../simulator/run-scenario';
import { entries, expectEscalated, inlineScenario, none, one, reportsInTime, scenarioFile, useSimulator, type Missed } from './simulator';

const simulator = useSimulator();

describe('AMI2 happy path, twelve months (scenarios/ami2-happy-path.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('ami2-happy-path.yaml'));
  });

  it('opens the trepart of insats months 3, 6, 9 and 12, the arbetsträningsplats in four weeks and the slutrapport on the slutdatum (2024 §8.2, §8.3, §9.2)', () => {
    const opened = entries(run.timeline, { kind: 'deadline-set', at: '2025-01-13T09:00:00+01:00' }).map(({ rule, due }) => [rule, due]);
    expect(opened).toEqual([
      ['bemanning', '2025-01-14'],
      ['trepart', '2025-04-12'],
      ['trepart', '2025-07-12'],
      ['trepart', '2025-10-12'],
      ['trepart', '2026-01-12'],
      ['arbetsplats', '2025-02-10'],
      ['slutrapport', '2026-01-12'],
    ]);
  });

  it('meets bemanning, uppdrag, the plan within 14 days of beslut and its review (2023 §6.2.1, 2024 §3, 2023 §6.3.1)', () => {
    for (const [rule, due] of [
      ['bemanning', '2025-01-14'],
      ['uppdrag', '2025-01-16'],
      ['genomforandeplan', '2025-01-27'],
      ['plangranskning', '2025-01-31'],
    ] as const) {
      one(run.timeline, { kind: 'deadline-met', rule, due });
    }
  });

  it('meets the arbetsträningsplats and all four trepart meetings (2024 §8.3, §8.2)', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'arbetsplats', due: '2025-02-10', at: '2025-02-05T10:00:00+01:00' });
    expect(entries(run.timeline, { kind: 'deadline-met', rule: 'trepart' }).map(({ due }) => due)).toEqual(['2025-04-12', '2025-07-12', '2025-10-12', '2026-01-12']);
  });

  it('meets the slutrapport on the slutdatum and ends when the insatstid runs out (2024 §8, §9.2)', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'slutrapport', due: '2026-01-12', at: '2026-01-07T11:00:00+01:00' });
    one(run.timeline, { kind: 'insats-ended', reason: 'insatstiden slut 2026-01-12', at: '2026-01-13T00:00:00+01:00' });
  });

  it('pays thirteen calendar months with the configured amount (2023 §9.1, 2024: amount from the authorisation terms)', () => {
    const payments = entries(run.timeline, { kind: 'payment' }).map(({ month, amount }) => [month, amount]);
    // January 2025 from the 13th: 19 days; January 2026 up to the slutdatum, the 12th: 12 days.
    expect(payments).toEqual([
      ['2025-01', 4433.33],
      ...['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'].map((month) => [month, 7000]),
      ['2026-01', 2800],
    ]);
    expect(run.timeline.filter((entry) => ['deadline-missed', 'escalation', 'event-rejected', 'brist'].includes(entry.kind))).toEqual([]);
  });
});

describe('AMI2: every deadline missed is escalated at 08:00 on the next working day (RULEBOOK.md, Reminders and escalations)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(
      inlineScenario({
        insats: { id: 'T-AMI2-SEN', typ: 'AMI2', beslutsdatum: '2025-05-22', kund: { id: 'k-ami2-sen', alder: 35, ekonomisktBistand: true, arbetsformaga: 50 } },
        config: { payments: { monthAmounts: { AMI2: 7000 } } },
        start: '2025-05-22T09:00',
        events: [
          { at: '2025-06-02T10:00', type: 'bemannad' },
          { at: '2025-06-05T10:00', type: 'uppdrag-inlagt' },
          { at: '2025-06-10T10:00', type: 'plan-inlamnad' },
          { at: '2025-06-10T11:00', type: 'manadsrapport-klar', month: '2025-05' },
          { at: '2025-06-16T10:00', type: 'manadsrapport-godkand', month: '2025-05' },
          { at: '2025-06-18T10:00', type: 'plan-godkand' },
          { at: '2025-06-24T10:00', type: 'arbetsplats-startad', timmarPerVecka: 10, trepartsoverenskommelse: true },
          { at: '2025-07-01T09:00', type: 'sjukanmalan' },
          { at: '2025-07-02T09:00', type: 'vab-anmalan' },
          { at: '2025-07-17T10:00', type: 'lakarintyg-inlamnat' },
          { at: '2025-07-18T10:00', type: 'vab-intyg-inlamnat' },
          { at: '2025-07-18T11:00', type: 'friskanmalan' },
          ...reportsInTime('2025-06', '2025-07'),
          { at: '2025-08-25T10:00', type: 'trepart-hallet', revideradPlanKravs: false },
          { at: '2025-08-27T10:00', type: 'avslut', orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 }, ekonomisktBistand: false },
          { at: '2025-09-04T10:00', type: 'manadsrapport-klar', month: '2025-08' },
          { at: '2025-09-09T10:00', type: 'manadsrapport-godkand', month: '2025-08' },
          { at: '2025-09-12T10:00', type: 'slutrapport-inlamnad' },
          { at: '2025-10-09T10:00', type: 'snabbhetspremie-uppfoljning', month: '2025-09', fortsatt: false },
        ],
        until: '2025-10-15',
      }),
    );
  });

  const missed: (Missed & { name: string })[] = [
    { name: 'bemanning, the next working day, to the kvl (2023 §6.2.1, inherited)', rule: 'bemanning', due: '2025-05-23', escalatedAt: '2025-05-26T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'uppdrag, two working days after bemanning, to the arbetsledare (2023 §6.2.1, inherited)', rule: 'uppdrag', due: '2025-06-04', escalatedAt: '2025-06-05T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'genomforandeplan, beslut + 14 days the day before nationaldagen, to the kvl on Monday (2024 §3)', rule: 'genomforandeplan', due: '2025-06-05', escalatedAt: '2025-06-09T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'manadsrapport, due Saturday the 7th, to the kvl on Monday (2023 §6.4, inherited)', rule: 'manadsrapport', due: '2025-06-07', escalatedAt: '2025-06-09T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'manadsrapport-granskning, the 12th, to the arbetsledare (2023 §6.4, inherited)', rule: 'manadsrapport-granskning', due: '2025-06-12', escalatedAt: '2025-06-13T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'plangranskning, five working days, to the arbetsledare (2023 §6.3.1, inherited)', rule: 'plangranskning', due: '2025-06-17', escalatedAt: '2025-06-18T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'arbetsplats (arbetsträningsplats), four weeks, to the kvl on the Monday after midsommarafton (2024 §8.3)', rule: 'arbetsplats', due: '2025-06-19', escalatedAt: '2025-06-23T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'lakarintyg, sick start + 14 days, to the kvl (2023 §3.6.1, inherited)', rule: 'lakarintyg', due: '2025-07-15', escalatedAt: '2025-07-16T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'vab-intyg, VAB start + 14 days, to the kvl (2023 §3.6.2, inherited)', rule: 'vab-intyg', due: '2025-07-16', escalatedAt: '2025-07-17T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'trepart, end of insats month 3, to the kvl (2024 §8.2)', rule: 'trepart', due: '2025-08-21', escalatedAt: '2025-08-22T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'slutrapport, avslut + 14 days, to the kvl (2024 §9.2)', rule: 'slutrapport', due: '2025-09-10', escalatedAt: '2025-09-11T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'snabbhetspremie-uppfoljning, the 7th, to the kvl (2024 §10.1)', rule: 'snabbhetspremie-uppfoljning', due: '2025-10-07', escalatedAt: '2025-10-08T08:00:00+02:00', to: 'kvl:k1' },
  ];
  for (const { name, ...deadline } of missed) {
    it(name, () => expectEscalated(run.timeline, deadline));
  }

  it('tells the anordnare it is late, escalates bemanning to the kvl, and a week later to the kundkoordinator (2023 §6.2.1)', () => {
    expect(entries(run.timeline, { kind: 'escalation', rule: 'bemanning' }).map(({ at, to }) => [at, to])).toEqual([
      ['2025-05-26T08:00:00+02:00', ['anordnare:a1']],
      ['2025-05-26T08:00:00+02:00', ['kvl:k1']],
      ['2025-06-02T08:00:00+02:00', ['kundkoordinator']],
    ]);
  });
});

describe('AMI2: an avslut to arbete in insats month 8 (scenarios/ami2-avslut-arbete-manad-8.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('ami2-avslut-arbete-manad-8.yaml'));
  });

  it('stops the trepart of months 9 and 12 and moves the slutrapport to 14 days after the avslut (2024 §8.2, §9.2)', () => {
    const at = '2025-04-14T10:00:00+02:00';
    one(run.timeline, { kind: 'insats-ended', reason: 'arbete', at });
    expect(entries(run.timeline, { kind: 'deadline-cancelled', at }).map(({ rule, due }) => [rule, due])).toEqual([
      ['trepart', '2025-06-01'],
      ['trepart', '2025-09-01'],
      ['slutrapport', '2025-09-01'],
    ]);
    one(run.timeline, { kind: 'deadline-set', rule: 'slutrapport', due: '2025-04-28', at });
    one(run.timeline, { kind: 'deadline-met', rule: 'slutrapport', due: '2025-04-28' });
  });

  it('follows the job up each remaining month and keeps paying the month amount: the snabbhetspremie (2024 §10.1)', () => {
    expect(entries(run.timeline, { kind: 'deadline-met', rule: 'snabbhetspremie-uppfoljning' }).map(({ due }) => due)).toEqual([
      '2025-06-07',
      '2025-07-07',
      '2025-08-07',
      '2025-09-07',
      '2025-10-07',
    ]);
    const premie = run.timeline.filter((entry) => entry.kind === 'payment' && entry.reason?.startsWith('snabbhetspremie'));
    // May to August in full; September up to the slutdatum, 1 September: 7 000 / 30.
    expect(premie.map(({ month, amount }) => [month, amount])).toEqual([
      ['2025-05', 7000],
      ['2025-06', 7000],
      ['2025-07', 7000],
      ['2025-08', 7000],
      ['2025-09', 233.33],
    ]);
    // April, the avslut month, is paid for the 14 days up to the avslut once the slutrapport is in.
    expect(one(run.timeline, { kind: 'payment', month: '2025-04' }).amount).toBe(3266.67);
  });

  it('pays a resultatbonus of 10 000 kr, 50 %, for an avslut in insats month 8 (2024 §10.2)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'bonus', due: '2025-10-14', at: '2025-04-14T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'bonus', due: '2025-10-14' });
    expect(one(run.timeline, { kind: 'bonus' })).toMatchObject({
      amount: 10000,
      at: '2025-10-16T10:00:00+02:00',
      reason: 'AMI2: avslut in insats month 8 (2024 §10.2)',
    });
  });
});

describe('AMI2: the snabbhetspremie stops (scenarios/ami2-snabbhetspremie-upphor.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('ami2-snabbhetspremie-upphor.yaml'));
  });

  it('pays the month whose follow-up says fortsatt: true (2024 §10.1)', () => {
    expect(one(run.timeline, { kind: 'payment', month: '2025-04' })).toMatchObject({ amount: 7000, at: '2025-05-06T10:00:00+02:00' });
  });

  it('stops paying and cancels the remaining follow-ups when a follow-up says fortsatt: false (2024 §10.1)', () => {
    const at = '2025-06-04T10:00:00+02:00';
    one(run.timeline, { kind: 'deadline-met', rule: 'snabbhetspremie-uppfoljning', due: '2025-06-07', at });
    // The later follow-ups had not opened yet: they are dropped without a line, and never set.
    expect(entries(run.timeline, { kind: 'deadline-cancelled', rule: 'snabbhetspremie-uppfoljning' })).toEqual([]);
    expect(entries(run.timeline, { kind: 'deadline-set', rule: 'snabbhetspremie-uppfoljning' }).map(({ due }) => due)).toEqual(['2025-05-07', '2025-06-07']);
    none(run.timeline, { kind: 'payment', month: '2025-05' });
    expect(entries(run.timeline, { kind: 'payment' }).map(({ month }) => month)).toEqual(['2025-02', '2025-03', '2025-04']);
  });
});
