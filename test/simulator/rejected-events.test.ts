// Events the insats refuses (the workflow's update validator, decided by domain/process): each
// shows in the timeline as `event-rejected` with the reason, and changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../domain/process/record';
import type { ScenarioRun } from '../../simulator/run-scenario';
import { entries, inlineScenario, minute, scenarioFile, useSimulator } from './simulator';

const simulator = useSimulator();

/** The rejections, as [local minute, event type, reason]. */
const rejections = (timeline: TimelineEntry[]) =>
  entries(timeline, { kind: 'event-rejected' }).map(({ at, event, reason }) => [minute(at).slice(0, 16), event, reason]);

/** Entries other than the rejection at the minute of a rejected event: there must be none. */
const sideEffects = (timeline: TimelineEntry[]) =>
  entries(timeline, { kind: 'event-rejected' }).flatMap((rejected) =>
    timeline.filter((entry) => entry !== rejected && minute(entry.at) === minute(rejected.at) && entry.kind !== 'event-rejected'),
  );

describe('rejected events on an AMI2 (scenarios/ami2-otillaten-handelse.yaml)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenarioFile('ami2-otillaten-handelse.yaml'));
  });

  it('rejects each illegal event with its reason and the rule section (2023 §6.2.1, 2024 §8.3, §6.3.1, 2023 §6.4, §2.3.2)', () => {
    expect(rejections(run.timeline)).toEqual([
      ['2025-09-01T09:30', 'plan-inlamnad', 'plan-inlamnad needs a staffed insats: bemannad comes first'],
      ['2025-09-02T11:00', 'bemannad', 'bemanning is already met'],
      ['2025-09-10T10:00', 'arbetsplats-startad', 'AMI2 arbetsträning is at least 10 hours a week from the start (2024 §8.3)'],
      ['2025-09-10T11:00', 'arbetsplats-startad', 'a signed trepartsöverenskommelse must be delivered when the kund starts (2023 §5.2, 2024 §6.3.1)'],
      ['2025-09-22T10:00', 'manadsrapport-klar', 'no månadsrapport for 2025-09 is due'],
      ['2025-09-23T10:00', 'sfi-niva-start', 'SFI levels are followed in Språk- och arbetsintroduktion (SAI) only (2023 §2.3.2)'],
    ]);
  });

  it('changes nothing for a rejected event, and applies the legal events around them', () => {
    expect(sideEffects(run.timeline)).toEqual([]);
    expect(entries(run.timeline, { kind: 'deadline-met' }).map(({ rule }) => rule)).toEqual([
      'bemanning',
      'uppdrag',
      'arbetsplats',
      'genomforandeplan',
      'plangranskning',
      'manadsrapport',
      'manadsrapport-granskning',
      'manadsrapport-godkand',
    ]);
  });
});

describe('rejected events around an avslut', () => {
  let jpg: ScenarioRun;
  let ami1: ScenarioRun;
  beforeAll(async () => {
    jpg = await simulator.run(
      inlineScenario({
        insats: { id: 'T-AVVISAD-JPG', typ: 'JPG', beslutsdatum: '2023-09-04', kund: { id: 'k-avvisad-jpg', alder: 21, ekonomisktBistand: true } },
        start: '2023-09-04T09:00',
        events: [
          { at: '2023-09-05T10:00', type: 'bemannad' },
          { at: '2023-09-06T10:00', type: 'uppdrag-inlagt' },
          { at: '2023-09-07T10:00', type: 'plan-godkand' },
          { at: '2023-09-08T10:00', type: 'avslut', orsak: 'byte-av-anordnare' },
          { at: '2023-09-11T10:00', type: 'avslut', orsak: 'annan-insats' },
          { at: '2023-09-12T10:00', type: 'trepart-hallet', revideradPlanKravs: false },
          { at: '2023-09-13T10:00', type: 'bonusrapport-inlamnad' },
          { at: '2023-09-14T10:00', type: 'manadsrapport-klar', month: '2023-10' },
        ],
        until: '2023-09-15',
      }),
    );
    ami1 = await simulator.run(
      inlineScenario({
        insats: { id: 'T-AVVISAD-AMI1', typ: 'AMI1', beslutsdatum: '2025-03-03', kund: { id: 'k-avvisad-ami1', alder: 30, ekonomisktBistand: true } },
        config: { payments: { monthAmounts: { AMI1: 9000 } } },
        start: '2025-03-03T09:00',
        events: [
          { at: '2025-03-04T10:00', type: 'bemannad' },
          { at: '2025-03-12T10:00', type: 'avslut', orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 }, ekonomisktBistand: false },
          { at: '2025-03-20T10:00', type: 'bonusrapport-inlamnad' },
          { at: '2025-03-21T10:00', type: 'snabbhetspremie-uppfoljning', month: '2025-04', fortsatt: true },
        ],
        until: '2025-03-22',
      }),
    );
  });

  it('rejects a plan approval with no plan waiting, and a byte-av-anordnare that names no new anordnare (2023 §6.3.1, §7.3)', () => {
    expect(rejections(jpg.timeline).slice(0, 2)).toEqual([
      ['2023-09-07T10:00', 'plan-godkand', 'no genomförandeplan is waiting for review'],
      ['2023-09-08T10:00', 'avslut', 'byte-av-anordnare names the nyAnordnare whose insats follows (2023 §7.3)'],
    ]);
  });

  it('rejects after the avslut what it no longer accepts: a trepart, a bonus without a bonus-grounding avslut, a report for a month after it (2023 §7, §9.2, §6.4)', () => {
    expect(rejections(jpg.timeline).slice(2)).toEqual([
      ['2023-09-12T10:00', 'trepart-hallet', 'trepart-hallet is not accepted after the avslut'],
      ['2023-09-13T10:00', 'bonusrapport-inlamnad', 'the avslut was not bonus-grounding: there is no bonus to claim'],
      ['2023-09-14T10:00', 'manadsrapport-klar', 'no månadsrapport for 2023-10 is due'],
    ]);
    expect(entries(jpg.timeline, { kind: 'insats-ended' }).map(({ reason }) => reason)).toEqual(['annan-insats']);
    expect(sideEffects(jpg.timeline)).toEqual([]);
  });

  it('rejects a bonus claimed before six months and a snabbhetspremie follow-up before its month is over (2024 §9, §10.1)', () => {
    expect(rejections(ami1.timeline)).toEqual([
      ['2025-03-20T10:00', 'bonusrapport-inlamnad', 'the bonus can be claimed from 2025-09-12, six months after the avslut'],
      ['2025-03-21T10:00', 'snabbhetspremie-uppfoljning', 'the follow-up for 2025-04 opens on 2025-05-01'],
    ]);
    expect(sideEffects(ami1.timeline)).toEqual([]);
  });
});
