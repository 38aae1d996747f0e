// FJP, Förstärkt Jobbpeng (2023 §2.2), through the real insats workflow on the time-skipping
// server: the happy path, every FJP deadline missed and escalated, and a byte av anordnare.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioRun } from '../../simulator/run-scenario';
import { entries, expectEscalated, inlineScenario, none, one, reportsInTime, scenarioFile, useSimulator, type Missed } from './simulator';

const simulator = useSimulator();

describe('FJP happy path (scenarios/fjp-happy-path.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('fjp-happy-path.yaml'));
  });

  it('opens the uppstartsmöte, the arbetsträningsplats (3 months) and the omprövning (12 months) at aktualisering (2023 §2.2, §5.2.3, §7)', () => {
    const opened = entries(run.timeline, { kind: 'deadline-set', at: '2023-03-06T09:00:00+01:00' }).map(({ rule, due }) => [rule, due]);
    expect(opened).toEqual([
      ['bemanning', '2023-03-07'],
      ['trepart', '2023-06-06'],
      ['arbetsplats', '2023-06-06'],
      ['omprovning', '2024-03-06'],
    ]);
  });

  it('meets bemanning, uppdrag, plan and plan review in time (2023 §6.2.1, §6.3.1)', () => {
    for (const [rule, due] of [
      ['bemanning', '2023-03-07'],
      ['uppdrag', '2023-03-09'],
      ['genomforandeplan', '2023-04-05'],
      ['plangranskning', '2023-04-03'],
    ] as const) {
      one(run.timeline, { kind: 'deadline-met', rule, due });
    }
  });

  it('holds the uppstartsmöte within three months, then the next trepart within six months of the last (2023 §2.2, §6.5)', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'trepart', due: '2023-06-06', at: '2023-04-17T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-set', rule: 'trepart', due: '2023-10-17', at: '2023-04-17T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'trepart', due: '2023-10-17', at: '2023-10-10T11:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-set', rule: 'trepart', due: '2024-04-10', at: '2023-10-10T11:00:00+02:00' });
    // The first meeting waived the revised plan; the second asked for it, due in two weeks.
    expect(entries(run.timeline, { kind: 'deadline-set', rule: 'reviderad-plan' }).map(({ due }) => due)).toEqual(['2023-10-24']);
    one(run.timeline, { kind: 'deadline-met', rule: 'reviderad-plan', due: '2023-10-24' });
  });

  it('meets the arbetsträningsplats within three months (2023 §5.2.3) and the tilläggscheck decision within five working days (2023 §9.3)', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'arbetsplats', due: '2023-06-06', at: '2023-05-02T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-set', rule: 'tillaggscheck', due: '2023-05-11', to: ['kvl:k1'] });
    one(run.timeline, { kind: 'deadline-met', rule: 'tillaggscheck', due: '2023-05-11' });
  });

  it('pays every month at the FJP amount, partial months per 30 days (2023 §9.1)', () => {
    // March from the 6th: 26 days; November until the avslut on the 15th: 15 days.
    expect(entries(run.timeline, { kind: 'payment' }).map(({ month, amount }) => [month, amount])).toEqual([
      ['2023-03', 4210.27],
      ['2023-04', 4858],
      ['2023-05', 4858],
      ['2023-06', 4858],
      ['2023-07', 4858],
      ['2023-08', 4858],
      ['2023-09', 4858],
      ['2023-10', 4858],
      ['2023-11', 2429],
    ]);
  });

  it('ends with an avslut to studier that stops the omprövning and the next trepart; the slutrapport is due in 14 days (2023 §7.1, §7, §6.6)', () => {
    one(run.timeline, { kind: 'insats-ended', reason: 'studier', at: '2023-11-15T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-cancelled', rule: 'omprovning', due: '2024-03-06', at: '2023-11-15T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-cancelled', rule: 'trepart', due: '2024-04-10', at: '2023-11-15T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'slutrapport', due: '2023-11-29' });
  });

  it('pays the 18 000 kr bonus for CSN studies held six months (2023 §9.2)', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'bonus', due: '2024-05-15' });
    one(run.timeline, { kind: 'bonus', amount: 18000, at: '2024-05-17T10:00:00+02:00' });
    expect(run.timeline.filter((entry) => ['deadline-missed', 'escalation', 'event-rejected', 'brist'].includes(entry.kind))).toEqual([]);
  });
});

