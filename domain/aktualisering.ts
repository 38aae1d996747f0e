// Whether an aktualisering may start an insats: eligibility on the kund facts (RULEBOOK.md,
// Eligibility at aktualisering), dates the rules can stand behind, and a progress that fits them.
// One check for the API, the import and the simulator.
import { addDays, addMonths, type LocalDate } from './calendar';
import { checkEligibility, type EligibilityCondition } from './eligibility';
import { rulebookFor, type Insatstyp, type Rulebook } from './insatstyp';
import type { Kund } from './kund';
import { addPeriod } from './period';
import { progressIssues, type Progress } from './progress';
import { settingsWithDefaults } from './settings-overrides';
import type { Settings } from './settings';

export interface AktualiseringCheck {
  rulebook: Rulebook;
  /** Every reason it is refused, with its section or setting; empty when accepted. */
  problems: string[];
  /** The same reasons in the same order, each with the field it is about. */
  issues: AktualiseringIssue[];
}

export interface AktualiseringIssue {
  /** The aktualisering's field as a path (`beslutsdatum`, `kund.arbetsformaga`, `progress.bemannadOn`); absent when no one field is. */
  field?: string;
  message: string;
}

// The kund fact each eligibility condition reads; a kund outside every målgrupp is about several.
const ELIGIBILITY_FIELD: Record<EligibilityCondition, string | undefined> = {
  insatstyp: 'insatstyp',
  malgrupp: undefined,
  arbetshinder: 'kund.arbetshinder',
  arbetsformaga: 'kund.arbetsformaga',
  'af-program': 'kund.afProgram',
};

export interface AktualiseringDates {
  beslutsdatum: LocalDate;
  aktualiseringsdatum: LocalDate;
  slutdatum?: LocalDate;
}

/** Every date of an aktualisering outside the bounds the rules hold (settings `aktualisering.*`), each with the date it is about. */
export function dateBoundIssues({ beslutsdatum, aktualiseringsdatum, slutdatum }: AktualiseringDates, today: LocalDate, pinned: Settings): AktualiseringIssue[] {
  const { earliestBeslutsdatum, maxYearsBeforeAktualisering, longestInsatstid } = settingsWithDefaults(pinned).aktualisering;
  const issues: AktualiseringIssue[] = [];
  const problem = (field: keyof AktualiseringDates, message: string) => issues.push({ field, message });
  if (beslutsdatum < earliestBeslutsdatum) {
    problem('beslutsdatum', `beslutsdatum ${beslutsdatum} is before ${earliestBeslutsdatum}, the earliest rulebook this service holds (setting aktualisering.earliestBeslutsdatum)`);
  }
  const earliestForAktualisering = addMonths(aktualiseringsdatum, -12 * maxYearsBeforeAktualisering);
  if (beslutsdatum < earliestForAktualisering) {
    problem('beslutsdatum', `beslutsdatum ${beslutsdatum} is more than ${maxYearsBeforeAktualisering} years before aktualiseringsdatum ${aktualiseringsdatum} (setting aktualisering.maxYearsBeforeAktualisering)`);
  }
  if (beslutsdatum > aktualiseringsdatum) problem('beslutsdatum', `beslutsdatum ${beslutsdatum} is after aktualiseringsdatum ${aktualiseringsdatum}`);
  if (aktualiseringsdatum > today) problem('aktualiseringsdatum', `aktualiseringsdatum ${aktualiseringsdatum} is in the future`);
  if (slutdatum && slutdatum < beslutsdatum) problem('slutdatum', `slutdatum ${slutdatum} is before beslutsdatum ${beslutsdatum}`);
  const latestSlutdatum = addDays(addPeriod(beslutsdatum, longestInsatstid), -1);
  if (slutdatum && slutdatum > latestSlutdatum) {
    problem('slutdatum', `slutdatum ${slutdatum} is after ${latestSlutdatum}, the longest insatstid from beslutsdatum (setting aktualisering.longestInsatstid)`);
  }
  return issues;
}

export function checkAktualisering(
  aktualisering: AktualiseringDates & { insatstyp: Insatstyp; kund: Kund; progress?: Progress },
  today: LocalDate,
  settings: Settings,
): AktualiseringCheck {
  const { insatstyp, beslutsdatum, aktualiseringsdatum, kund, progress } = aktualisering;
  const eligibility = checkEligibility({ kund, insatstyp, beslutsdatum }, settings);
  const issues: AktualiseringIssue[] = eligibility.failures.map((failure) => {
    const field = ELIGIBILITY_FIELD[failure.condition];
    return { ...(field ? { field } : {}), message: `${failure.message} (${failure.section})` };
  });
  issues.push(...dateBoundIssues(aktualisering, today, settings));
  if (progress) issues.push(...progressIssues(progress, beslutsdatum, aktualiseringsdatum));
  return { rulebook: rulebookFor(beslutsdatum, settings), problems: issues.map((issue) => issue.message), issues };
}
