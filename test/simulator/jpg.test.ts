// JPG, Jobbpeng grund (2023 §2.1), through the real insats workflow on the time-skipping server:
// the happy path, every JPG deadline missed and escalated, late reports and brist (2023 §7.6).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioRun } from '../../simulator/run-scenario';
import { entries, expectEscalated, inlineScenario, none, one, scenarioFile, useSimulator, type Missed } from './simulator';

const simulator = useSimulator();

describe('JPG happy path (scenarios/jpg-happy-path.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('jpg-happy-path.yaml'));
  });

  it('meets bemanning the next working day and the uppdrag within two working days (2023 §6.2.1)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'bemanning', due: '2023-09-05', to: ['anordnare:a1'] });
    one(run.timeline, { kind: 'deadline-met', rule: 'bemanning', due: '2023-09-05', at: '2023-09-05T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-set', rule: 'uppdrag', due: '2023-09-07', to: ['kvl:k1'], at: '2023-09-05T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'uppdrag', due: '2023-09-07' });
  });

  it('meets the genomförandeplan within 30 days of beslut and its review within five working days (2023 §6.3.1)', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'genomforandeplan', due: '2023-10-04', at: '2023-09-20T10:00:00+02:00' });
    one(run.timeline, { kind: 'deadline-set', rule: 'plangranskning', due: '2023-09-27', to: ['kvl:k1'] });
    one(run.timeline, { kind: 'deadline-met', rule: 'plangranskning', due: '2023-09-27' });
  });

  it('meets the praktik within one month because the uppdrag says praktik is needed (2023 §2.1.1, §5.2.2)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'arbetsplats', due: '2023-10-04' });
    one(run.timeline, { kind: 'deadline-met', rule: 'arbetsplats', due: '2023-10-04', at: '2023-09-25T10:00:00+02:00' });
  });

  it('holds the trepart within three months and counts the next from the meeting held; the revised plan follows in two weeks (2023 §6.5)', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'trepart', due: '2023-12-04', at: '2023-11-20T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-set', rule: 'trepart', due: '2024-02-20', at: '2023-11-20T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'reviderad-plan', due: '2023-12-04' });
  });

  it('opens each månadsrapport on the 1st, due the 7th, and pays the month when it is approved (2023 §6.4, §9.1)', () => {
    for (const [at, due] of [
      ['2023-10-01T00:00:00+02:00', '2023-10-07'],
      ['2023-11-01T00:00:00+01:00', '2023-11-07'],
      ['2023-12-01T00:00:00+01:00', '2023-12-07'],
      ['2024-01-01T00:00:00+01:00', '2024-01-07'],
    ] as const) {
      one(run.timeline, { kind: 'deadline-set', rule: 'manadsrapport', due, at });
      one(run.timeline, { kind: 'deadline-met', rule: 'manadsrapport', due });
    }
    // 27 active days of September (4–30): 3 686 / 30 × 27; December until the avslut on the 11th: 3 686 / 30 × 11.
    expect(entries(run.timeline, { kind: 'payment' }).map(({ month, amount }) => [month, amount])).toEqual([
      ['2023-09', 3317.4],
      ['2023-10', 3686],
      ['2023-11', 3686],
      ['2023-12', 1351.53],
    ]);
  });

  it('ends with an avslut to arbete: the next trepart stops, the slutrapport is due in 14 days (2023 §7.1, §6.6)', () => {
    one(run.timeline, { kind: 'insats-ended', reason: 'arbete', at: '2023-12-11T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-cancelled', rule: 'trepart', due: '2024-02-20', at: '2023-12-11T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-set', rule: 'slutrapport', due: '2023-12-25', at: '2023-12-11T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'slutrapport', due: '2023-12-25' });
  });

  it('claims the bonus six months after the avslut and pays 18 000 kr when approved (2023 §9.2)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'bonus', due: '2024-06-11', at: '2023-12-11T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-met', rule: 'bonus', due: '2024-06-11', at: '2024-06-11T10:00:00+02:00' });
    one(run.timeline, { kind: 'bonus', amount: 18000, at: '2024-06-14T10:00:00+02:00' });
  });

  it('misses nothing, escalates nothing and rejects nothing', () => {
    expect(run.timeline.filter((entry) => ['deadline-missed', 'escalation', 'event-rejected', 'brist'].includes(entry.kind))).toEqual([]);
    expect(run.warnings).toEqual([]);
  });
});

