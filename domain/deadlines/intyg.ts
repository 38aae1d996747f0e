// `lakarintyg` and `vab-intyg`: "Från och med dag åtta … ska kunden inkomma med läkarintyg",
// and the certificate "ska vara karriärvägledaren tillhanda inom en vecka" (2023 §3.6.1, §3.6.2, inherited).
import { addDays, type LocalDate } from '../calendar';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

export type IntygRule = 'lakarintyg' | 'vab-intyg';

const SECTIONS: Record<IntygRule, string> = { lakarintyg: '2023 §3.6.1', 'vab-intyg': '2023 §3.6.2' };

/** Day 8 of a period that starts on day 1. */
export function intygOpensOn(startdatum: LocalDate, settings: Settings): LocalDate {
  return addDays(startdatum, settings.deadlines.intyg.opensOnDay - 1);
}

/**
 * Opened on day 8 and due start + 14 days; undefined when the period ended (`lastDay`) before
 * day 8. `startdatum` is the first sick (or VAB) day and names the occurrence.
 */
export function intygDeadline(
  rule: IntygRule,
  startdatum: LocalDate,
  settings: Settings,
  lastDay?: LocalDate,
): Deadline | undefined {
  const opensOn = intygOpensOn(startdatum, settings);
  if (lastDay && lastDay < opensOn) return undefined;
  return makeDeadline(rule, {
    occurrence: startdatum,
    openedOn: opensOn,
    due: addPeriod(startdatum, settings.deadlines.intyg.dueAfterStart),
    section: SECTIONS[rule],
  });
}
