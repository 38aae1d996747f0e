// The genomförandeplan: first plan, the kvl's review of each submission, and revised plans.
import type { LocalDate } from '../calendar';
import type { Insats } from '../insats';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

/**
 * `genomforandeplan`: kartläggning done and the first plan submitted. 2023 §6.3.1/§3.3: "inom en
 * månad från uppdragets beslutsdatum" (a setting, default 30 days); 2024 §3: "inom 14 dagar",
 * counted from the configured start. Opened when the anordnare has staffed the case.
 */
export function genomforandeplanDeadline(insats: Insats, bemanningsdatum: LocalDate, settings: Settings): Deadline {
  const plan = settings.deadlines.genomforandeplan;
  if (insats.rulebook === '2023') {
    return makeDeadline('genomforandeplan', {
      openedOn: bemanningsdatum,
      due: addPeriod(insats.beslutsdatum, plan['2023']),
      section: '2023 §6.3.1',
    });
  }
  const start = plan.start2024 === 'bemanning' ? bemanningsdatum : insats.beslutsdatum;
  return makeDeadline('genomforandeplan', {
    openedOn: bemanningsdatum,
    due: addPeriod(start, plan['2024']),
    section: '2024 §3',
  });
}

/**
 * `plangranskning`: the kvl approves or sends back a submitted plan "inom fem arbetsdagar från
 * meddelande från anordnaren"; the time includes sending back. One per submission. 2023 §6.3.1.
 */
export function plangranskningDeadline(submittedOn: LocalDate, settings: Settings, occurrence: string = submittedOn): Deadline {
  return makeDeadline('plangranskning', {
    occurrence,
    openedOn: submittedOn,
    due: addPeriod(submittedOn, settings.deadlines.plangranskning),
    section: '2023 §6.3.1',
  });
}

/**
 * `reviderad-plan` after a trepart meeting with the kvl: "inom två veckor från uppföljningsmöte",
 * unless the kvl judged at the meeting that no new plan is needed (undefined). 2023 §6.5.
 */
export function revideradPlanDeadline(
  meetingHeldOn: LocalDate,
  { waived }: { waived: boolean },
  settings: Settings,
): Deadline | undefined {
  if (waived) return undefined;
  return makeDeadline('reviderad-plan', {
    occurrence: `mote-${meetingHeldOn}`,
    openedOn: meetingHeldOn,
    due: addPeriod(meetingHeldOn, settings.deadlines.revideradPlan.afterMeeting),
    section: '2023 §6.5',
  });
}

/**
 * `reviderad-plan` at the latest: "minst var sjätte-/tredje månad" after the last approved plan,
 * JPG every 3 months, FJP and SAI every 6 (2023 §6.5). Undefined for an insatstyp without an interval.
 */
export function revideradPlanSenastDeadline(insats: Insats, lastPlanOn: LocalDate, settings: Settings): Deadline | undefined {
  const interval = settings.deadlines.revideradPlan.senast[insats.insatstyp];
  if (!interval) return undefined;
  return makeDeadline('reviderad-plan', {
    occurrence: `senast-${lastPlanOn}`,
    openedOn: lastPlanOn,
    due: addPeriod(lastPlanOn, interval),
    section: '2023 §6.5',
  });
}
