// `omprovning`: "När insatserna Språk och arbetsintroduktion eller Förstärkt jobbpeng pågått under
// ett år görs en omprövning utifrån kundens progression" (2023 §7).
import type { Insats } from '../insats';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

/** Beslutsdatum + 12 months for FJP and SAI; undefined for the other insatstyper. */
export function omprovningDeadline(insats: Insats, settings: Settings): Deadline | undefined {
  if (insats.insatstyp !== 'FJP' && insats.insatstyp !== 'SAI') return undefined;
  return makeDeadline('omprovning', {
    openedOn: insats.beslutsdatum,
    due: addPeriod(insats.beslutsdatum, settings.deadlines.omprovning),
    section: '2023 §7',
  });
}
