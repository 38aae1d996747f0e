// The deadlines an insats opens when it is aktualiserad and when the anordnare has staffed it.
import type { LocalDate } from '../calendar';
import type { Insats } from '../insats';
import type { Settings } from '../settings';
import { appliesTo } from './applicability';
import { arbetsplatsDeadline } from './arbetsplats';
import { bemanningDeadline, uppdragDeadline } from './bemanning';
import type { Deadline } from './deadline';
import { genomforandeplanDeadline } from './genomforandeplan';
import { omprovningDeadline } from './omprovning';
import { slutrapportDeadline } from './slutrapport';
import { trepartDeadlines } from './trepart';

function applicable(insats: Insats, settings: Settings, deadlines: (Deadline | undefined)[]): Deadline[] {
  return deadlines.filter((deadline): deadline is Deadline => deadline !== undefined && appliesTo(deadline.rule, insats, settings));
}

/**
 * At aktualisering: bemanning, and the clocks that run from beslutsdatum (trepart schedule,
 * arbetsplats, omprövning, slutrapport on a known slutdatum).
 */
export function deadlinesOnAktualisering(insats: Insats, aktualiseringsdatum: LocalDate, settings: Settings): Deadline[] {
  return applicable(insats, settings, [
    bemanningDeadline(aktualiseringsdatum),
    ...trepartDeadlines(insats, settings),
    arbetsplatsDeadline(insats, settings),
    omprovningDeadline(insats, settings),
    slutrapportDeadline(insats, settings),
  ]);
}

/** At bemanning: the kvl's uppdrag and the anordnare's first genomförandeplan (2023 §6.2.1, §6.3.1; 2024 §3). */
export function deadlinesOnBemanning(insats: Insats, bemanningsdatum: LocalDate, settings: Settings): Deadline[] {
  return applicable(insats, settings, [
    uppdragDeadline(bemanningsdatum, settings),
    genomforandeplanDeadline(insats, bemanningsdatum, settings),
  ]);
}
