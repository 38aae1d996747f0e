// Eligibility at aktualisering: every failed condition with its section, never a thrown string.
// A failed check creates nothing (RULEBOOK.md, Insatstyper).
import type { LocalDate } from './calendar';
import { insatstyperIn, rulebookFor, type Insatstyp, type Rulebook } from './insatstyp';
import type { Kund } from './kund';
import type { Settings } from './settings';

export type EligibilityCondition = 'insatstyp' | 'malgrupp' | 'arbetshinder' | 'arbetsformaga' | 'af-program';

export interface EligibilityFailure {
  condition: EligibilityCondition;
  /** e.g. `2023 §2.1`. */
  section: string;
  message: string;
}

export interface EligibilityResult {
  eligible: boolean;
  rulebook: Rulebook;
  insatstyp: Insatstyp;
  failures: EligibilityFailure[];
}

interface Malgrupp {
  name: string;
  member: (kund: Kund, settings: Settings) => boolean;
}

// "mellan 18 och 67 år" is read inclusively: a kund aged 67 belongs, one aged 68 does not.
const between = (kund: Kund, min: number, max: number) => kund.alder >= min && kund.alder <= max;

// 2023 §1.1: the target groups of the kundval.
const UNGA_VUXNA: Malgrupp = { name: 'unga vuxna 18–24', member: (kund) => between(kund, 18, 24) };
const EKONOMISKT_BISTAND: Malgrupp = {
  name: 'ekonomiskt bistånd 18–67',
  member: (kund) => kund.ekonomisktBistand && between(kund, 18, 67),
};
// §2.2: "bristande språkkunskaper i svenska … som inte omfattas av etableringsprogrammet". The age
// is §1.1's 18–67, or §3.5's 18–65 for those without ekonomiskt bistånd: a setting.
const SPRAKSVAG_UTANFOR_ETABLERING: Malgrupp = {
  name: 'svenska ett hinder, utanför etableringsprogrammet',
  member: (kund, settings) =>
    kund.svenskaHinder && !kund.etableringsprogram && between(kund, 18, settings.eligibility.svenskaHinderMaxAlder2023),
};
// §2.3, §1.1: Swedish a barrier, in the etableringsprogram (18–67, also in §3.5) or not (setting).
const SVENSKA_HINDER: Malgrupp = {
  name: 'svenska ett hinder',
  member: (kund, settings) =>
    kund.svenskaHinder &&
    between(kund, 18, kund.etableringsprogram || kund.ekonomisktBistand ? 67 : settings.eligibility.svenskaHinderMaxAlder2023),
};

// 2024 §1.3.
const NACKABO_EKONOMISKT_BISTAND: Malgrupp = {
  name: 'Nackabo med ekonomiskt bistånd 18–66',
  member: (kund) => kund.nackabo && kund.ekonomisktBistand && between(kund, 18, 66),
};
const KAA: Malgrupp = { name: 'ungdom inom kommunala aktivitetsansvaret 18–20', member: (kund) => kund.kaa && between(kund, 18, 20) };
const UNGA_VUXNA_UTANFOR: Malgrupp = {
  name: 'unga vuxna 18–24 utanför arbete och studier',
  member: (kund) => kund.utanforArbeteOchStudier && between(kund, 18, 24),
};
const EFTER_ETABLERINGSTIDEN: Malgrupp = {
  name: 'Nackabo efter etableringstiden med svenska som arbetshinder',
  member: (kund) => kund.nackabo && !kund.etableringsprogram && kund.svenskaHinder,
};
const MALGRUPPER_2024 = [NACKABO_EKONOMISKT_BISTAND, KAA, UNGA_VUXNA_UTANFOR, EFTER_ETABLERINGSTIDEN];

const MALGRUPPER: Record<Insatstyp, { section: string; groups: Malgrupp[] }> = {
  JPG: { section: '2023 §2.1', groups: [UNGA_VUXNA, EKONOMISKT_BISTAND] },
  FJP: { section: '2023 §2.2', groups: [UNGA_VUXNA, EKONOMISKT_BISTAND, SPRAKSVAG_UTANFOR_ETABLERING] },
  SAI: { section: '2023 §2.3, §1.1', groups: [SVENSKA_HINDER] },
  AMI1: { section: '2024 §1.3', groups: MALGRUPPER_2024 },
  AMI2: { section: '2024 §1.3', groups: MALGRUPPER_2024 },
};

function conditionsOf(kund: Kund, insatstyp: Insatstyp, rulebook: Rulebook, settings: Settings): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  const fail = (condition: EligibilityCondition, section: string, message: string) => failures.push({ condition, section, message });

  const { section, groups } = MALGRUPPER[insatstyp];
  if (!groups.some((group) => group.member(kund, settings))) {
    fail('malgrupp', section, `the kund is in none of the target groups of ${insatstyp}: ${groups.map((group) => group.name).join('; ')}`);
  }
  if ((insatstyp === 'JPG' || insatstyp === 'AMI1') && kund.arbetshinder) {
    fail('arbetshinder', insatstyp === 'JPG' ? '2023 §2.1' : '2024 §7', `${insatstyp} is for kunder without a stated arbetshinder`);
  }
  // 2023 §2.1 is headed "Jobbpeng grund – för kunder med full arbetsförmåga"; 2024 §7.1 likewise for AMI1.
  if ((insatstyp === 'JPG' || insatstyp === 'AMI1') && kund.arbetsformaga < 100) {
    fail('arbetsformaga', insatstyp === 'JPG' ? '2023 §2.1' : '2024 §1.3, §7.1', `${insatstyp} needs full arbetsförmåga, the kund has ${kund.arbetsformaga} %`);
  }
  if (insatstyp === 'AMI2' && kund.arbetsformaga < 25) {
    fail('arbetsformaga', '2024 §1.3, §8', `AMI2 needs an arbetsförmåga of at least 25 %, the kund has ${kund.arbetsformaga} %`);
  }
  if (kund.afProgram) {
    fail(
      'af-program',
      rulebook === '2023' ? '2023 §7.4' : '2023 §7.4 (inherited); 2024 §1.3.3',
      'a kund enrolled in an Arbetsförmedlingen programme with AF compensation may not be granted an insats',
    );
  }
  return failures;
}

/** Whether `kund` may be granted `insatstyp` with the given beslutsdatum, and every reason why not. */
export function checkEligibility(
  { kund, insatstyp, beslutsdatum }: { kund: Kund; insatstyp: Insatstyp; beslutsdatum: LocalDate },
  settings: Settings,
): EligibilityResult {
  const rulebook = rulebookFor(beslutsdatum, settings);
  const failures: EligibilityFailure[] = [];
  if (!insatstyperIn(rulebook).includes(insatstyp)) {
    failures.push({
      condition: 'insatstyp',
      section: rulebook === '2023' ? '2023 §2' : '2024 §1.1',
      message: `${insatstyp} is not an insatstyp of the ${rulebook} rulebook in force on ${beslutsdatum}`,
    });
  }
  failures.push(...conditionsOf(kund, insatstyp, rulebook, settings));
  return { eligible: failures.length === 0, rulebook, insatstyp, failures };
}