describe('FJP: every deadline missed is escalated at 08:00 on the next working day (RULEBOOK.md, Reminders and escalations)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(
      inlineScenario({
        insats: { id: 'T-FJP-SEN', typ: 'FJP', beslutsdatum: '2023-03-22', kund: { id: 'k-fjp-sen', alder: 35, ekonomisktBistand: true } },
        start: '2023-03-22T09:00',
        events: [
          { at: '2023-03-24T10:00', type: 'bemannad' },
          { at: '2023-03-29T10:00', type: 'uppdrag-inlagt' },
          { at: '2023-04-04T10:00', type: 'manadsrapport-klar', month: '2023-03' },
          { at: '2023-04-11T10:00', type: 'manadsrapport-godkand', month: '2023-03' },
          { at: '2023-04-24T10:00', type: 'plan-inlamnad' },
          { at: '2023-05-03T10:00', type: 'plan-godkand' },
          { at: '2023-05-09T10:00', type: 'manadsrapport-klar', month: '2023-04' },
          { at: '2023-05-16T10:00', type: 'manadsrapport-godkand', month: '2023-04' },
          { at: '2023-06-27T10:00', type: 'trepart-hallet', revideradPlanKravs: true },
          { at: '2023-06-27T11:00', type: 'arbetsplats-startad', timmarPerVecka: 16, trepartsoverenskommelse: true },
          { at: '2023-07-13T10:00', type: 'reviderad-plan-inlamnad' },
          { at: '2023-07-17T10:00', type: 'plan-godkand' },
          { at: '2023-09-04T11:00', type: 'tillaggscheck-ansokan', belopp: 15000 },
          { at: '2023-09-13T10:00', type: 'tillaggscheck-beslut', beviljad: false },
          { at: '2023-10-02T09:00', type: 'sjukanmalan' },
          { at: '2023-10-18T10:00', type: 'lakarintyg-inlamnat' },
          { at: '2023-10-18T11:00', type: 'friskanmalan' },
          { at: '2023-11-06T09:00', type: 'vab-anmalan' },
          { at: '2023-11-22T10:00', type: 'vab-intyg-inlamnat' },
          { at: '2023-11-22T11:00', type: 'friskanmalan' },
          { at: '2023-12-29T10:00', type: 'trepart-hallet', revideradPlanKravs: false },
          ...reportsInTime('2023-05', '2024-02'),
          { at: '2024-03-26T10:00', type: 'omprovning-gjord' },
          { at: '2024-03-26T11:00', type: 'avslut', orsak: 'svag-progression' },
          { at: '2024-04-03T10:00', type: 'manadsrapport-klar', month: '2024-03' },
          { at: '2024-04-08T10:00', type: 'manadsrapport-godkand', month: '2024-03' },
          { at: '2024-04-11T10:00', type: 'slutrapport-inlamnad' },
        ],
        until: '2024-04-12',
      }),
    );
  });

  const missed: (Missed & { name: string })[] = [
    { name: 'bemanning, the next working day, to the kvl (2023 §6.2.1)', rule: 'bemanning', due: '2023-03-23', escalatedAt: '2023-03-24T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'uppdrag, two working days after bemanning, to the arbetsledare (2023 §6.2.1)', rule: 'uppdrag', due: '2023-03-28', escalatedAt: '2023-03-29T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'genomforandeplan, beslut + 30 days, to the kvl (2023 §6.3.1)', rule: 'genomforandeplan', due: '2023-04-21', escalatedAt: '2023-04-24T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'plangranskning, five working days past Första maj, to the arbetsledare (2023 §6.3.1)', rule: 'plangranskning', due: '2023-05-02', escalatedAt: '2023-05-03T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'manadsrapport, due Sunday the 7th, to the kvl (2023 §6.4)', rule: 'manadsrapport', due: '2023-05-07', escalatedAt: '2023-05-08T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'manadsrapport-granskning, the 12th, to the arbetsledare (2023 §6.4)', rule: 'manadsrapport-granskning', due: '2023-05-12', escalatedAt: '2023-05-15T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'trepart (uppstartsmöte), beslut + 3 months, to the kvl on the Monday after midsommarafton (2023 §2.2)', rule: 'trepart', due: '2023-06-22', escalatedAt: '2023-06-26T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'arbetsplats (arbetsträningsplats), beslut + 3 months, to the kvl after midsommarafton (2023 §5.2.3)', rule: 'arbetsplats', due: '2023-06-22', escalatedAt: '2023-06-26T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'reviderad-plan, meeting + 14 days, to the kvl (2023 §6.5)', rule: 'reviderad-plan', due: '2023-07-11', escalatedAt: '2023-07-12T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'tillaggscheck, application + 5 working days, to the arbetsledare (2023 §9.3)', rule: 'tillaggscheck', due: '2023-09-11', escalatedAt: '2023-09-12T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'lakarintyg, sick start + 14 days, to the kvl (2023 §3.6.1)', rule: 'lakarintyg', due: '2023-10-16', escalatedAt: '2023-10-17T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'vab-intyg, VAB start + 14 days, to the kvl (2023 §3.6.2)', rule: 'vab-intyg', due: '2023-11-20', escalatedAt: '2023-11-21T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'trepart, six months after the last meeting held, to the kvl (2023 §6.5)', rule: 'trepart', due: '2023-12-27', escalatedAt: '2023-12-28T08:00:00+01:00', to: 'kvl:k1' },
    { name: 'omprovning, beslut + 12 months, to the arbetsledare (2023 §7)', rule: 'omprovning', due: '2024-03-22', escalatedAt: '2024-03-25T08:00:00+01:00', to: 'arbetsledare' },
    { name: 'slutrapport, avslut + 14 days, to the kvl (2023 §6.6)', rule: 'slutrapport', due: '2024-04-09', escalatedAt: '2024-04-10T08:00:00+02:00', to: 'kvl:k1' },
  ];
  for (const { name, ...deadline } of missed) {
    it(name, () => expectEscalated(run.timeline, deadline));
  }

  it('counts the next trepart from the late meeting actually held, not from the missed due date (2023 §6.5)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'trepart', due: '2023-12-27', at: '2023-06-27T10:00:00+02:00' });
  });

  it('ends for svag-progression at the omprövning (2023 §7)', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'omprovning', due: '2024-03-22', at: '2024-03-26T10:00:00+01:00' });
    one(run.timeline, { kind: 'insats-ended', reason: 'svag-progression', at: '2024-03-26T11:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-cancelled', rule: 'trepart', due: '2024-06-29' });
    none(run.timeline, { kind: 'escalation', rule: 'trepart', due: '2024-06-29' });
  });
});

