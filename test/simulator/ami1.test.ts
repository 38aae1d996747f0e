// AMI1, Vägledning, arbetsmarknadsaktiviteter och matchning (2024 §7), through the real insats
// workflow on the time-skipping server: the happy path, every AMI1 deadline missed and escalated
// (over Christmas, and when the insatstid runs out), and the month amount left unconfigured.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioRun } from '../../simulator/run-scenario';
import { entries, expectEscalated, inlineScenario, none, one, scenarioFile, useSimulator, type Missed } from './simulator';

const simulator = useSimulator();
/** An example AMI1 month amount: the real one is in the authorisation terms (2024), not the rulebook. */
const config = { payments: { monthAmounts: { AMI1: 9000 } } };

describe('AMI1 happy path (scenarios/ami1-happy-path.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('ami1-happy-path.yaml'));
  });

  it('opens bemanning, the trepart at day 45 and the slutrapport on the slutdatum 90 days on; no workplace deadline (2024 §7.2, §7.3, §9.2)', () => {
    const opened = entries(run.timeline, { kind: 'deadline-set', at: '2025-03-03T09:00:00+01:00' }).map(({ rule, due }) => [rule, due]);
    expect(opened).toEqual([
      ['bemanning', '2025-03-04'],
      ['trepart', '2025-04-17'],
      ['slutrapport', '2025-05-31'],
    ]);
    none(run.timeline, { rule: 'arbetsplats' });
  });

  it('meets the genomförandeplan within 14 days of beslut (2024 §3)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'genomforandeplan', due: '2025-03-17', at: '2025-03-04T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'genomforandeplan', due: '2025-03-17' });
  });

  it('holds the follow-up trepart at halftime, day 45 (2024 §7.2)', () => {
    expect(entries(run.timeline, { rule: 'trepart' }).map(({ at, kind }) => [at.slice(0, 16), kind])).toEqual([
      ['2025-03-03T09:00', 'deadline-set'],
      ['2025-04-14T08:00', 'reminder'],
      ['2025-04-15T10:00', 'deadline-met'],
    ]);
  });

  it('moves the slutrapport from the slutdatum to 14 days after an avslut to arbete (2024 §9.2)', () => {
    one(run.timeline, { kind: 'insats-ended', reason: 'arbete', at: '2025-04-22T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-cancelled', rule: 'slutrapport', due: '2025-05-31', at: '2025-04-22T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-set', rule: 'slutrapport', due: '2025-05-06', at: '2025-04-22T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'slutrapport', due: '2025-05-06' });
  });

  it('pays the months with the configured amount, and May as snabbhetspremie after the follow-up (2023 §9.1, 2024 §10.1)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'snabbhetspremie-uppfoljning', due: '2025-06-07', at: '2025-06-01T00:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'snabbhetspremie-uppfoljning', due: '2025-06-07' });
    // March from the 3rd: 29 days; April until the avslut on the 22nd: 22 days; May in full.
    expect(entries(run.timeline, { kind: 'payment' }).map(({ month, amount }) => [month, amount])).toEqual([
      ['2025-03', 8700],
      ['2025-04', 6600],
      ['2025-05', 9000],
    ]);
    expect(one(run.timeline, { kind: 'payment', month: '2025-05' }).reason).toMatch(/^snabbhetspremie/);
  });

  it('pays the 20 000 kr resultatbonus for a goal reached within the insatstid (2024 §10.2)', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'bonus', due: '2025-10-22' });
    expect(one(run.timeline, { kind: 'bonus' })).toMatchObject({ amount: 20000, at: '2025-10-24T10:00:00+02:00', reason: expect.stringContaining('2024 §10.2') });
    expect(run.timeline.filter((entry) => ['deadline-missed', 'escalation', 'event-rejected', 'brist'].includes(entry.kind))).toEqual([]);
    expect(run.warnings).toEqual([]);
  });
});

