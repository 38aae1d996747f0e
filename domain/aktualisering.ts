// Whether an aktualisering may start an insats: eligibility on the kund facts (RULEBOOK.md,
// Eligibility at aktualisering), dates the rules can stand behind, and a progress that fits them.
// One check for the API, the import and the simulator.
import { addDays, addMonths, type LocalDate } from './calendar';
import { checkEligibility } from './eligibility';
import { rulebookFor, type Insatstyp, type Rulebook } from './insatstyp';
import type { Kund } from './kund';
import { addPeriod } from './period';
import { progressProblems, type Progress } from './progress';
import { settingsWithDefaults } from './settings-overrides';
import type { Settings } from './settings';

export interface AktualiseringCheck {
  rulebook: Rulebook;
  /** Every reason it is refused, with its section or setting; empty when accepted. */
  problems: string[];
}

export interface AktualiseringDates {
  beslutsdatum: LocalDate;
  aktualiseringsdatum: LocalDate;
  slutdatum?: LocalDate;
}

/** Every date of an aktualisering outside the bounds the rules hold (settings `aktualisering.*`). */
export function dateBoundProblems({ beslutsdatum, aktualiseringsdatum, slutdatum }: AktualiseringDates, today: LocalDate, pinned: Settings): string[] {
  const { earliestBeslutsdatum, maxYearsBeforeAktualisering, longestInsatstid } = settingsWithDefaults(pinned).aktualisering;
  const problems: string[] = [];
  if (beslutsdatum < earliestBeslutsdatum) {
    problems.push(`beslutsdatum ${beslutsdatum} is before ${earliestBeslutsdatum}, the earliest rulebook this service holds (setting aktualisering.earliestBeslutsdatum)`);
  }
  const earliestForAktualisering = addMonths(aktualiseringsdatum, -12 * maxYearsBeforeAktualisering);
  if (beslutsdatum < earliestForAktualisering) {
    problems.push(`beslutsdatum ${beslutsdatum} is more than ${maxYearsBeforeAktualisering} years before aktualiseringsdatum ${aktualiseringsdatum} (setting aktualisering.maxYearsBeforeAktualisering)`);
  }
  if (beslutsdatum > aktualiseringsdatum) problems.push(`beslutsdatum ${beslutsdatum} is after aktualiseringsdatum ${aktualiseringsdatum}`);
  if (aktualiseringsdatum > today) problems.push(`aktualiseringsdatum ${aktualiseringsdatum} is in the future`);
  if (slutdatum && slutdatum < beslutsdatum) problems.push(`slutdatum ${slutdatum} is before beslutsdatum ${beslutsdatum}`);
  const latestSlutdatum = addDays(addPeriod(beslutsdatum, longestInsatstid), -1);
  if (slutdatum && slutdatum > latestSlutdatum) {
    problems.push(`slutdatum ${slutdatum} is after ${latestSlutdatum}, the longest insatstid from beslutsdatum (setting aktualisering.longestInsatstid)`);
  }
  return problems;
}

export function checkAktualisering(
  aktualisering: AktualiseringDates & { insatstyp: Insatstyp; kund: Kund; progress?: Progress },
  today: LocalDate,
  settings: Settings,
): AktualiseringCheck {
  const { insatstyp, beslutsdatum, aktualiseringsdatum, kund, progress } = aktualisering;
  const eligibility = checkEligibility({ kund, insatstyp, beslutsdatum }, settings);
  const problems = eligibility.failures.map((failure) => `${failure.message} (${failure.section})`);
  problems.push(...dateBoundProblems(aktualisering, today, settings));
  if (progress) problems.push(...progressProblems(progress, beslutsdatum, aktualiseringsdatum));
  return { rulebook: rulebookFor(beslutsdatum, settings), problems };
}
