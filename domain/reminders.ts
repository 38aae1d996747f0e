// When an open deadline reminds its owner and escalates (RULEBOOK.md, Reminders and escalations).
import { addDays, addWorkingDays, atLocalTime, daysBetween, isWorkingDay, localDateOf, nextWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore } from './calendar';
import type { Deadline } from './deadlines/deadline';
import type { Role } from './roles';
import type { ReminderSettings } from './settings';

export type NotificationKind = 'reminder' | 'escalation';

export interface PlannedNotification {
  /** Stable within one deadline: `early-reminder`, `due-reminder`, `escalation-N`. */
  step: string;
  kind: NotificationKind;
  role: Role;
  at: Date;
}

/**
 * The owner's reminders, at the configured local time on working days: 3 working days before a
 * due date set more than a week ahead, and on the due date (the last working day before it, when
 * it is not one). A reminder that would fall before the deadline was opened is not sent.
 */
export function reminderPlan(deadline: Deadline, settings: ReminderSettings): PlannedNotification[] {
  const at = (date: string) => atLocalTime(date, settings.time);
  const reminders: PlannedNotification[] = [];
  if (daysBetween(deadline.openedOn, deadline.due) > settings.earlyReminderWhenSetMoreThanDays) {
    const date = addWorkingDays(deadline.due, -settings.workingDaysBeforeDue);
    if (date >= deadline.openedOn) reminders.push({ step: 'early-reminder', kind: 'reminder', role: deadline.owner, at: at(date) });
  }
  const dueReminderDate = workingDayOnOrBefore(deadline.due);
  if (dueReminderDate >= deadline.openedOn) {
    reminders.push({ step: 'due-reminder', kind: 'reminder', role: deadline.owner, at: at(dueReminderDate) });
  }
  return reminders;
}

function escalationAt(deadline: Deadline, level: number, settings: ReminderSettings, chain: Role[]): PlannedNotification {
  const date = workingDayOnOrAfter(addDays(nextWorkingDay(deadline.due), (level - 1) * settings.escalationIntervalDays));
  const role = chain[Math.min(level, chain.length) - 1]!;
  return { step: `escalation-${level}`, kind: 'escalation', role, at: atLocalTime(date, settings.time) };
}

/** Holidays and weekends move an escalation day by at most this many days (Christmas to Epiphany). */
const LONGEST_RUN_OF_NON_WORKING_DAYS = 10;

/**
 * The first weekly escalation strictly after `after`, found directly: its level is computed from
 * the days since the first escalation, then corrected for the few days holidays can move it, so
 * the cost does not grow with the deadline's age.
 */
function escalationAfter(deadline: Deadline, after: Date, settings: ReminderSettings, chain: Role[]): PlannedNotification {
  const interval = Math.max(1, settings.escalationIntervalDays);
  const elapsed = daysBetween(nextWorkingDay(deadline.due), localDateOf(after));
  let level = Math.max(1, Math.floor((elapsed - LONGEST_RUN_OF_NON_WORKING_DAYS) / interval) + 1);
  while (escalationAt(deadline, level, settings, chain).at <= after) level += 1;
  return escalationAt(deadline, level, settings, chain);
}

/**
 * The first notification for `deadline` strictly after `after`, while it stays open, or undefined
 * when nothing more is planned. Escalations go at the same local time on the next working day
 * after the due date, then weekly, one role further up the chain each time and staying with the
 * last role; a rule without an escalation chain (`bonus`, `manadsrapport-godkand`, `fortsatt-stod`)
 * only reminds. The plan of insatser started before chains ended (notificationPlan); it never ends.
 */
export function nextPlannedNotification(deadline: Deadline, after: Date, settings: ReminderSettings): PlannedNotification | undefined {
  const reminder = reminderPlan(deadline, settings).find((candidate) => candidate.at > after);
  if (reminder) return reminder;
  if (deadline.escalation.length === 0) return undefined;
  return escalationAfter(deadline, after, settings, deadline.escalation);
}

/**
 * The latest notification strictly after `after` and at or before `now`: what an insats that
 * woke late sends instead of every step it slept through. Undefined when none fell due.
 */
