// The bonus claim six months after the avslut: the avslut grounded a bonus, and the six months
// held (2023 §9.2 "hållbarhetskrav på 6 månader i följd"; 2024 §9).
import type { Avslut } from '../avslut';
import type { LocalDate } from '../calendar';
import type { Rulebook } from '../insatstyp';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { assessBonusgrundande, type BonusAssessment } from './bonusgrundande';

export interface Hallbarhet {
  /** The last day the intyg prove self-sufficiency through. */
  provenThrough: LocalDate;
  /** The kund (household, for studies) received ekonomiskt bistånd during the period. */
  ekonomisktBistand: boolean;
  /** The job or studies broke off during the period. */
  avbrott: boolean;
}

export function assessBonusClaim(
  {
    rulebook,
    avslut,
    avslutsdatum,
    hallbarhet,
    arbetsformaga,
    kundEkonomisktBistand,
  }: {
    rulebook: Rulebook;
    avslut: Avslut;
    avslutsdatum: LocalDate;
    hallbarhet: Hallbarhet;
    arbetsformaga?: number;
    kundEkonomisktBistand?: boolean;
  },
  settings: Settings,
): BonusAssessment {
  const assessment = assessBonusgrundande({
    rulebook,
    avslut,
    ...(arbetsformaga === undefined ? {} : { arbetsformaga }),
    ...(kundEkonomisktBistand === undefined ? {} : { kundEkonomisktBistand }),
  });
  const failures = [...assessment.failures];
  const section = rulebook === '2023' ? '2023 §9.2' : '2024 §9';
  const until = addPeriod(avslutsdatum, settings.bonus.hallbarhet);
  if (hallbarhet.provenThrough < until) {
    failures.push({ code: 'hallbarhet', section, message: `self-sufficiency is proven through ${hallbarhet.provenThrough}, not through ${until}` });
  }
  if (hallbarhet.avbrott) failures.push({ code: 'avbrott', section, message: 'the job or studies broke off within the 6 months' });
  // Studiestartsstöd at full time counts even with ekonomiskt bistånd (2023 §9.2.2, 2024 §9.3.3);
  // reduced arbetsförmåga may leave the family not self-sufficient (2023 §9.2.1).
  const bistandAllowed =
    avslut.studier?.form === 'studiestartsstod' || (rulebook === '2023' && arbetsformaga !== undefined && arbetsformaga < 100);
  if (hallbarhet.ekonomisktBistand && !bistandAllowed) {
    failures.push({ code: 'ekonomiskt-bistand', section, message: 'ekonomiskt bistånd was paid during the 6 months' });
  }
  return {
    bonusgrundande: failures.length === 0 && !assessment.individuellBedomning,
    individuellBedomning: assessment.individuellBedomning,
    failures,
    villkor: [],
  };
}
