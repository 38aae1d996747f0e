// The insatser the bench starts, and where their clocks are placed. Every insats is an AMI1
// aktualiserad on Tuesday 2025-12-23 (before Christmas), so bemanning is due Monday 2025-12-29
// with its reminder at 08:00 that morning, as in the walking-skeleton test.
import { defaultSettings, parseLocalDateTime } from '../domain';
import type { InsatsStart } from '../client/insats-client';
import { fixedOffsetClock, type Clock } from '../platform/clock';

export const ANORDNARE = 'bench-a1';
export const KVL = 'k1';

/** Each run's ids are its own, so a rerun against a kept Temporal server could not collide. */
const runTag = Date.now().toString(36);
export const insatsIdFor = (group: string, index: number) => `bench-${runTag}-${group}-${index}`;
export const insatsIdPrefix = (group: string) => `bench-${runTag}-${group}-`;
export const emptyWorkflowId = (group: string, index: number) => `bench-${runTag}-empty-${group}-${index}`;

export function insatsStart(insatsId: string, index: number): InsatsStart {
  return {
    insatsId,
    insatstyp: 'AMI1',
    rulebook: '2024',
    beslutsdatum: '2025-12-22',
    aktualiseringsdatum: '2025-12-23',
    anordnare: ANORDNARE,
    kvl: KVL,
    kundId: `kund-${index}`,
    kund: { ekonomisktBistand: true, arbetsformaga: 100 },
    // The API pins the settings on every insats it starts; the bench's insatser carry them too.
    settings: defaultSettings,
  };
}

/** The burst's insatser: spread over 40 anordnare and 60 kvl, as a municipality's would be. */
export const BURST_ANORDNARE = 40;
export const BURST_KVL = 60;
export function burstInsatsStart(insatsId: string, index: number): InsatsStart {
  return { ...insatsStart(insatsId, index), anordnare: `bench-a${index % BURST_ANORDNARE}`, kvl: `bench-k${index % BURST_KVL}` };
}

/**
 * 10:00 on the aktualisering day: the next thing any such insats does is at midnight, 14 hours
 * of workflow time away, so nothing falls due while the bench runs.
 */
export const quietClock = (): Clock => fixedOffsetClock(parseLocalDateTime('2025-12-23T10:00'));

/** The bemanning reminders of insatser started with this clock go out at `dueAt` (real time). */
export function clockWithRemindersAt(dueAt: number): Clock {
  return fixedOffsetClock(new Date(parseLocalDateTime('2025-12-29T08:00').getTime() - (dueAt - Date.now())));
}
