// An insats with no slutdatum and no fixed insatstid (2023 JPG, FJP, SAI) ends by itself at the
// longest insatstid on the bounded path (setting aktualisering.longestInsatstid): no report month
// opens past it, so none is owed that no event could meet (domain/event-dates.ts).
import { describe, expect, it } from 'vitest';
import { atLocalTime } from '../../domain';
import { InsatsState } from '../../workflows/insats-state';
import type { InsatsWorkflowInput } from '../../workflows/types';

const fjp: InsatsWorkflowInput = {
  insatsId: 'FJP-OPEN',
  insatstyp: 'FJP',
  rulebook: '2023',
  beslutsdatum: '2023-10-02',
  aktualiseringsdatum: '2026-12-02',
  anordnare: 'a1',
  kvl: 'k1',
  kundId: 'kund-1',
  kund: { ekonomisktBistand: true, arbetsformaga: 50 },
  progress: { bemannadOn: '2023-10-03', uppdragInlagtOn: '2023-10-04', planGodkandOn: '2023-11-01', reportedThrough: '2026-10', lastTrepartOn: '2026-09-15' },
};

function reportMonths(state: InsatsState): string[] {
  return state.record.deadlines.filter((deadline) => deadline.rule === 'manadsrapport').map((deadline) => deadline.occurrence).sort();
}

describe('an open-ended insats at the longest insatstid (60 months from beslutsdatum)', () => {
  it('ends on the day after its last day, owing the reports through that month and the slutrapport', () => {
    const state = new InsatsState(fjp, atLocalTime('2026-12-02', '10:00'), { bounded: true, openEndedEnds: true });
    state.tick(atLocalTime('2028-10-01', '00:00'));
    expect(state.phase).toBe('pagaende');

    state.tick(atLocalTime('2028-10-02', '00:00'));
    expect(state.phase).toBe('avslutad');
    expect(state.record.facts.endedOn).toBe('2028-10-01');
    expect(reportMonths(state).at(-1)).toBe('2028-10');
    expect(state.openDeadlines().map((deadline) => deadline.rule)).toContain('slutrapport');

    // Months later, no report month past the last day has opened.
    state.tick(atLocalTime('2029-03-01', '00:00'));
    expect(reportMonths(state).at(-1)).toBe('2028-10');
  });

  it.each([
    ['before bounded-insats', { bounded: false }],
    ['after bounded-insats, before open-ended-ends', { bounded: true }],
  ])('runs on where the insats started %s, as it did (workflows/insats-workflow.ts)', (_when, options) => {
    const state = new InsatsState(fjp, atLocalTime('2026-12-02', '10:00'), options);
    state.tick(atLocalTime('2028-10-02', '00:00'));
    expect(state.phase).not.toBe('avslutad');
    expect(state.record.facts.endedOn).toBeUndefined();
  });
});
