// `slutrapport`: the final report with the reason for avslut (2023 §6.6; 2024 §9.2).
import type { LocalDate } from '../calendar';
import { slutdatumOf, type Insats } from '../insats';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

/**
 * Without an earlier avslut the report is due on the slutdatum ("innan insatstiden är slut").
 * An avslut before the slutdatum, or of an insats without one, moves it to avslut + 14 days
 * ("senast 14 dagar efter avslutad insats", a reading for every early avslut). Undefined for an
 * open-ended insats that has not ended. The two have different occurrences (`slutdatum`, `avslut`),
 * so an early avslut supersedes the first without reusing its reminders.
 */
export function slutrapportDeadline(insats: Insats, settings: Settings, avslutsdatum?: LocalDate): Deadline | undefined {
  const slutdatum = slutdatumOf(insats, settings);
  const section = insats.rulebook === '2024' ? '2023 §6.6; 2024 §9.2' : '2023 §6.6';
  if (avslutsdatum && (!slutdatum || avslutsdatum < slutdatum)) {
    return makeDeadline('slutrapport', {
      occurrence: 'avslut',
      openedOn: avslutsdatum,
      due: addPeriod(avslutsdatum, settings.deadlines.slutrapportAfterAvslut),
      section,
    });
  }
  if (!slutdatum) return undefined;
  return makeDeadline('slutrapport', { occurrence: 'slutdatum', openedOn: insats.beslutsdatum, due: slutdatum, section });
}