describe('JPG: every deadline missed is escalated at 08:00 on the next working day (RULEBOOK.md, Reminders and escalations)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    // Everything comes in late; each late event comes after the first escalation.
    run = await simulator.run(
      inlineScenario({
        insats: { id: 'T-JPG-SEN', typ: 'JPG', beslutsdatum: '2023-04-05', praktikBehov: true, kund: { id: 'k-jpg-sen', alder: 22, ekonomisktBistand: true } },
        start: '2023-04-05T09:00',
        events: [
          { at: '2023-04-19T10:00', type: 'bemannad' },
          { at: '2023-04-25T10:00', type: 'uppdrag-inlagt' },
          { at: '2023-05-10T10:00', type: 'plan-inlamnad' },
          { at: '2023-05-10T11:00', type: 'manadsrapport-klar', month: '2023-04' },
          { at: '2023-05-10T12:00', type: 'arbetsplats-startad', timmarPerVecka: 20, trepartsoverenskommelse: true },
          { at: '2023-05-16T10:00', type: 'manadsrapport-godkand', month: '2023-04' },
          { at: '2023-05-22T10:00', type: 'plan-godkand' },
          { at: '2023-06-01T10:00', type: 'tillaggscheck-ansokan', belopp: 10000 },
          { at: '2023-06-05T10:00', type: 'manadsrapport-klar', month: '2023-05' },
          { at: '2023-06-09T10:00', type: 'manadsrapport-godkand', month: '2023-05' },
          { at: '2023-06-12T09:00', type: 'sjukanmalan' },
          { at: '2023-06-13T10:00', type: 'tillaggscheck-beslut', beviljad: true },
          { at: '2023-06-14T09:00', type: 'vab-anmalan' },
          { at: '2023-06-28T10:00', type: 'lakarintyg-inlamnat' },
          { at: '2023-06-30T10:00', type: 'vab-intyg-inlamnat' },
          { at: '2023-06-30T11:00', type: 'friskanmalan' },
          { at: '2023-07-04T10:00', type: 'manadsrapport-klar', month: '2023-06' },
          { at: '2023-07-07T10:00', type: 'trepart-hallet', revideradPlanKravs: true },
          { at: '2023-07-10T10:00', type: 'manadsrapport-godkand', month: '2023-06' },
          { at: '2023-07-25T10:00', type: 'reviderad-plan-inlamnad' },
          { at: '2023-07-25T14:00', type: 'plan-godkand' },
          { at: '2023-07-26T10:00', type: 'avslut', orsak: 'annan-insats' },
          { at: '2023-08-03T10:00', type: 'manadsrapport-klar', month: '2023-07' },
          { at: '2023-08-08T10:00', type: 'manadsrapport-godkand', month: '2023-07' },
          { at: '2023-08-11T10:00', type: 'slutrapport-inlamnad' },
        ],
        until: '2023-08-15',
      }),
    );
  });

  const missed: (Missed & { name: string })[] = [
    { name: 'bemanning, due Thursday before Easter, to the kvl on the Tuesday after Annandag påsk (2023 §6.2.1)', rule: 'bemanning', due: '2023-04-06', escalatedAt: '2023-04-11T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'uppdrag, two working days after bemanning, to the arbetsledare (2023 §6.2.1)', rule: 'uppdrag', due: '2023-04-21', escalatedAt: '2023-04-24T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'genomforandeplan, beslut + 30 days, to the kvl (2023 §6.3.1)', rule: 'genomforandeplan', due: '2023-05-05', escalatedAt: '2023-05-08T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'arbetsplats (praktik), beslut + 1 month, to the kvl (2023 §2.1.1, §5.2.2)', rule: 'arbetsplats', due: '2023-05-05', escalatedAt: '2023-05-08T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'manadsrapport, due Sunday the 7th, to the kvl on Monday (2023 §6.4)', rule: 'manadsrapport', due: '2023-05-07', escalatedAt: '2023-05-08T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'manadsrapport-granskning, the 12th, to the arbetsledare (2023 §6.4)', rule: 'manadsrapport-granskning', due: '2023-05-12', escalatedAt: '2023-05-15T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'plangranskning, due the day before Kristi himmelfärd, to the arbetsledare on the Friday (2023 §6.3.1)', rule: 'plangranskning', due: '2023-05-17', escalatedAt: '2023-05-19T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'tillaggscheck, five working days past nationaldagen, to the arbetsledare (2023 §9.3)', rule: 'tillaggscheck', due: '2023-06-09', escalatedAt: '2023-06-12T08:00:00+02:00', to: 'arbetsledare' },
    { name: 'lakarintyg, sick start + 14 days, to the kvl (2023 §3.6.1)', rule: 'lakarintyg', due: '2023-06-26', escalatedAt: '2023-06-27T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'vab-intyg, VAB start + 14 days, to the kvl (2023 §3.6.2)', rule: 'vab-intyg', due: '2023-06-28', escalatedAt: '2023-06-29T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'trepart, beslut + 3 months, to the kvl (2023 §6.5)', rule: 'trepart', due: '2023-07-05', escalatedAt: '2023-07-06T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'reviderad-plan, meeting + 14 days, to the kvl (2023 §6.5)', rule: 'reviderad-plan', due: '2023-07-21', escalatedAt: '2023-07-24T08:00:00+02:00', to: 'kvl:k1' },
    { name: 'slutrapport, avslut + 14 days, to the kvl (2023 §6.6)', rule: 'slutrapport', due: '2023-08-09', escalatedAt: '2023-08-10T08:00:00+02:00', to: 'kvl:k1' },
  ];
  for (const { name, ...deadline } of missed) {
    it(name, () => expectEscalated(run.timeline, deadline));
  }

  it('escalates bemanning up its chain: the owner and the kvl the next working day, the kundkoordinator a week later (2023 §6.2.1)', () => {
    expect(entries(run.timeline, { kind: 'escalation', rule: 'bemanning' })).toEqual([
      { at: '2023-04-11T08:00:00+02:00', kind: 'escalation', rule: 'bemanning', due: '2023-04-06', to: ['anordnare:a1'] },
      { at: '2023-04-11T08:00:00+02:00', kind: 'escalation', rule: 'bemanning', due: '2023-04-06', to: ['kvl:k1'] },
      { at: '2023-04-18T08:00:00+02:00', kind: 'escalation', rule: 'bemanning', due: '2023-04-06', to: ['kundkoordinator'] },
    ]);
  });

  it('does not escalate a late approval of a månadsrapport: it moves the payment (2023 §6.4, §9)', () => {
    one(run.timeline, { kind: 'deadline-missed', rule: 'manadsrapport-godkand', due: '2023-05-15', at: '2023-05-16T00:00:00+02:00' });
    none(run.timeline, { kind: 'escalation', rule: 'manadsrapport-godkand' });
    expect(one(run.timeline, { kind: 'payment', month: '2023-04' }).reason).toContain('utbetalning 2023-06');
  });

  it('escalates nothing more once a late deadline is met', () => {
    for (const { rule, due } of missed) {
      const met = one(run.timeline, { kind: 'deadline-met', rule, due });
      const later = entries(run.timeline, { kind: 'escalation', rule, due }).filter((entry) => Date.parse(entry.at) > Date.parse(met.at));
      expect(later, `${rule} after it was met`).toEqual([]);
    }
  });
});