describe('AMI1: every deadline missed is escalated at 08:00 on the next working day, over Christmas (RULEBOOK.md, Reminders and escalations)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(
      inlineScenario({
        insats: { id: 'T-AMI1-SEN', typ: 'AMI1', beslutsdatum: '2025-12-09', kund: { id: 'k-ami1-sen', alder: 30, ekonomisktBistand: true } },
        config,
        start: '2025-12-09T09:00',
        events: [
          { at: '2025-12-19T10:00', type: 'bemannad' },
          { at: '2025-12-30T10:00', type: 'uppdrag-inlagt' },
          { at: '2026-01-02T10:00', type: 'plan-inlamnad' },
          { at: '2026-01-09T10:00', type: 'manadsrapport-klar', month: '2025-12' },
          { at: '2026-01-14T10:00', type: 'plan-godkand' },
          { at: '2026-01-19T10:00', type: 'manadsrapport-godkand', month: '2025-12' },
          { at: '2026-01-27T10:00', type: 'trepart-hallet', revideradPlanKravs: false },
          { at: '2026-02-02T09:00', type: 'sjukanmalan' },
          { at: '2026-02-04T09:00', type: 'vab-anmalan' },
          { at: '2026-02-04T10:00', type: 'manadsrapport-klar', month: '2026-01' },
          { at: '2026-02-10T10:00', type: 'manadsrapport-godkand', month: '2026-01' },
          { at: '2026-02-18T10:00', type: 'lakarintyg-inlamnat' },
          { at: '2026-02-20T10:00', type: 'vab-intyg-inlamnat' },
          { at: '2026-02-20T11:00', type: 'friskanmalan' },
          { at: '2026-03-04T10:00', type: 'manadsrapport-klar', month: '2026-02' },
          { at: '2026-03-10T10:00', type: 'manadsrapport-godkand', month: '2026-02' },
          { at: '2026-03-11T10:00', type: 'slutrapport-inlamnad' },
        ],
        until: '2026-03-12',
      }),
    );
  });

  const missed: (Missed & { name: string })[] = [
    { name: 'bemanning, the next working day, to the kvl (2023 §6.2.1, inherited)', rule: 'bemanning', due: '2025-12-10', escalatedAt: '2025-12-11T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'uppdrag, due the day before julafton, to the arbetsledare on Monday 29 December (2023 §6.2.1, inherited)', rule: 'uppdrag', due: '2025-12-23', escalatedAt: '2025-12-29T08:00:00+01:00', to: 'arbetsledare' },
    { name: 'genomforandeplan, beslut + 14 days on the day before julafton, to the kvl on Monday 29 December (2024 §3)', rule: 'genomforandeplan', due: '2025-12-23', escalatedAt: '2025-12-29T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'manadsrapport, the 7th after Trettondedag jul, to the kvl (2023 §6.4, inherited)', rule: 'manadsrapport', due: '2026-01-07', escalatedAt: '2026-01-08T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'plangranskning, five working days past Trettondedag jul, to the arbetsledare (2023 §6.3.1, inherited)', rule: 'plangranskning', due: '2026-01-12', escalatedAt: '2026-01-13T08:00:00+01:00', to: 'arbetsledare' },
    { name: 'manadsrapport-granskning, the 12th, to the arbetsledare (2023 §6.4, inherited)', rule: 'manadsrapport-granskning', due: '2026-01-12', escalatedAt: '2026-01-13T08:00:00+01:00', to: 'arbetsledare' },
    { name: 'trepart, day 45, to the kvl (2024 §7.2)', rule: 'trepart', due: '2026-01-23', escalatedAt: '2026-01-26T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'lakarintyg, sick start + 14 days, to the kvl (2023 §3.6.1, inherited)', rule: 'lakarintyg', due: '2026-02-16', escalatedAt: '2026-02-17T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'vab-intyg, VAB start + 14 days, to the kvl (2023 §3.6.2, inherited)', rule: 'vab-intyg', due: '2026-02-18', escalatedAt: '2026-02-19T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'slutrapport, on the slutdatum (a Sunday) when the insatstid runs out, to the kvl (2024 §9.2)', rule: 'slutrapport', due: '2026-03-08', escalatedAt: '2026-03-09T08:00:00+01:00', to: 'kvl:k1' },
  ];
  for (const { name, ...deadline } of missed) {
    it(name, () => expectEscalated(run.timeline, deadline));
  }

  it('tells the anordnare it is late, escalates bemanning to the kvl, and a week later to the kundkoordinator (2023 §6.2.1)', () => {
    expect(entries(run.timeline, { kind: 'escalation', rule: 'bemanning' }).map(({ at, to }) => [at, to])).toEqual([
      ['2025-12-11T08:00:00+01:00', ['anordnare:a1']],
      ['2025-12-11T08:00:00+01:00', ['kvl:k1']],
      ['2025-12-18T08:00:00+01:00', ['kundkoordinator']],
    ]);
  });

  it('ends the insats when the 90-day insatstid runs out (2024 §7, §9.2)', () => {
    one(run.timeline, { kind: 'insats-ended', reason: 'insatstiden slut 2026-03-08', at: '2026-03-09T00:00:00+01:00' });
  });
});