export function latestPlannedNotification(deadline: Deadline, after: Date, now: Date, settings: ReminderSettings): PlannedNotification | undefined {
  const first = nextPlannedNotification(deadline, after, settings);
  if (!first || first.at > now) return undefined;
  const reminders = reminderPlan(deadline, settings).filter((reminder) => reminder.at > after && reminder.at <= now);
  const escalationPassed = deadline.escalation.length > 0 && escalationAt(deadline, 1, settings, deadline.escalation).at <= now;
  if (!escalationPassed) return reminders.at(-1) ?? first;
  const upcoming = escalationAfter(deadline, now, settings, deadline.escalation);
  const level = Number(upcoming.step.slice('escalation-'.length)) - 1;
  const latest = escalationAt(deadline, level, settings, deadline.escalation);
  return latest.at > after ? latest : first;
}

/**
 * Every notification one open deadline sends, in order, and no more (RULEBOOK.md, Reminders and
 * escalations; a chain that ends): the owner's reminders; on the first working day after the due
 * date the owner is told it is late and the first role of the chain is escalated to; each further
 * role once, `escalationIntervalDays` apart; then at most `repeatMax` reminders to the owner,
 * `repeatEveryWeeks` apart. A rule without an escalation chain only reminds.
 */
export function notificationPlan(deadline: Deadline, settings: ReminderSettings): PlannedNotification[] {
  const plan = reminderPlan(deadline, settings);
  if (deadline.escalation.length === 0) return plan;
  const at = (date: string) => atLocalTime(date, settings.time);
  const lateDay = nextWorkingDay(deadline.due);
  plan.push({ step: 'late-notice', kind: 'escalation', role: deadline.owner, at: at(lateDay) });
  let last = lateDay;
  deadline.escalation.forEach((role, index) => {
    last = workingDayOnOrAfter(addDays(lateDay, index * settings.escalationIntervalDays));
    plan.push({ step: `escalation-${index + 1}`, kind: 'escalation', role, at: at(last) });
  });
  for (let repeat = 1; repeat <= settings.repeatMax; repeat += 1) {
    const date = workingDayOnOrAfter(addDays(last, repeat * 7 * settings.repeatEveryWeeks));
    plan.push({ step: `repeat-${repeat}`, kind: 'escalation', role: deadline.owner, at: at(date) });
  }
  return plan;
}

/**
 * The step of `plan` to send next, given the steps already sent: the first unsent step after the
 * last one sent, or, when several fell due by `now`, the first of those at the latest instant
 * (the ones it slept through are skipped, not sent as a backlog). Undefined when the plan is done.
 */
export function nextStepOf(plan: PlannedNotification[], sentSteps: readonly string[], now: Date): PlannedNotification | undefined {
  const position = Math.max(-1, ...sentSteps.map((step) => plan.findIndex((candidate) => candidate.step === step)));
  const remaining = plan.slice(position + 1);
  const passed = remaining.filter((step) => step.at <= now);
  if (passed.length === 0) return remaining[0];
  const latest = Math.max(...passed.map((step) => step.at.getTime()));
  return passed.find((step) => step.at.getTime() === latest);
}

/**
 * When a step planned for `planned` goes out if the insats is awake at `now`: at once when it is
 * on time (within `catchUpWithinMinutes`), otherwise at the configured time on the next working
 * day, never at night or on a holiday.
 */
export function deliveryInstant(planned: Date, now: Date, settings: ReminderSettings): Date {
  // At least a minute: a timer fires a few milliseconds after its instant.
  const tolerance = Math.max(1, settings.catchUpWithinMinutes) * 60_000;
  if (now.getTime() - planned.getTime() <= tolerance) return planned > now ? planned : now;
  const today = localDateOf(now);
  const todayAt = atLocalTime(today, settings.time);
  if (!isWorkingDay(today)) return atLocalTime(nextWorkingDay(today), settings.time);
  // Woken at (or just after) a reminder time: a late step goes now, not another day later.
  if (now >= todayAt && now.getTime() - todayAt.getTime() <= tolerance) return now;
  return todayAt > now ? todayAt : atLocalTime(nextWorkingDay(today), settings.time);
}