describe('JPG: a late månadsrapport over Easter (scenarios/jpg-sen-manadsrapport.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('jpg-sen-manadsrapport.yaml'));
  });

  it('reminds on Skärtorsdagen for a report due on Långfredagen, tells the anordnare and escalates to the kvl after Annandag påsk, once (2023 §6.4)', () => {
    expect(entries(run.timeline, { rule: 'manadsrapport', due: '2023-04-07' }).map(({ at, kind, to }) => [at, kind, to])).toEqual([
      ['2023-04-01T00:00:00+02:00', 'deadline-set', ['anordnare:a1']],
      ['2023-04-06T08:00:00+02:00', 'reminder', ['anordnare:a1']],
      ['2023-04-08T00:00:00+02:00', 'deadline-missed', ['anordnare:a1']],
      ['2023-04-11T08:00:00+02:00', 'escalation', ['anordnare:a1']],
      ['2023-04-11T08:00:00+02:00', 'escalation', ['kvl:k1']],
      [expect.stringMatching(/^2023-04-19T10:00/), 'deadline-met', undefined],
    ]);
  });

  // The review of a late report is due the day it arrives: its 08:00 reminder goes when the
  // deadline opens at 10:00 and is recorded then.
  it('records every reminder after its deadline was set', () => {
    for (const reminder of entries(run.timeline, { kind: 'reminder' })) {
      const set = one(run.timeline, { kind: 'deadline-set', rule: reminder.rule, due: reminder.due });
      expect(Date.parse(reminder.at), `${reminder.rule} due ${reminder.due}`).toBeGreaterThanOrEqual(Date.parse(set.at));
    }
  });

  it('pays a report approved after the 15th in the next payment run (2023 §9)', () => {
    expect(one(run.timeline, { kind: 'payment', month: '2023-03' })).toMatchObject({ amount: 3686, reason: expect.stringContaining('utbetalning 2023-05') });
    expect(one(run.timeline, { kind: 'payment', month: '2023-04' }).reason).toContain('utbetalning 2023-05');
  });
});

