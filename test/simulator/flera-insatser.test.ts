// Several insatser in one scenario (`insatser:`) on one worker and one daily delivery: each insats
// runs as it would alone, the timeline names each entry's insats, and a recipient's digest of a
// morning holds the items of all their insatser (scenarios/digest-flera-insatser.yaml).
import { beforeAll, describe, expect, it } from 'vitest';
import { isWorkingDay, localDateOf } from '../../domain/calendar';
import type { RecordedMail } from '../../simulator/recording-activities';
import type { ScenarioRun } from '../../simulator/run-scenario';
import { parseScenario } from '../../simulator/scenario';
import { scenarioFile, useSimulator } from './simulator';

const simulator = useSimulator();

const INSATSER = ['D-AMI1-A', 'D-AMI1-B', 'D-AMI1-C', 'D-AMI2-D'];

/** The e-mails `to` got on `day` (Europe/Stockholm). */
const mailOf = (mails: RecordedMail[], to: string, day: string) => mails.filter((mail) => mail.to === to && localDateOf(new Date(mail.at)) === day);
const itemsOf = (mail: RecordedMail) => mail.items.map((item) => [item.insatsId, item.rule, item.step]).sort();

describe('four insatser of one anordnare and one kvl on the daily digest (scenarios/digest-flera-insatser.yaml)', () => {
  const scenario = scenarioFile('digest-flera-insatser.yaml');
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await simulator.run(scenario);
  }, 120_000);

  it('names the insats of every timeline entry, and every insats has one', () => {
    expect(run.timeline.filter((entry) => !INSATSER.includes(entry.insatsId ?? ''))).toEqual([]);
    expect(new Set(run.timeline.map((entry) => entry.insatsId))).toEqual(new Set(INSATSER));
    // Each starts at its own aktualiserad: its first entry carries that instant.
    expect(INSATSER.map((insatsId) => run.timeline.find((entry) => entry.insatsId === insatsId)!.at)).toEqual([
      '2025-03-03T09:00:00+01:00',
      '2025-03-03T09:30:00+01:00',
      '2025-03-05T09:00:00+01:00',
      '2025-03-10T09:00:00+01:00',
    ]);
  });

  it('sends the anordnare one digest on 4 March holding the bemanning reminders of D-AMI1-A and D-AMI1-B', () => {
    const mails = mailOf(run.mails, 'anordnare:a1', '2025-03-04');
    // The delivery's instant to the minute (UTC): 08:00 in Stockholm, give or take the server's latency.
    expect(mails.map((mail) => [mail.kind, mail.at.slice(0, 16)])).toEqual([['digest', '2025-03-04T07:00']]);
    expect(itemsOf(mails[0]!)).toEqual([
      ['D-AMI1-A', 'bemanning', 'due-reminder'],
      ['D-AMI1-B', 'bemanning', 'due-reminder'],
    ]);
  });

  it('sends the kvl one digest on 20 March with the review of D-AMI1-B due and the plan of D-AMI1-C late', () => {
    const mails = mailOf(run.mails, 'kvl:k1', '2025-03-20');
    expect(mails).toHaveLength(1);
    expect(itemsOf(mails[0]!)).toEqual([
      ['D-AMI1-B', 'plangranskning', 'due-reminder'],
      ['D-AMI1-C', 'genomforandeplan', 'escalation-1'],
    ]);
    expect(mails[0]!.subject).toBe('Kundval insatser: 1 försenad, 1 att göra denna vecka');
  });

  it('sends each recipient at most one e-mail a day, only digests, and none at the weekend', () => {
    const days = run.mails.map((mail) => `${mail.to} ${localDateOf(new Date(mail.at))}`);
    expect(new Set(days).size).toBe(days.length);
    expect(new Set(run.mails.map((mail) => mail.kind))).toEqual(new Set(['digest']));
    expect(run.mails.filter((mail) => !isWorkingDay(localDateOf(new Date(mail.at))))).toEqual([]);
    expect(new Set(run.mails.map((mail) => mail.to))).toEqual(new Set(['anordnare:a1', 'kvl:k1', 'arbetsledare']));
  });

  it('returns the workflow runs of the first insats', () => {
    expect(run.runs.length).toBeGreaterThan(0);
    const started = run.runs[0]!.history.events![0]!.workflowExecutionStartedEventAttributes!;
    const input = JSON.parse(Buffer.from(started.input!.payloads![0]!.data!).toString('utf8')) as { insatsId: string };
    expect(input.insatsId).toBe('D-AMI1-A');
  });

  it('runs each insats as it would run alone', async () => {
    const [first] = scenario.insatser;
    const alone = await simulator.run(
      parseScenario({
        insats: { ...first, id: 'D-AMI1-A-ENSAM' },
        config: scenario.config,
        events: scenario.events.filter((event) => event.insats === first!.id).map(({ insats: _insats, ...event }) => event),
        until: scenario.until,
      }),
    );
    expect(alone.timeline.some((entry) => 'insatsId' in entry)).toBe(false);
    const together = run.timeline.filter((entry) => entry.insatsId === first!.id).map(({ insatsId: _insatsId, ...entry }) => entry);
    expect(together).toEqual(alone.timeline);
  }, 120_000);
});

describe('an insats whose aktualisering is refused, beside one that starts', () => {
  it('gives the refused one an event-rejected entry naming it, sends none of its events, and runs the other', { timeout: 120_000 }, async () => {
    const kund = { alder: 30, ekonomisktBistand: true };
    const { timeline } = await simulator.run(
      parseScenario({
        insatser: [
          { id: 'F-AVVISAD', typ: 'AMI1', beslutsdatum: '2025-03-03', anordnare: 'a1', kvl: 'k1', kund: { id: 'k-avvisad', alder: 70, ekonomisktBistand: false } },
          { id: 'F-STARTAD', typ: 'AMI1', beslutsdatum: '2025-03-03', anordnare: 'a1', kvl: 'k1', kund: { id: 'k-startad', ...kund } },
        ],
        config: { payments: { monthAmounts: { AMI1: 9000 } } },
        events: [
          { at: '2025-03-03T09:00', insats: 'F-AVVISAD', type: 'aktualiserad' },
          { at: '2025-03-03T09:30', insats: 'F-STARTAD', type: 'aktualiserad' },
          { at: '2025-03-04T10:00', insats: 'F-AVVISAD', type: 'bemannad' },
          { at: '2025-03-04T10:00', insats: 'F-STARTAD', type: 'bemannad' },
        ],
        until: '2025-03-05',
      }),
    );
    const refused = timeline.filter((entry) => entry.insatsId === 'F-AVVISAD');
    expect(refused).toEqual([{ at: '2025-03-03T09:00:00+01:00', insatsId: 'F-AVVISAD', kind: 'event-rejected', event: 'aktualiserad', reason: expect.stringMatching(/§/) }]);
    expect(timeline.filter((entry) => entry.kind === 'deadline-met' && entry.rule === 'bemanning').map((entry) => entry.insatsId)).toEqual(['F-STARTAD']);
  });
});
