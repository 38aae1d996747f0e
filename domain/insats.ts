// The facts of one insats that the rules need: type, rulebook, decision and end dates, uppdrag flags.
import { addDays, type LocalDate } from './calendar';
import type { Insatstyp, Rulebook } from './insatstyp';
import { addPeriod } from './period';
import type { Settings } from './settings';

export interface Insats {
  insatstyp: Insatstyp;
  rulebook: Rulebook;
  beslutsdatum: LocalDate;
  /** The granted end date (the last day of the insatstid), when the decision names one. */
  slutdatum?: LocalDate;
  /** The uppdrag says a praktik is needed (2023 §2.1.1 for JPG, 2024 §7.3 for AMI1). */
  praktikBehov?: boolean;
}

/**
 * The last day of the insatstid: the decision's slutdatum, else beslutsdatum + the configured
 * insatstid − 1 day (AMI2: 12 insats months end the day before the same date a year later).
 * JPG, FJP and SAI are open-ended (2023 §2): undefined unless the decision names a date.
 */
export function slutdatumOf(insats: Insats, settings: Settings): LocalDate | undefined {
  if (insats.slutdatum) return insats.slutdatum;
  const insatstid = settings.insatstid[insats.insatstyp];
  return insatstid ? addDays(addPeriod(insats.beslutsdatum, insatstid), -1) : undefined;
}