describe('FJP: byte av anordnare (scenarios/fjp-byte-av-anordnare.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('fjp-byte-av-anordnare.yaml'));
  });

  it('names the new anordnare in the avslut and stops the running clocks (2023 §7.3)', () => {
    one(run.timeline, { kind: 'insats-ended', event: 'avslut', reason: 'byte-av-anordnare: ny anordnare a2', at: '2023-06-21T10:00:00+02:00' });
    const cancelled = entries(run.timeline, { kind: 'deadline-cancelled', at: '2023-06-21T10:00:00+02:00' }).map(({ rule, due }) => [rule, due]);
    expect(cancelled).toEqual([
      ['arbetsplats', '2023-08-02'],
      ['omprovning', '2024-05-02'],
      ['trepart', '2023-12-14'],
    ]);
  });

  it('opens the slutrapport due 14 days after the avslut and the report of the avslut month, paid for 21 days (2023 §6.6, §6.4, §9.1)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'slutrapport', due: '2023-07-05', at: '2023-06-21T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'slutrapport', due: '2023-07-05' });
    one(run.timeline, { kind: 'deadline-set', rule: 'manadsrapport', due: '2023-07-07', at: '2023-07-01T00:00:00+02:00' });
    expect(one(run.timeline, { kind: 'payment', month: '2023-06' })).toMatchObject({ amount: 3400.6, reason: expect.stringContaining('slutrapport inlämnad; 21 aktiva dagar') });
  });
});
