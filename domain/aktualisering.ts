// Whether an aktualisering may start an insats: eligibility on the kund facts (RULEBOOK.md,
// Eligibility at aktualisering) and dates in order. One check for the API and the simulator.
import type { LocalDate } from './calendar';
import { checkEligibility } from './eligibility';
import { rulebookFor, type Insatstyp, type Rulebook } from './insatstyp';
import type { Kund } from './kund';
import type { Settings } from './settings';

export interface AktualiseringCheck {
  rulebook: Rulebook;
  /** Every reason it is refused, with its section; empty when accepted. */
  problems: string[];
}

export function checkAktualisering(
  { insatstyp, beslutsdatum, aktualiseringsdatum, kund }: { insatstyp: Insatstyp; beslutsdatum: LocalDate; aktualiseringsdatum: LocalDate; kund: Kund },
  today: LocalDate,
  settings: Settings,
): AktualiseringCheck {
  const eligibility = checkEligibility({ kund, insatstyp, beslutsdatum }, settings);
  const problems = eligibility.failures.map((failure) => `${failure.message} (${failure.section})`);
  if (aktualiseringsdatum < beslutsdatum) problems.push('aktualiseringsdatum is before beslutsdatum');
  if (aktualiseringsdatum > today) problems.push(`aktualiseringsdatum ${aktualiseringsdatum} is in the future`);
  return { rulebook: rulebookFor(beslutsdatum, settings), problems };
}