describe('AMI1: after an avslut to arbete, a late slutrapport and a late snabbhetspremie follow-up are escalated (2024 §9.2, §10.1)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(
      inlineScenario({
        insats: { id: 'T-AMI1-SP', typ: 'AMI1', beslutsdatum: '2025-10-01', kund: { id: 'k-ami1-sp', alder: 40, ekonomisktBistand: true } },
        config,
        start: '2025-10-01T09:00',
        events: [
          { at: '2025-10-02T10:00', type: 'bemannad' },
          { at: '2025-10-03T10:00', type: 'uppdrag-inlagt' },
          { at: '2025-10-08T10:00', type: 'plan-inlamnad' },
          { at: '2025-10-10T10:00', type: 'plan-godkand' },
          { at: '2025-10-20T10:00', type: 'avslut', orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 }, ekonomisktBistand: false },
          { at: '2025-11-05T10:00', type: 'slutrapport-inlamnad' },
          { at: '2025-11-05T11:00', type: 'manadsrapport-klar', month: '2025-10' },
          { at: '2025-11-10T10:00', type: 'manadsrapport-godkand', month: '2025-10' },
          { at: '2025-12-09T10:00', type: 'snabbhetspremie-uppfoljning', month: '2025-11', fortsatt: true },
          { at: '2026-01-05T10:00', type: 'snabbhetspremie-uppfoljning', month: '2025-12', fortsatt: true },
        ],
        until: '2026-01-09',
      }),
    );
  });

  it('slutrapport, avslut + 14 days, to the kvl (2024 §9.2)', () => {
    expectEscalated(run.timeline, { rule: 'slutrapport', due: '2025-11-03', escalatedAt: '2025-11-04T08:00:00+01:00', to: 'kvl:k1' });
  });

  it('snabbhetspremie-uppfoljning, due Sunday the 7th, to the kvl on Monday (2024 §10.1)', () => {
    expectEscalated(run.timeline, { rule: 'snabbhetspremie-uppfoljning', due: '2025-12-07', escalatedAt: '2025-12-08T08:00:00+01:00', to: 'kvl:k1' });
  });

  it('cancels the day-45 trepart at the avslut and pays the remaining months up to the slutdatum (2024 §10.1)', () => {
    one(run.timeline, { kind: 'deadline-cancelled', rule: 'trepart', due: '2025-11-15', at: '2025-10-20T10:00:00+02:00' });
    // October until the avslut on the 20th; November in full; December up to the slutdatum, the 29th.
    expect(entries(run.timeline, { kind: 'payment' }).map(({ month, amount }) => [month, amount])).toEqual([
      ['2025-10', 6000],
      ['2025-11', 9000],
      ['2025-12', 8700],
    ]);
  });
});

describe('AMI1 without a configured month amount (scenarios/ami1-utan-manadsbelopp.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('ami1-utan-manadsbelopp.yaml'));
  });

  it('records the payment with amount null, naming the setting, and warns (2024: the amount is in the authorisation terms)', () => {
    const payment = one(run.timeline, { kind: 'payment', month: '2025-09' });
    expect(payment.amount).toBeNull();
    expect(payment.reason).toContain('settings.payments.monthAmounts.AMI1');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain('settings.payments.monthAmounts.AMI1');
  });
});
