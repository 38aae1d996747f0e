// The scenario format with several insatser (`insatser:`, events naming theirs with `insats:`):
// what parses, into which form, and the errors naming the path for what does not fit together.
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../simulator/scenario';

const insats = (id: string) => ({ id, typ: 'AMI1', beslutsdatum: '2025-03-03', anordnare: 'a1', kvl: 'k1', kund: { id: `kund-${id}`, alder: 30, ekonomisktBistand: true } });

const two = {
  insatser: [insats('A'), insats('B')],
  events: [
    { at: '2025-03-03T09:00', insats: 'A', type: 'aktualiserad' },
    { at: '2025-03-03T09:30', insats: 'B', type: 'aktualiserad' },
    { at: '2025-03-04T10:00', insats: 'B', type: 'bemannad' },
  ],
  until: '2025-03-10',
};

/** The lines ScenarioError names, path first, without the heading. */
function problems(value: unknown): string[] {
  try {
    parseScenario(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    const [heading, ...lines] = (error as Error).message.split('\n');
    expect(heading).toBe('malformed scenario:');
    return lines.map((line) => line.trim());
  }
  throw new Error('the scenario parsed');
}

describe('parseScenario with insatser', () => {
  it('parses several insatser, each event keeping the insats it names', () => {
    const scenario = parseScenario(two);
    expect(scenario.insatser.map(({ id }) => id)).toEqual(['A', 'B']);
    expect(scenario.events.map((event) => [event.insats, event.type])).toEqual([
      ['A', 'aktualiserad'],
      ['B', 'aktualiserad'],
      ['B', 'bemannad'],
    ]);
  });

  it('reads the single form as a list of one, every event going to its insats', () => {
    const scenario = parseScenario({ insats: insats('S'), events: [{ at: '2025-03-03T09:00', type: 'aktualiserad' }, { at: '2025-03-04T10:00', type: 'bemannad' }], until: '2025-03-10' });
    expect(scenario.insatser.map(({ id }) => id)).toEqual(['S']);
    expect(scenario.events.map((event) => event.insats)).toEqual(['S', 'S']);
    expect(scenario).not.toHaveProperty('insats');
  });

  it('refuses an event naming an insats the scenario does not have', () => {
    expect(problems({ ...two, events: [...two.events, { at: '2025-03-05T10:00', insats: 'C', type: 'bemannad' }] })).toEqual(['events.3.insats: names no insats of the scenario: C (insatser: A, B)']);
    expect(problems({ insats: insats('S'), events: [{ at: '2025-03-03T09:00', type: 'aktualiserad' }, { at: '2025-03-04T10:00', insats: 'T', type: 'bemannad' }], until: '2025-03-10' })).toEqual([
      'events.1.insats: names no insats of the scenario: T (insats: S)',
    ]);
  });

  it('refuses an event that names no insats when there are several', () => {
    expect(problems({ ...two, events: [...two.events, { at: '2025-03-05T10:00', type: 'bemannad' }] })).toEqual(['events.3.insats: required with several insatser: one of A, B']);
  });

  it('refuses two insatser with one id', () => {
    expect(problems({ ...two, insatser: [insats('A'), insats('B'), insats('A')] })).toEqual(['insatser.2.id: A is already the id of insatser.0']);
  });

  it('refuses an insats without an aktualiserad event, and an event before its aktualiserad', () => {
    expect(problems({ ...two, events: two.events.filter((event) => event.insats === 'A') })).toEqual(['insatser.1: insats B has no aktualiserad event ({ type: aktualiserad, insats: B })']);
    expect(
      problems({
        ...two,
        events: [two.events[0], { at: '2025-03-03T09:10', insats: 'B', type: 'bemannad' }, ...two.events.slice(1)],
      }),
    ).toEqual(['events.1: comes before the aktualiserad of insats B, which starts it']);
  });

  it('refuses insats and insatser both, and neither', () => {
    expect(problems({ ...two, insats: insats('S') })).toEqual(['insatser: give insats (one) or insatser (several), not both']);
    const { insatser: _insatser, ...neither } = two;
    expect(problems(neither)).toEqual(['insats: give insats (one) or insatser (several)']);
  });

  it('names the path of a bad field inside an insats of the list', () => {
    expect(problems({ ...two, insatser: [insats('A'), { ...insats('B'), typ: 'AMI3' }] })).toEqual([expect.stringMatching(/^insatser\.1\.typ: /)]);
  });

  it('refuses events out of time order across insatser', () => {
    expect(problems({ ...two, events: [two.events[1], two.events[0], two.events[2]] })).toEqual(['events: events are in time order']);
  });
});
