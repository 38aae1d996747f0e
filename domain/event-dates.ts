// The dates an event carries must lie where the insats can be: from its beslutsdatum to the end of
// the longest insatstid (settings `aktualisering.longestInsatstid`), like an aktualisering's own dates.
import { addDays, type LocalDate } from './calendar';
import type { InsatsEvent } from './events';
import type { Insats } from './insats';
import { monthOf } from './months';
import { addPeriod } from './period';
import type { Settings } from './settings';
import { settingsWithDefaults } from './settings-overrides';

function datesOf(event: InsatsEvent): [string, LocalDate][] {
  switch (event.type) {
    case 'ledighet':
      return [['from', event.from], ['to', event.to]];
    case 'upptrappning-plan':
      return event.steg.map((step, index): [string, LocalDate] => [`steg.${index}.datum`, step.datum]);
    case 'upptrappningssteg-uppnatt':
      return [['datum', event.datum]];
    case 'fortsatt-stod-start':
      return [['startdatum', event.startdatum]];
    default:
      return [];
  }
}

/** Every date or month of `event` outside the insats's bounds, naming the field and the bound. */
export function eventDateProblems(event: InsatsEvent, insats: Insats, pinned: Settings): string[] {
  const latest = addDays(addPeriod(insats.beslutsdatum, settingsWithDefaults(pinned).aktualisering.longestInsatstid), -1);
  const problems = datesOf(event)
    .filter(([, date]) => date < insats.beslutsdatum || date > latest)
    .map(([field, date]) => `${field} ${date} lies outside the insats, ${insats.beslutsdatum} to ${latest} (setting aktualisering.longestInsatstid)`);
  if ('month' in event && (event.month < monthOf(insats.beslutsdatum) || event.month > monthOf(latest))) {
    problems.push(`month ${event.month} lies outside the insats, ${monthOf(insats.beslutsdatum)} to ${monthOf(latest)}`);
  }
  return problems;
}
