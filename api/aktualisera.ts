// The aktualisering of one insats: the rules' check (eligibility, date bounds, progress), then the
// start of its workflow. One rule in one place for POST /api/insatser and the import.
import type { InsatsClient } from '../client/insats-client';
import { checkAktualisering, localDateOf, type Aktualisering, type Insatstyp, type LocalDate, type Rulebook, type Settings } from '../domain';
import type { Clock } from '../platform/clock';
import { HttpProblem } from './problem';

export interface AktualiseringDependencies {
  insatser: InsatsClient;
  clock: Clock;
  settings: Settings;
}

export interface AktualiseringStarted {
  id: string;
  workflowId: string;
  rulebook: Rulebook;
  insatstyp: Insatstyp;
  aktualiseringsdatum: LocalDate;
}

/**
 * Starts the insats `aktualisering` describes. Throws HttpProblem 422 with every problem the rules
 * find (each that names a field also in `invalidParams`, its path under `paramsUnder`), and
 * InsatsAlreadyExistsError when the id is taken; either way nothing is created.
 */
export async function aktualisera(
  aktualisering: Aktualisering,
  { insatser, clock, settings }: AktualiseringDependencies,
  { paramsUnder = 'body' }: { paramsUnder?: string } = {},
): Promise<AktualiseringStarted> {
  const today = localDateOf(clock.now());
  const aktualiseringsdatum = aktualisering.aktualiseringsdatum ?? today;
  const { rulebook, problems, issues } = checkAktualisering({ ...aktualisering, aktualiseringsdatum }, today, settings);
  if (problems.length > 0) {
    const invalidParams = issues.flatMap(({ field, message }) => (field ? [{ path: [paramsUnder, field].filter(Boolean).join('.'), reason: message }] : []));
    throw new HttpProblem(422, 'Aktualisering not accepted', problems.join('; '), invalidParams);
  }
  const { workflowId } = await insatser.startInsats({
    insatsId: aktualisering.id,
    insatstyp: aktualisering.insatstyp,
    rulebook,
    beslutsdatum: aktualisering.beslutsdatum,
    aktualiseringsdatum,
    anordnare: aktualisering.anordnare,
    kvl: aktualisering.kvl,
    kundId: aktualisering.kundId,
    kund: { ekonomisktBistand: aktualisering.kund.ekonomisktBistand, arbetsformaga: aktualisering.kund.arbetsformaga },
    ...(aktualisering.slutdatum ? { slutdatum: aktualisering.slutdatum } : {}),
    ...(aktualisering.praktikBehov !== undefined ? { praktikBehov: aktualisering.praktikBehov } : {}),
    ...(aktualisering.progress ? { progress: aktualisering.progress } : {}),
    settings,
  });
  return { id: aktualisering.id, workflowId, rulebook, insatstyp: aktualisering.insatstyp, aktualiseringsdatum };
}
