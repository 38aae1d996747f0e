// Aktualisering → bemanning → uppdrag: the first two working days of an insats (2023 §6.2.1).
import { nextWorkingDay, type LocalDate } from '../calendar';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

/**
 * `bemanning`: the anordnare staffs the case "samma dag eller vardagen därpå", i.e. by the next
 * working day after aktualisering; escalated to the kvl, then the kundkoordinator.
 * 2023 §6.2.1 (inherited for 2024).
 */
export function bemanningDeadline(aktualiseringsdatum: LocalDate): Deadline {
  return makeDeadline('bemanning', {
    openedOn: aktualiseringsdatum,
    due: nextWorkingDay(aktualiseringsdatum),
    section: '2023 §6.2.1',
  });
}

/** `uppdrag`: the kvl lodges uppdrag and underlag "inom två dagar" after the bemanning message. 2023 §6.2.1. */
export function uppdragDeadline(bemanningsdatum: LocalDate, settings: Settings): Deadline {
  return makeDeadline('uppdrag', {
    openedOn: bemanningsdatum,
    due: addPeriod(bemanningsdatum, settings.deadlines.uppdrag),
    section: '2023 §6.2.1',
  });
}
