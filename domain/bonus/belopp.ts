// The bonus amount: 2023 §9.2 a fixed bonus; 2024 §10.2 the resultatbonus, by insatstyp and, for
// AMI2, by the insats month of the avslut; only for an avslut before the granted slutdatum.
import type { LocalDate } from '../calendar';
import { slutdatumOf, type Insats } from '../insats';
import { insatsMonthOf } from '../insats-month';
import { kronorToOre, type Ore } from '../money';
import type { Settings } from '../settings';

export interface BonusBelopp {
  amount: Ore;
  /** Share of the full bonus, percent. */
  percent: number;
  /** The insats month of the avslut (2024). */
  insatsMonth?: number;
  section: string;
  reason: string;
}

/** The bonus a bonus-grounding avslut on `avslutsdatum` earns once the claim is approved. */
export function bonusBelopp({ insats, avslutsdatum }: { insats: Insats; avslutsdatum: LocalDate }, settings: Settings): BonusBelopp {
  if (insats.rulebook === '2023') {
    return { amount: kronorToOre(settings.bonus.belopp2023), percent: 100, section: '2023 §9.2', reason: 'the 2023 bonus' };
  }
  const full = kronorToOre(settings.bonus.resultatbonus);
  const insatsMonth = insatsMonthOf(insats.beslutsdatum, avslutsdatum);
  const slutdatum = slutdatumOf(insats, settings);
  if (!slutdatum || avslutsdatum >= slutdatum) {
    return { amount: 0, percent: 0, insatsMonth, section: '2024 §10.2', reason: `no resultatbonus: the avslut is not before the slutdatum ${slutdatum ?? '(none)'}` };
  }
  if (insats.insatstyp === 'AMI1') {
    return { amount: full, percent: 100, insatsMonth, section: '2024 §10.2', reason: 'AMI1: goal reached within the insatstid' };
  }
  const andel = settings.bonus.ami2Andelar.find((candidate) => insatsMonth <= candidate.throughMonth);
  const percent = andel?.percent ?? 0;
  return {
    amount: (full * percent) / 100,
    percent,
    insatsMonth,
    section: '2024 §10.2',
    reason: `AMI2: avslut in insats month ${insatsMonth}`,
  };
}
