// `tillaggscheck`: the kvl decides, with the arbetsledare, on an application for a tilläggscheck
// of 5 000, 10 000 or 15 000 kr; "Anordnare får återkoppling om beslut inom fem arbetsdagar" (2023 §9.3).
import type { LocalDate } from '../calendar';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

export const TILLAGGSCHECK_BELOPP = [5_000, 10_000, 15_000] as const;

export function tillaggscheckDeadline(appliedOn: LocalDate, settings: Settings, occurrence: string = appliedOn): Deadline {
  return makeDeadline('tillaggscheck', {
    occurrence,
    openedOn: appliedOn,
    due: addPeriod(appliedOn, settings.deadlines.tillaggscheck),
    section: '2023 §9.3',
  });
}
