// What starts one insats of a scenario: its aktualisering checked as the API checks it (eligibility,
// dates), and the workflow input built from the scenario's insats and the day of its aktualiserad.
import { checkAktualisering, type Settings } from '../domain';
import type { InsatsStart } from '../client/insats-client';
import type { ScenarioInsats } from './scenario';

export type InsatsStartCheck = { ok: true; start: InsatsStart } | { ok: false; problems: string[] };

export function insatsStart(insats: ScenarioInsats, aktualiseradAt: string, settings: Settings): InsatsStartCheck {
  const aktualiseringsdatum = aktualiseradAt.slice(0, 10);
  const check = checkAktualisering(
    { insatstyp: insats.typ, beslutsdatum: insats.beslutsdatum, aktualiseringsdatum, kund: insats.kund },
    aktualiseringsdatum,
    settings,
  );
  if (check.problems.length > 0) return { ok: false, problems: check.problems };
  return {
    ok: true,
    start: {
      insatsId: insats.id,
      insatstyp: insats.typ,
      rulebook: insats.rulebook ?? check.rulebook,
      beslutsdatum: insats.beslutsdatum,
      aktualiseringsdatum,
      ...(insats.slutdatum ? { slutdatum: insats.slutdatum } : {}),
      ...(insats.praktikBehov !== undefined ? { praktikBehov: insats.praktikBehov } : {}),
      anordnare: insats.anordnare,
      kvl: insats.kvl,
      kundId: insats.kund.id,
      kund: { ekonomisktBistand: insats.kund.ekonomisktBistand, arbetsformaga: insats.kund.arbetsformaga },
      settings,
    },
  };
}
