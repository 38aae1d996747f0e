// Insatstyper and the rulebook an insats is pinned to (RULEBOOK.md, Insatstyper).
import type { LocalDate } from './calendar';
import type { Settings } from './settings';

export const RULEBOOKS = ['2023', '2024'] as const;
export type Rulebook = (typeof RULEBOOKS)[number];

export const INSATSTYPER = ['JPG', 'FJP', 'SAI', 'AMI1', 'AMI2'] as const;
export type Insatstyp = (typeof INSATSTYPER)[number];

const INSATSTYPER_BY_RULEBOOK: Record<Rulebook, readonly Insatstyp[]> = {
  '2023': ['JPG', 'FJP', 'SAI'], // 2023 §2.1–§2.3
  '2024': ['AMI1', 'AMI2'], // 2024 §7, §8
};

/** The rulebook in force on the beslutsdatum; the insats keeps it for its whole life. */
export function rulebookFor(beslutsdatum: LocalDate, settings: Settings): Rulebook {
  return beslutsdatum >= settings.rulebook2024From ? '2024' : '2023';
}

export function insatstyperIn(rulebook: Rulebook): readonly Insatstyp[] {
  return INSATSTYPER_BY_RULEBOOK[rulebook];
}
