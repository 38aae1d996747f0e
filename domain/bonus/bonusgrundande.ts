// Whether an avslut grounds a bonus: 2023 §9.2 and 2024 §9. Every failed condition is returned
// with its section; conditions that can only be proven at the claim are listed as villkor.
import type { Avslut } from '../avslut';
import type { Rulebook } from '../insatstyp';

export interface BonusReason {
  code: string;
  section: string;
  message: string;
}

export interface BonusAssessment {
  bonusgrundande: boolean;
  /** The rule asks for an individual assessment (2023 §9.2.2: studiestartsstöd below full time). */
  individuellBedomning: boolean;
  failures: BonusReason[];
  /** What the claim must still prove. */
  villkor: BonusReason[];
}

const FIXED_TERM = ['visstid', 'nystartsjobb', 'introduktionsjobb', 'instegsjobb', 'osa'] as const;
const TEMPORARY = ['vikariat', 'behovsanstallning'] as const;

interface Collector {
  fail: (code: string, section: string, message: string) => void;
  villkor: (code: string, section: string, message: string) => void;
  individuellBedomning: () => void;
}

function arbete(rulebook: Rulebook, avslut: Avslut, arbetsformaga: number, c: Collector): void {
  const anstallning = avslut.anstallning;
  if (!anstallning) return c.fail('anstallning', rulebook === '2023' ? '2023 §9.2' : '2024 §9.2', 'the avslut names no anstallning');
  const section = rulebook === '2023' ? '2023 §9.2' : '2024 §9';
  const { form, omfattning, manader } = anstallning;
  if (form === 'timanstallning' && omfattning < 100) {
    c.fail('timanstallning-heltid', section, 'an hourly contract counts only at full time');
  }
  if (form === 'visstid' && manader === undefined) {
    c.fail('avtal-6-manader', section, 'a fixed-term contract must state its length, at least 6 months');
  }
  if ((FIXED_TERM as readonly string[]).includes(form) && manader !== undefined && manader < 6) {
    c.fail('avtal-6-manader', section, `a contract of ${manader} months is shorter than 6`);
  }
  if ((TEMPORARY as readonly string[]).includes(form)) {
    c.villkor('tillfallig-anstallning', rulebook === '2023' ? '2023 §9.2.1' : '2024 §9', 'a temporary job counts once 6 months are proven: an extended contract, or no ekonomiskt bistånd for 6 months');
  }
  const reducedArbetsformaga = arbetsformaga < 100;
  if (rulebook === '2023') {
    // "Omfattningen av tjänsten behöver innebära att kund blir självförsörjande eller vara på
    // heltid"; a household or reduced arbetsförmåga can make less than full time enough (§9.2.1).
    const selfSufficient = avslut.ekonomisktBistand === false || avslut.hushallsstod === true;
    if (omfattning < 100 && !selfSufficient && !reducedArbetsformaga) {
      c.fail('omfattning', '2023 §9.2.1', `${omfattning} % is neither full time nor stated to make the kund self-sufficient`);
    }
    if (avslut.ekonomisktBistand === true && !reducedArbetsformaga) {
      c.fail('ekonomiskt-bistand', '2023 §9.2.1', 'the kund is not self-sufficient: ekonomiskt bistånd remains');
    }
  } else {
    // 2024 §9.2.1 full time; §9.2.2 at least half time, also with support of others in the household.
    if (omfattning < 50) c.fail('omfattning', '2024 §9.2.2', `${omfattning} % is less than half time`);
    if (avslut.ekonomisktBistand === true) c.fail('ekonomiskt-bistand', '2024 §9', 'ekonomiskt bistånd remains after the avslut');
  }
  c.villkor('anstallningsintyg', rulebook === '2023' ? '2023 §9.2' : '2024 §9.2', 'an anställningsintyg proving at least 6 months');
}

