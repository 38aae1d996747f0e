// Absence that ends or questions an insats: planned leave (2023 §3.5) and long sick leave (§7.5).
import type { Settings } from './settings';

export type PlaneradFranvaroOutcome = 'franvaro' | 'avslut' | 'kvl-bedomning';

/**
 * A kund without ekonomiskt bistånd may take up to 14 days of leave, recorded as frånvaro; planned
 * absence over 14 days ends the insats, and a new decision is needed later (2023 §3.5). For a
 * kund with ekonomiskt bistånd absence is a deviation from the planning the kvl judges (§3.4).
 */
export function planeradFranvaro(
  { ekonomisktBistand, days }: { ekonomisktBistand: boolean; days: number },
  settings: Settings,
): PlaneradFranvaroOutcome {
  if (ekonomisktBistand) return 'kvl-bedomning';
  return days > settings.franvaro.ledighetMaxDays ? 'avslut' : 'franvaro';
}

/** "Kund blir sjukskriven mer än två veckor": the kvl is told, to consider avbrott (2023 §7.5). */
export function sjukskrivningToKvl(days: number, settings: Settings): boolean {
  return days > settings.franvaro.sjukskrivningKvlAfterDays;
}
