// When an open deadline reminds its owner and escalates (RULEBOOK.md, Reminders and escalations).
import { addDays, addWorkingDays, atLocalTime, daysBetween, isWorkingDay, nextWorkingDay, workingDayOnOrAfter } from './calendar';
import type { Deadline } from './deadlines';
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

function lastWorkingDayOnOrBefore(date: string): string {
  return isWorkingDay(date) ? date : addWorkingDays(date, -1);
}

/**
 * The first notification for `deadline` strictly after `after`, while it stays open. Reminders go
 * to the owner 3 working days before a due date set more than a week ahead and on the due date
 * (the last working day before it, when it is not one); escalations go at the same local time on
 * the next working day after the due date, then weekly, one role further up the chain each time
 * and staying with the last role.
 */
export function nextNotification(deadline: Deadline, after: Date, settings: ReminderSettings): PlannedNotification {
  const at = (date: string) => atLocalTime(date, settings.time);
  const reminders: PlannedNotification[] = [];
  if (daysBetween(deadline.openedOn, deadline.due) > settings.earlyReminderWhenSetMoreThanDays) {
    const date = addWorkingDays(deadline.due, -settings.workingDaysBeforeDue);
    reminders.push({ step: 'early-reminder', kind: 'reminder', role: deadline.owner, at: at(date) });
  }
  const dueReminderDate = lastWorkingDayOnOrBefore(deadline.due);
  reminders.push({ step: 'due-reminder', kind: 'reminder', role: deadline.owner, at: at(dueReminderDate) });
  const reminder = reminders.find((candidate) => candidate.at > after);
  if (reminder) return reminder;

  const firstEscalation = nextWorkingDay(deadline.due);
  for (let level = 1; ; level += 1) {
    const date = workingDayOnOrAfter(addDays(firstEscalation, (level - 1) * settings.escalationIntervalDays));
    if (at(date) > after) {
      const role = deadline.escalation[Math.min(level, deadline.escalation.length) - 1] ?? deadline.owner;
      return { step: `escalation-${level}`, kind: 'escalation', role, at: at(date) };
    }
  }
}