describe('JPG: brister hos anordnare (scenarios/jpg-brist.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('jpg-brist.yaml'));
  });

  it('raises a brist when two reports within six months are late (2023 §7.6)', () => {
    const [notice, escalation, ...more] = entries(run.timeline, { kind: 'brist' });
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ at: '2023-10-08T00:00:00+02:00', rule: 'manadsrapport' });
    expect(notice!.reason).toMatch(/^2 late reports since .*manadsrapport 2023-08 \(due 2023-09-07\), manadsrapport 2023-09 \(due 2023-10-07\) \(2023 §7\.6\)$/);
    // The report late after the notice escalates the brist (to the arbetsledare, as grounds for ending the insats).
    expect(escalation).toMatchObject({ at: '2023-11-08T00:00:00+01:00', rule: 'manadsrapport' });
    expect(escalation!.reason).toContain('late after the brist notice of 2023-10-08: manadsrapport 2023-10 (due 2023-11-07)');
  });

  it('ends the insats for brister-hos-anordnare: the next trepart stops, the slutrapport is due in 14 days (2023 §7.6, §6.6)', () => {
    one(run.timeline, { kind: 'insats-ended', reason: 'brister-hos-anordnare', at: '2023-11-20T10:00:00+01:00' });
    one(run.timeline, { kind: 'deadline-cancelled', rule: 'trepart', due: '2024-01-25' });
    one(run.timeline, { kind: 'deadline-set', rule: 'slutrapport', due: '2023-12-04' });
    // The avslut month keeps its report (2023 §6.4).
    one(run.timeline, { kind: 'deadline-set', rule: 'manadsrapport', due: '2023-12-07', at: '2023-12-01T00:00:00+01:00' });
  });
});
