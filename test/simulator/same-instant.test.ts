// Events recorded at the very instant a reminder or escalation falls due, for every insatstyp:
// the run finishes, the notification goes once and before the event, and the event is applied
// once. On the time-skipping server such an update used to wait for ever in most runs, when the
// timer it cancels fired while its workflow task ran (simulator/settle.ts, quietBeforeUpdate).
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar';
import type { TimelineEntry } from '../../domain/process/record';
import type { Insatstyp } from '../../domain/insatstyp';
import { recordingActivities } from '../../simulator/recording-activities';
import type { Scenario } from '../../simulator/scenario';
import { entries, inlineScenario, none, one, scenarioFile, useSimulator } from './simulator';

const simulator = useSimulator();

/** Runs the scenario with recording activities beside the simulator's, to count what the workflow sent and applied. */
async function runRecorded(scenario: Scenario, sending: Sending = 'itself') {
  const recording = recordingActivities();
  const config = sending === 'itself' ? { ...scenario.config, digest: { enabled: false } } : scenario.config;
  const { timeline } = await simulator.run({ ...scenario, ...(config ? { config } : {}) }, { activities: recording.activities });
  const applied = recording.writes.flatMap((write) => (write.kind === 'event' ? [write.event.type] : []));
  return { timeline, notifications: recording.notifications, applied, outbox: recording.outbox };
}

/**
 * `itself`: the insats sends each notification at its instant (as those started before the daily
 * digest do); `digest`: it stores them for the day's delivery, which leaves out what an event at
 * the same instant has met (domain/digest.ts).
 */
type Sending = 'itself' | 'digest';

/** Nothing reached anyone twice. */
function noneTwice(notifications: { rule: string; occurrence: string; step: string; recipient: { role: string } }[]) {
  const keys = notifications.map((request) => `${request.rule}/${request.occurrence}/${request.step}/${request.recipient.role}`);
  expect(new Set(keys).size).toBe(keys.length);
}

const indexOf = (timeline: TimelineEntry[], entry: TimelineEntry) => timeline.indexOf(entry);

// Each starts on a Monday: bemanning is due on Tuesday, escalated to the kvl on Wednesday at 08:00
// (2023 §6.2.1, inherited for 2024); the uppdrag it then opens is due on Friday, with its reminder at 08:00.
const cases: { typ: Insatstyp; beslutsdatum: string; offset: string; kund?: Record<string, unknown>; config?: Record<string, unknown> }[] = [
  { typ: 'JPG', beslutsdatum: '2023-09-04', offset: '+02:00' },
  { typ: 'FJP', beslutsdatum: '2023-09-04', offset: '+02:00' },
  { typ: 'SAI', beslutsdatum: '2023-09-04', offset: '+02:00', kund: { svenskaHinder: true } },
  { typ: 'AMI1', beslutsdatum: '2025-03-03', offset: '+01:00', config: { payments: { monthAmounts: { AMI1: 9000 } } } },
  { typ: 'AMI2', beslutsdatum: '2025-03-03', offset: '+01:00', kund: { arbetsformaga: 50 }, config: { payments: { monthAmounts: { AMI2: 7000 } } } },
];

