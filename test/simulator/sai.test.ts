// SAI, Språk- och arbetsintroduktion (2023 §2.3), through the real insats workflow on the
// time-skipping server: the happy path, every SAI deadline missed and escalated, and sickness.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioRun } from '../../simulator/run-scenario';
import { entries, expectEscalated, inlineScenario, none, one, reportsInTime, scenarioFile, useSimulator, type Missed } from './simulator';

const simulator = useSimulator();

describe('SAI happy path (scenarios/sai-happy-path.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('sai-happy-path.yaml'));
  });

  it('meets the språkträningsplats within two months of beslut (2023 §5.2.4)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'arbetsplats', due: '2023-03-16' });
    one(run.timeline, { kind: 'deadline-met', rule: 'arbetsplats', due: '2023-03-16', at: '2023-02-20T10:00:00+01:00' });
  });

  it('holds a trepart at least every six months, counted from beslut and then from the last meeting (2023 §6.5)', () => {
    expect(entries(run.timeline, { kind: 'deadline-set', rule: 'trepart' }).map(({ due }) => due)).toEqual(['2023-07-16', '2023-12-28', '2024-06-13']);
    one(run.timeline, { kind: 'deadline-met', rule: 'trepart', due: '2023-07-16', at: '2023-06-28T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'trepart', due: '2023-12-28', at: '2023-12-13T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'reviderad-plan', due: '2023-07-12' });
  });

  it('follows each SFI level for at most six months (2023 §2.3.2)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'sfi-niva', due: '2023-07-23', at: '2023-01-23T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'sfi-niva', due: '2023-07-23', at: '2023-06-14T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-set', rule: 'sfi-niva', due: '2023-12-19', at: '2023-06-19T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'sfi-niva', due: '2023-12-19' });
  });

  it('holds the omprövning after one year (2023 §7)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'omprovning', due: '2024-01-16', to: ['kvl:k1'] });
    one(run.timeline, { kind: 'deadline-met', rule: 'omprovning', due: '2024-01-16', at: '2024-01-10T10:00:00+01:00' });
  });

  it('pays every month at the SAI amount: January from the 16th, then whole months through the avslut on 31 January 2024 (2023 §9.1)', () => {
    const payments = entries(run.timeline, { kind: 'payment' }).map(({ month, amount }) => [month, amount]);
    expect(payments[0]).toEqual(['2023-01', 3242.67]);
    expect(payments.slice(1)).toEqual(
      ['2023-02', '2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01'].map((month) => [month, 6080]),
    );
  });

  it('ends with an avslut to arbete, slutrapport in 14 days and the 18 000 kr bonus after six months (2023 §7.1, §6.6, §9.2)', () => {
    one(run.timeline, { kind: 'insats-ended', reason: 'arbete', at: '2024-01-31T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-cancelled', rule: 'trepart', due: '2024-06-13' });
    one(run.timeline, { kind: 'deadline-met', rule: 'slutrapport', due: '2024-02-14' });
    one(run.timeline, { kind: 'deadline-met', rule: 'bonus', due: '2024-07-31' });
    one(run.timeline, { kind: 'bonus', amount: 18000 });
    expect(run.timeline.filter((entry) => ['deadline-missed', 'escalation', 'event-rejected', 'brist'].includes(entry.kind))).toEqual([]);
  });
});

