// 2024 §10.1 snabbhetspremie: after a bonus-grounding avslut within the insatstid the month
// payment continues for the remaining months of the insats period, while the anordnare follows
// the job or studies up monthly; it stops when the kund leaves them.
import { addDays, type LocalDate } from '../calendar';
import { snabbhetspremieMonths } from '../deadlines/bonus';
import { slutdatumOf, type Insats } from '../insats';
import { insatsMonthOf } from '../insats-month';
import { monthOf, type YearMonth } from '../months';
import type { Settings } from '../settings';

export interface Snabbhetspremie {
  eligible: boolean;
  reason: string;
  section: '2024 §10.1';
  /** Whole insats months left after the insats month of the avslut. */
  remainingInsatsMonths: number;
  /** The month payment continues from this day… */
  paidFrom?: LocalDate;
  /** …through this one: the slutdatum, or the kund's last day in the job or studies. */
  paidThrough?: LocalDate;
  /** The calendar months that need a `snabbhetspremie-uppfoljning`. */
  followUpMonths: YearMonth[];
}

export function snabbhetspremie(
  {
    insats,
    avslutsdatum,
    bonusgrundande,
    lastDayInJobOrStudies,
  }: { insats: Insats; avslutsdatum: LocalDate; bonusgrundande: boolean; lastDayInJobOrStudies?: LocalDate },
  settings: Settings,
): Snabbhetspremie {
  const none = (reason: string): Snabbhetspremie => ({ eligible: false, reason, section: '2024 §10.1', remainingInsatsMonths: 0, followUpMonths: [] });
  if (insats.rulebook !== '2024') return none('the snabbhetspremie is a 2024 rule');
  if (!bonusgrundande) return none('the avslut is not bonus-grounding');
  const slutdatum = slutdatumOf(insats, settings);
  if (!slutdatum || avslutsdatum >= slutdatum) return none('the avslut is not within the insatstid');

  const paidThrough = lastDayInJobOrStudies && lastDayInJobOrStudies < slutdatum ? lastDayInJobOrStudies : slutdatum;
  return {
    eligible: true,
    reason: 'bonus-grounding avslut within the insatstid',
    section: '2024 §10.1',
    remainingInsatsMonths: insatsMonthOf(insats.beslutsdatum, slutdatum) - insatsMonthOf(insats.beslutsdatum, avslutsdatum),
    paidFrom: addDays(avslutsdatum, 1),
    paidThrough,
    followUpMonths: snabbhetspremieMonths(insats, avslutsdatum, settings).filter((month) => month <= monthOf(paidThrough)),
  };
}
