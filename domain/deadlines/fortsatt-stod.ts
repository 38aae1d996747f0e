// `fortsatt-stod` (FJP): continued support after a job or study start "under en uppstartsfas om
// maximalt tre månader", decided by the kvl with the arbetsledare (2023 §2.2.2).
import type { LocalDate } from '../calendar';
import type { Insats } from '../insats';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

/** The support ends by the job/study start + 3 months; undefined for other insatstyper than FJP. */
export function fortsattStodDeadline(insats: Insats, startdatum: LocalDate, settings: Settings): Deadline | undefined {
  if (insats.insatstyp !== 'FJP') return undefined;
  return makeDeadline('fortsatt-stod', {
    openedOn: startdatum,
    due: addPeriod(startdatum, settings.deadlines.fortsattStod),
    section: '2023 §2.2.2',
  });
}