describe('SAI: every deadline missed is escalated at 08:00 on the next working day (RULEBOOK.md, Reminders and escalations)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(
      inlineScenario({
        insats: { id: 'T-SAI-SEN', typ: 'SAI', beslutsdatum: '2023-04-05', kund: { id: 'k-sai-sen', alder: 45, ekonomisktBistand: true, svenskaHinder: true } },
        // Aktualiserad the day before Långfredagen: bemanning is due after Easter.
        start: '2023-04-06T09:00',
        events: [
          { at: '2023-04-12T10:00', type: 'bemannad' },
          { at: '2023-04-17T10:00', type: 'uppdrag-inlagt' },
          { at: '2023-04-17T11:00', type: 'sfi-niva-start', niva: 'C' },
          { at: '2023-05-08T10:00', type: 'plan-inlamnad' },
          { at: '2023-05-08T11:00', type: 'manadsrapport-klar', month: '2023-04' },
          { at: '2023-05-15T10:00', type: 'manadsrapport-godkand', month: '2023-04' },
          { at: '2023-05-16T10:00', type: 'plan-godkand' },
          { at: '2023-06-07T10:00', type: 'arbetsplats-startad', timmarPerVecka: 10, trepartsoverenskommelse: true },
          { at: '2023-10-09T10:00', type: 'trepart-hallet', revideradPlanKravs: true },
          { at: '2023-10-19T10:00', type: 'sfi-niva-klar', niva: 'C' },
          { at: '2023-10-25T10:00', type: 'reviderad-plan-inlamnad' },
          { at: '2023-10-27T10:00', type: 'plan-godkand' },
          { at: '2023-12-18T11:00', type: 'tillaggscheck-ansokan', belopp: 5000 },
          { at: '2023-12-29T10:00', type: 'tillaggscheck-beslut', beviljad: true },
          { at: '2024-01-15T09:00', type: 'sjukanmalan' },
          { at: '2024-01-31T10:00', type: 'lakarintyg-inlamnat' },
          { at: '2024-01-31T11:00', type: 'friskanmalan' },
          { at: '2024-02-12T09:00', type: 'vab-anmalan' },
          { at: '2024-02-28T10:00', type: 'vab-intyg-inlamnat' },
          { at: '2024-02-28T11:00', type: 'friskanmalan' },
          ...reportsInTime('2023-05', '2024-03'),
          { at: '2024-04-09T10:30', type: 'omprovning-gjord' },
          { at: '2024-04-09T11:00', type: 'avslut', orsak: 'avbrott' },
          { at: '2024-04-25T10:00', type: 'slutrapport-inlamnad' },
        ],
        until: '2024-04-26',
      }),
    );
  });

  const missed: (Missed & { name: string })[] = [
    { name: 'bemanning, the first working day after Easter, to the kvl the day after (2023 §6.2.1)', rule: 'bemanning', due: '2023-04-11', escalatedAt: '2023-04-12T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'uppdrag, two working days after bemanning, to the arbetsledare (2023 §6.2.1)', rule: 'uppdrag', due: '2023-04-14', escalatedAt: '2023-04-17T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'genomforandeplan, beslut + 30 days, to the kvl (2023 §6.3.1, §3.3)', rule: 'genomforandeplan', due: '2023-05-05', escalatedAt: '2023-05-08T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'manadsrapport, due Sunday the 7th, to the kvl (2023 §6.4)', rule: 'manadsrapport', due: '2023-05-07', escalatedAt: '2023-05-08T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'manadsrapport-granskning, the 12th, to the arbetsledare (2023 §6.4)', rule: 'manadsrapport-granskning', due: '2023-05-12', escalatedAt: '2023-05-15T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'plangranskning, five working days, to the arbetsledare (2023 §6.3.1)', rule: 'plangranskning', due: '2023-05-15', escalatedAt: '2023-05-16T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'arbetsplats (språkträningsplats), beslut + 2 months, to the kvl after nationaldagen (2023 §5.2.4)', rule: 'arbetsplats', due: '2023-06-05', escalatedAt: '2023-06-07T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'trepart, beslut + 6 months, to the kvl (2023 §6.5)', rule: 'trepart', due: '2023-10-05', escalatedAt: '2023-10-06T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'sfi-niva, level start + 6 months, to the kvl (2023 §2.3.2)', rule: 'sfi-niva', due: '2023-10-17', escalatedAt: '2023-10-18T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'reviderad-plan, meeting + 14 days, to the kvl (2023 §6.5)', rule: 'reviderad-plan', due: '2023-10-23', escalatedAt: '2023-10-24T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'tillaggscheck, five working days over Christmas, to the arbetsledare (2023 §9.3)', rule: 'tillaggscheck', due: '2023-12-27', escalatedAt: '2023-12-28T08:00:00+01:00', to: 'arbetsledare' },
    { name: 'lakarintyg, sick start + 14 days, to the kvl (2023 §3.6.1)', rule: 'lakarintyg', due: '2024-01-29', escalatedAt: '2024-01-30T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'vab-intyg, VAB start + 14 days, to the kvl (2023 §3.6.2)', rule: 'vab-intyg', due: '2024-02-26', escalatedAt: '2024-02-27T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'omprovning, beslut + 12 months, to the arbetsledare (2023 §7)', rule: 'omprovning', due: '2024-04-05', escalatedAt: '2024-04-08T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'slutrapport, avslut + 14 days, to the kvl (2023 §6.6)', rule: 'slutrapport', due: '2024-04-23', escalatedAt: '2024-04-24T08:00:00+02:00', to: 'kvl:k1' },
  ];
  for (const { name, ...deadline } of missed) {
    it(name, () => expectEscalated(run.timeline, deadline));
  }

  it('ends for avbrott: the trepart due that day is cancelled, not missed (2023 §7.5)', () => {
    one(run.timeline, { kind: 'insats-ended', reason: 'avbrott', at: '2024-04-09T11:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-cancelled', rule: 'trepart', due: '2024-04-09' });
    none(run.timeline, { kind: 'deadline-missed', rule: 'trepart', due: '2024-04-09' });
  });
});

describe('SAI: sickness (scenarios/sai-sjukdom.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('sai-sjukdom.yaml'));
  });

  it('asks no läkarintyg for sickness that ends before day 8 (2023 §3.6.1)', () => {
    none(run.timeline, { kind: 'deadline-set', rule: 'lakarintyg', due: '2023-10-16' });
    none(run.timeline, { kind: 'reminder', rule: 'lakarintyg', due: '2023-10-16' });
    none(run.timeline, { kind: 'escalation', rule: 'lakarintyg', due: '2023-10-16' });
  });

  it('opens the läkarintyg on sick day 8, due 14 days after the first sick day (2023 §3.6.1)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'lakarintyg', due: '2023-10-30', to: ['anordnare:a1'], at: '2023-10-23T00:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'lakarintyg', due: '2023-10-30', at: '2023-10-26T10:00:00+02:00' });
    none(run.timeline, { kind: 'escalation', rule: 'lakarintyg' });
  });

  it('keeps the other clocks running through the sickness (2023 §5.2.4, §6.4)', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'arbetsplats', due: '2023-11-11', at: '2023-11-08T10:00:00+01:00' });
    expect(entries(run.timeline, { kind: 'payment' }).map(({ month, amount }) => [month, amount])).toEqual([
      ['2023-09', 4053.33],
      ['2023-10', 6080],
    ]);
  });
});
