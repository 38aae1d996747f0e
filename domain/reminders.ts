// When an open deadline reminds its owner and escalates (RULEBOOK.md, Reminders and escalations).
import { addDays, addWorkingDays, atLocalTime, daysBetween, nextWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore } from './calendar';
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

function escalationAfter(deadline: Deadline, after: Date, settings: ReminderSettings, chain: Role[]): PlannedNotification {
  const at = (date: string) => atLocalTime(date, settings.time);
  const firstEscalation = nextWorkingDay(deadline.due);
  for (let level = 1; ; level += 1) {
    const date = workingDayOnOrAfter(addDays(firstEscalation, (level - 1) * settings.escalationIntervalDays));
    if (at(date) > after) {
      const role = chain[Math.min(level, chain.length) - 1]!;
      return { step: `escalation-${level}`, kind: 'escalation', role, at: at(date) };
    }
  }
}

/**
 * The first notification for `deadline` strictly after `after`, while it stays open, or undefined
 * when nothing more is planned. Escalations go at the same local time on the next working day
 * after the due date, then weekly, one role further up the chain each time and staying with the
 * last role; a rule without an escalation chain (`bonus`, `manadsrapport-godkand`, `fortsatt-stod`)
 * only reminds.
 */
export function nextPlannedNotification(deadline: Deadline, after: Date, settings: ReminderSettings): PlannedNotification | undefined {
  const reminder = reminderPlan(deadline, settings).find((candidate) => candidate.at > after);
  if (reminder) return reminder;
  if (deadline.escalation.length === 0) return undefined;
  return escalationAfter(deadline, after, settings, deadline.escalation);
}

