// A long FJP as a simulator scenario, built rather than written out: bemannad, uppdrag and plan
// in time, a workplace within three months (2023 §5.2.3), every månadsrapport KLAR by the 7th and
// approved by the 12th (§6.4) except one month never reported, a trepart well within every six
// months (§6.5, revised plan waived) and the omprövning before the first year is out (§7), until
// `years` after the beslut. The one month never reported is the one deadline never met.
import { RULE_OWNERS, addDays, addMonths, addMonthsTo, dayOf, defaultSettings, monthOf, type LocalDate, type RuleId, type YearMonth } from '../domain';
import type { z } from 'zod';
import type { scenarioSchema } from '../simulator/scenario';

/** A scenario as written, before parseScenario fills in its defaults. */
type Scenario = z.input<typeof scenarioSchema>;

const BESLUTSDATUM = '2023-01-16';

export interface LongFjp {
  scenario: Scenario;
  /** The month whose report never comes. */
  missedMonth: YearMonth;
}

const at = (date: LocalDate, time = '10:00') => `${date}T${time}`;

/** Meetings a week before each interval runs out from the last one, so each is met with room. */
function everyWithin(first: LocalDate, months: number, until: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = first; date <= until; date = addDays(addMonths(date, months), -7)) dates.push(date);
  return dates;
}

export function longFjpScenario(years: number): LongFjp {
  const beslutsdatum = BESLUTSDATUM;
  const until = addMonths(beslutsdatum, 12 * years);
  const firstMonth = monthOf(beslutsdatum);
  const months = Array.from({ length: 12 * years }, (_, index) => addMonthsTo(firstMonth, index));
  const missedMonth = months[Math.floor(months.length / 2)]!;

  type Event = Scenario['events'][number];
  const events: Event[] = [
    { at: at('2023-01-18'), type: 'bemannad' },
    { at: at('2023-01-18', '11:00'), type: 'uppdrag-inlagt' },
    { at: at('2023-02-01'), type: 'plan-inlamnad' },
    { at: at('2023-02-03'), type: 'plan-godkand' },
    { at: at('2023-03-01'), type: 'arbetsplats-startad', timmarPerVecka: 15, trepartsoverenskommelse: true },
  ];
  for (const month of months.filter((month) => month !== missedMonth)) {
    const next = addMonthsTo(month, 1);
    events.push({ at: at(dayOf(next, 3)), type: 'manadsrapport-klar', month }, { at: at(dayOf(next, 10)), type: 'manadsrapport-godkand', month });
  }
  for (const date of everyWithin('2023-04-03', 6, until)) events.push({ at: at(date, '13:00'), type: 'trepart-hallet', revideradPlanKravs: false });
  events.push({ at: at('2024-01-08', '14:00'), type: 'omprovning-gjord' });
  events.sort((a, b) => a.at.localeCompare(b.at));

  return {
    missedMonth,
    scenario: {
      insats: {
        id: `bench-long-fjp-${years}y`,
        typ: 'FJP',
        beslutsdatum,
        anordnare: 'a1',
        kvl: 'k1',
        kund: { id: 'kund-long-fjp', alder: 35, ekonomisktBistand: true, arbetsformaga: 100 },
      },
      events: [{ at: at('2023-01-17', '09:00'), type: 'aktualiserad' }, ...events],
      until,
    },
  };
}

/**
 * The most notifications the plan sends for one deadline of `rule` (domain/reminders.ts): two
 * reminders; with an escalation chain also the late notice, each role of the chain once and
 * `repeatMax` repeats. Undefined for what is no deadline (a notice).
 */
export function plannedAtMost(rule: string): number | undefined {
  const owners = RULE_OWNERS[rule as RuleId];
  if (!owners) return undefined;
  const chain = owners.escalation.length;
  return 2 + (chain > 0 ? 1 + chain + defaultSettings.reminders.repeatMax : 0);
}
