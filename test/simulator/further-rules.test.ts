// Rules opened by their own events: the SFI contact with the school, the extra trepart after a
// declined job, the ramp-up steps of a part-time plan, and FJP's fortsatt stöd.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioRun } from '../../simulator/run-scenario';
import { entries, expectEscalated, inlineScenario, one, useSimulator } from './simulator';

const simulator = useSimulator();
const kund = { id: 'kund-1', alder: 30, ekonomisktBistand: true };

describe('SAI: SFI risk, ramp-up steps (2023 §2.3.2.1, §2.3.1, §3.2)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(
      inlineScenario({
        insats: { id: 'SAI-MORE', typ: 'SAI', beslutsdatum: '2023-03-01', kund: { ...kund, svenskaHinder: true } },
        start: '2023-03-01T09:00',
        events: [
          { at: '2023-03-02T09:00', type: 'bemannad' },
          { at: '2023-03-10T10:00', type: 'upptrappning-plan', steg: [{ datum: '2023-04-03', omfattning: 25 }, { datum: '2023-05-02', omfattning: 50 }] },
          { at: '2023-04-03T10:00', type: 'upptrappningssteg-uppnatt', datum: '2023-04-03' },
          { at: '2023-04-12T10:00', type: 'sfi-risk' },
          { at: '2023-04-14T10:00', type: 'sfi-skolkontakt' },
        ],
        until: '2023-05-20',
      }),
    );
  });

  it('2023 §2.3.2.1: an sfi-risk signal gives the anordnare 5 working days to contact the school (Easter: 2023-04-12 + 5 = 2023-04-19)', () => {
    one(run.timeline, { kind: 'deadline-set', rule: 'sfi-niva', due: '2023-04-19' });
    expect(entries(run.timeline, { kind: 'deadline-met', rule: 'sfi-niva', due: '2023-04-19' })).toHaveLength(1);
  });

  it('2023 §3.2: a step reached is met; a step missed is escalated to the kvl and books an extra trepart', () => {
    one(run.timeline, { kind: 'deadline-met', rule: 'upptrappning', due: '2023-04-03' });
    expectEscalated(run.timeline, { rule: 'upptrappning', due: '2023-05-02', escalatedAt: '2023-05-03T08:00:00+02:00', to: 'kvl:k1' });
    expect(entries(run.timeline, { kind: 'deadline-set', rule: 'trepart' }).map((entry) => entry.due)).toContain('2023-05-17');
  });
});

describe('JPG: declined work, FJP: fortsatt stöd', () => {
  it('2023 §3.4: a declined job opens an extra trepart, due 10 working days later', async () => {
    const run = await simulator.run(
      inlineScenario({
        insats: { id: 'JPG-AVBOJT', typ: 'JPG', beslutsdatum: '2023-09-04', kund: { ...kund, alder: 22 } },
        start: '2023-09-04T09:00',
        events: [
          { at: '2023-09-05T09:00', type: 'bemannad' },
          { at: '2023-09-20T10:00', type: 'arbete-avbojt' },
          { at: '2023-09-28T10:00', type: 'trepart-hallet', revideradPlanKravs: false },
        ],
        until: '2023-10-10',
      }),
    );
    one(run.timeline, { kind: 'deadline-set', rule: 'trepart', due: '2023-10-04' });
    expect(entries(run.timeline, { kind: 'deadline-met', rule: 'trepart' }).map((entry) => entry.due)).toEqual(['2023-10-04']);
  });

  it('2023 §2.2.2: fortsatt stöd after a job start lasts at most three months, the kvl reminded and met when it ends; refused for AMI2', async () => {
    const run = await simulator.run(
      inlineScenario({
        insats: { id: 'FJP-STOD', typ: 'FJP', beslutsdatum: '2023-02-01', kund },
        start: '2023-02-01T09:00',
        events: [
          { at: '2023-02-02T09:00', type: 'bemannad' },
          { at: '2023-03-01T10:00', type: 'fortsatt-stod-start', startdatum: '2023-03-01' },
          { at: '2023-05-31T10:00', type: 'fortsatt-stod-avslutat' },
        ],
        until: '2023-06-05',
      }),
    );
    one(run.timeline, { kind: 'deadline-set', rule: 'fortsatt-stod', due: '2023-06-01', to: ['kvl:k1'] });
    one(run.timeline, { kind: 'deadline-met', rule: 'fortsatt-stod', due: '2023-06-01' });

    const ami2 = await simulator.run(
      inlineScenario({
        insats: { id: 'AMI2-STOD', typ: 'AMI2', beslutsdatum: '2025-02-03', kund: { ...kund, arbetsformaga: 50 } },
        config: { payments: { monthAmounts: { AMI2: 7000 } } },
        start: '2025-02-03T09:00',
        events: [
          { at: '2025-02-04T09:00', type: 'bemannad' },
          { at: '2025-03-03T10:00', type: 'fortsatt-stod-start', startdatum: '2025-03-03' },
        ],
        until: '2025-03-04',
      }),
    );
    expect(one(ami2.timeline, { kind: 'event-rejected', event: 'fortsatt-stod-start' }).reason).toBe('fortsatt stöd after a job or study start belongs to Förstärkt Jobbpeng (2023 §2.2.2)');
  });
});