function studier(rulebook: Rulebook, avslut: Avslut, kundEkonomisktBistand: boolean | undefined, c: Collector): void {
  const studier = avslut.studier;
  if (!studier) return c.fail('studier', rulebook === '2023' ? '2023 §9.2' : '2024 §9.3', 'the avslut names no studier');
  const { form, omfattning } = studier;
  if (form === 'ovrigt') {
    c.fail('studiemedel', rulebook === '2023' ? '2023 §9.2' : '2024 §9.3.1', 'only studies with a right to studiemedel from CSN count');
  } else if (form === 'studiestartsstod') {
    // Counts even if the household still needs ekonomiskt bistånd, at full time (2023 §9.2.2, 2024 §9.3.3).
    if (omfattning < 100 && rulebook === '2023') c.individuellBedomning();
    if (omfattning < 100 && rulebook === '2024') c.fail('studiestartsstod-heltid', '2024 §9.3.3', 'studiestartsstöd counts at full time only');
  } else if (rulebook === '2023') {
    // "Om kund ej har ekonomiskt bistånd räcker det med att kund söker bidragsdelen av studiemedel."
    if (form === 'csn-bidrag' && kundEkonomisktBistand !== false) {
      c.fail('studiemedel-bidrag', '2023 §9.2.2', 'the bidrag part alone counts only for a kund without ekonomiskt bistånd');
    }
    if (avslut.ekonomisktBistand === true) c.fail('ekonomiskt-bistand', '2023 §9.2.2', 'a studying household has no right to ekonomiskt bistånd: it must be self-sufficient');
  } else {
    // 2024 §9.3.1 asks that the studies give the right to bidrag and lån, not that both are taken.
    if (omfattning < 50) c.fail('studiemedel', '2024 §9.3.1', `${omfattning} % is less than half time, without a right to studiemedel`);
    else if (omfattning < 100 && avslut.hushallsstod !== true) {
      c.fail('hushallsstod', '2024 §9.3.4', 'studies below full time count only with support from others in the household');
    }
    if (avslut.ekonomisktBistand === true) c.fail('ekonomiskt-bistand', '2024 §9.3.6', 'a studying kund has no right to ekonomiskt bistånd');
  }
  c.villkor('studieintyg', rulebook === '2023' ? '2023 §9.2.2' : '2024 §9.3', 'a studieintyg');
}

/**
 * The avslut as it is recorded: bonus-grounding or not, and what the claim must prove.
 * `arbetsformaga` and `kundEkonomisktBistand` are the kund's facts at aktualisering.
 */
export function assessBonusgrundande({
  rulebook,
  avslut,
  arbetsformaga = 100,
  kundEkonomisktBistand,
}: {
  rulebook: Rulebook;
  avslut: Avslut;
  arbetsformaga?: number;
  kundEkonomisktBistand?: boolean;
}): BonusAssessment {
  const failures: BonusReason[] = [];
  const villkor: BonusReason[] = [];
  let individuellBedomning = false;
  const c: Collector = {
    fail: (code, section, message) => failures.push({ code, section, message }),
    villkor: (code, section, message) => villkor.push({ code, section, message }),
    individuellBedomning: () => {
      individuellBedomning = true;
    },
  };
  const section = rulebook === '2023' ? '2023 §9.2' : '2024 §9';
  if (avslut.orsak === 'arbete') arbete(rulebook, avslut, arbetsformaga, c);
  else if (avslut.orsak === 'studier') studier(rulebook, avslut, kundEkonomisktBistand, c);
  else c.fail('orsak', section, `an avslut for ${avslut.orsak} is not bonus-grounding: only employment or studies with studiemedel are`);
  if (avslut.tillfalligErsattning) {
    c.fail('tillfallig-ersattning', section, `self-sufficiency through ${avslut.tillfalligErsattning} is never bonus-grounding`);
  }
  c.villkor('hallbarhet', section, 'self-sufficient for 6 consecutive months after the avslut, without a break');
  if (rulebook === '2023') c.villkor('rapporter', '2023 §9.2', 'slutrapport, bonusrapport and the last månadsrapport approved by the kvl');
  return { bonusgrundande: failures.length === 0 && !individuellBedomning, individuellBedomning, failures, villkor };
}
