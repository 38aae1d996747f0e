// `sfi-niva` (SAI): each SFI level "beräknas ta max sex månader" (2023 §2.3.2); when the teacher or
// the kvl signals it will not be reached in time, the anordnare contacts the school (§2.3.2.1, §4.3).
import type { LocalDate } from '../calendar';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

/** After an `sfi-risk` signal: the anordnare contacts the school about causes and extra support. */
export function sfiKontaktDeadline(signalOn: LocalDate, settings: Settings): Deadline {
  return makeDeadline('sfi-niva', {
    occurrence: `kontakt-${signalOn}`,
    openedOn: signalOn,
    due: addPeriod(signalOn, settings.deadlines.sfi.contactSchool),
    section: '2023 §2.3.2.1, §4.3',
  });
}

/** The level started on `levelStart` should be done within 6 months; past that, anordnare and kvl are told. */
export function sfiNivaDeadline(levelStart: LocalDate, settings: Settings): Deadline {
  return makeDeadline('sfi-niva', {
    occurrence: `niva-${levelStart}`,
    openedOn: levelStart,
    due: addPeriod(levelStart, settings.deadlines.sfi.levelEstimate),
    section: '2023 §2.3.2',
  });
}