describe.each(cases.flatMap((testCase) => (['itself', 'digest'] as const).map((sending) => ({ ...testCase, sending }))))('$typ, sending $sending: bemannad at the bemanning escalation, uppdrag-inlagt at the uppdrag reminder', ({ typ, beslutsdatum, offset, kund, config, sending }) => {
  const day = (days: number) => addDays(beslutsdatum, days);
  const scenario = inlineScenario({
    insats: { id: `SAME-${typ}-${sending}`, typ, beslutsdatum, kund: { id: `kund-same-${typ}`, alder: 30, ekonomisktBistand: true, ...kund } },
    ...(config ? { config } : {}),
    start: `${beslutsdatum}T09:00`,
    events: [
      { at: `${day(2)}T08:00`, type: 'bemannad' },
      { at: `${day(4)}T08:00`, type: 'uppdrag-inlagt' },
    ],
    until: day(7),
  });

  it('finishes, decides each notification once before the event, sends it at most once, and applies each event once', { timeout: 120_000 }, async () => {
    const { timeline, notifications, applied, outbox } = await runRecorded(scenario, sending);

    expect(applied).toEqual(['bemannad', 'uppdrag-inlagt']);
    none(timeline, { kind: 'event-rejected' });

    const escalation = one(timeline, { kind: 'escalation', rule: 'bemanning', due: day(1), to: ['kvl:k1'] });
    expect(escalation).toEqual({ at: `${day(2)}T08:00:00${offset}`, kind: 'escalation', rule: 'bemanning', due: day(1), to: ['kvl:k1'] });
    const bemannad = one(timeline, { kind: 'deadline-met', rule: 'bemanning', due: day(1) });
    expect(bemannad.at).toBe(`${day(2)}T08:00:00${offset}`);
    expect(indexOf(timeline, escalation)).toBeLessThan(indexOf(timeline, bemannad));

    const reminder = one(timeline, { kind: 'reminder', rule: 'uppdrag', due: day(4) });
    expect(reminder.at).toBe(`${day(4)}T08:00:00${offset}`);
    const uppdrag = one(timeline, { kind: 'deadline-met', rule: 'uppdrag', due: day(4) });
    expect(uppdrag.at).toBe(`${day(4)}T08:00:00${offset}`);
    expect(indexOf(timeline, reminder)).toBeLessThan(indexOf(timeline, uppdrag));
    none(timeline, { kind: 'deadline-missed', rule: 'uppdrag' });
    none(timeline, { kind: 'escalation', rule: 'uppdrag' });

    const sent = (rule: string, kind: string) => notifications.filter((request) => request.rule === rule && request.kind === kind);
    noneTwice(notifications);
    if (sending === 'itself') {
      // The anordnare is told it is late and the kvl is escalated to, each once (domain/reminders.ts notificationPlan).
      expect(sent('bemanning', 'escalation').map((request) => [request.step, request.recipient.role])).toEqual([['late-notice', 'anordnare'], ['escalation-1', 'kvl']]);
      expect(sent('uppdrag', 'reminder')).toHaveLength(1);
      return;
    }
    // Stored once each; met by the event at the delivery's own instant, so delivered or withdrawn, once.
    const stored = [...outbox.values()].filter(({ item }) => item.rule === 'bemanning' && item.kind === 'escalation');
    expect(stored.map(({ item }) => [item.step, item.recipient.role])).toEqual([['late-notice', 'anordnare'], ['escalation-1', 'kvl']]);
    expect(stored.every(({ status }) => status === 'delivered' || status === 'withdrawn')).toBe(true);
    expect(sent('bemanning', 'escalation').length).toBe(stored.filter(({ status }) => status === 'delivered').length);
  });
});

describe('the reported FJP cases (test/simulator/fixtures/)', () => {
  it('a sjukanmälan at the instant the månadsrapport is escalated', { timeout: 120_000 }, async () => {
    const { timeline, notifications, applied } = await runRecorded(scenarioFile('fjp-sjukanmalan-vid-eskalering.yaml', 'test/simulator/fixtures'));
    expect(applied.filter((type) => type === 'sjukanmalan' || type === 'friskanmalan')).toEqual(['sjukanmalan', 'friskanmalan']);
    one(timeline, { kind: 'escalation', rule: 'manadsrapport', due: '2023-05-07', at: '2023-05-08T08:00:00+02:00', to: ['kvl:k1'] });
    expect(notifications.filter((request) => request.rule === 'manadsrapport' && request.kind === 'escalation').map((request) => [request.step, request.scheduledFor])).toEqual([
      ['late-notice', '2023-05-08T06:00:00.000Z'],
      ['escalation-1', '2023-05-08T06:00:00.000Z'],
    ]);
  });

  it('short sick periods whose events fall at reminders and escalations', { timeout: 120_000 }, async () => {
    const { timeline, notifications, applied } = await runRecorded(scenarioFile('fjp-korta-sjukperioder.yaml', 'test/simulator/fixtures'));
    expect(applied.filter((type) => type === 'sjukanmalan')).toHaveLength(5);
    expect(applied.filter((type) => type === 'friskanmalan')).toHaveLength(5);
    one(timeline, { kind: 'reminder', rule: 'manadsrapport-granskning', at: '2023-04-05T08:00:00+02:00' });
    one(timeline, { kind: 'reminder', rule: 'manadsrapport', due: '2023-05-07', at: '2023-05-05T08:00:00+02:00' });
    // The anordnare told and the kvl escalated to, once each; the report is in before any repeat.
    expect(entries(timeline, { kind: 'escalation', rule: 'manadsrapport', due: '2023-05-07' }).map((entry) => [entry.at, entry.to])).toEqual([
      ['2023-05-08T08:00:00+02:00', ['anordnare:a1']],
      ['2023-05-08T08:00:00+02:00', ['kvl:k1']],
    ]);
    const reminderOrEscalation = notifications.filter((request) => request.kind === 'reminder' || request.kind === 'escalation');
    expect(new Set(reminderOrEscalation.map((request) => `${request.rule}/${request.occurrence}/${request.step}`)).size).toBe(reminderOrEscalation.length);
  });
});
