// Every configurable reading of RULEBOOK.md in one object. "(reading)" choices are named here,
// never buried as literals in the rules.
import type { LocalDate } from './calendar';

export interface ReminderSettings {
  /** Local time of every reminder and escalation. */
  time: string;
  /** An early reminder goes this many working days before the due date… */
  workingDaysBeforeDue: number;
  /** …only for deadlines set more than this many calendar days ahead. */
  earlyReminderWhenSetMoreThanDays: number;
  /** Days between escalations up the chain. */
  escalationIntervalDays: number;
}

export interface Settings {
  /** (reading) an insats decided on or after this date follows the 2024 rulebook. */
  rulebook2024From: LocalDate;
  reminders: ReminderSettings;
}

export const defaultSettings: Settings = {
  rulebook2024From: '2024-01-01',
  reminders: {
    time: '08:00',
    workingDaysBeforeDue: 3,
    earlyReminderWhenSetMoreThanDays: 7,
    escalationIntervalDays: 7,
  },
};
