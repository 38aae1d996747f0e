// Every insats ends: a bonus claim the anordnare never makes closes as bonus-not-claimed after its
// window (setting bonus.claimWindow, 12 months after its earliest date), the insats reaches stangd
// and its workflow completes, on the time-skipping server.
import { describe, expect, it } from 'vitest';
import { entries, inlineScenario, one, useSimulator } from './simulator';

const simulator = useSimulator();

describe('JPG: an avslut to arbete whose bonus is never claimed (2023 §9.2)', () => {
  it('closes the claim as bonus-not-claimed a year after its earliest date, reaches stangd and completes', { timeout: 180_000 }, async () => {
    const run = await simulator.run(
      inlineScenario({
        insats: { id: 'ENDS-JPG', typ: 'JPG', beslutsdatum: '2023-03-01', kund: { id: 'kund-ends', alder: 22, ekonomisktBistand: true } },
        start: '2023-03-01T09:00',
        events: [
          { at: '2023-03-02T09:00', type: 'bemannad' },
          { at: '2023-03-03T09:00', type: 'uppdrag-inlagt' },
          { at: '2023-03-20T10:00', type: 'plan-inlamnad' },
          { at: '2023-03-21T10:00', type: 'plan-godkand' },
          { at: '2023-04-04T10:00', type: 'manadsrapport-klar', month: '2023-03' },
          { at: '2023-04-06T10:00', type: 'manadsrapport-godkand', month: '2023-03' },
          { at: '2023-04-20T10:00', type: 'avslut', orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 } },
          { at: '2023-05-02T10:00', type: 'slutrapport-inlamnad' },
          { at: '2023-05-04T10:00', type: 'manadsrapport-klar', month: '2023-04' },
          { at: '2023-05-09T10:00', type: 'manadsrapport-godkand', month: '2023-04' },
        ],
        until: '2024-11-30',
      }),
    );
    // The claim opens at the avslut, its earliest date six months on (2023 §9.2), and stays open a year after that.
    one(run.timeline, { kind: 'deadline-set', rule: 'bonus', due: '2023-10-20' });
    const closed = one(run.timeline, { kind: 'deadline-cancelled', rule: 'bonus', due: '2023-10-20' });
    expect(closed.at).toBe('2024-10-21T00:00:00+02:00');
    expect(closed.reason).toMatch(/^bonus-not-claimed/);
    // Reminders only: nobody is escalated to over a bonus claim, and nothing is sent after it closed.
    expect(entries(run.timeline, { kind: 'escalation', rule: 'bonus' })).toEqual([]);
    expect(entries(run.timeline, { kind: 'reminder' }).every((entry) => Date.parse(entry.at) < Date.parse(closed.at))).toBe(true);
    const last = run.runs.at(-1)!.history.events!.at(-1)!;
    expect(last.workflowExecutionCompletedEventAttributes, 'the workflow completed by itself').toBeTruthy();
  });
});
