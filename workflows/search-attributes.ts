// Typed search attributes an operator filters on in the Web UI. Never personal data:
// search attributes are not encrypted.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const insatstypKey = defineSearchAttributeKey('Insatstyp', SearchAttributeType.KEYWORD);
export const anordnareKey = defineSearchAttributeKey('Anordnare', SearchAttributeType.KEYWORD);
export const kvlKey = defineSearchAttributeKey('Kvl', SearchAttributeType.KEYWORD);
export const phaseKey = defineSearchAttributeKey('InsatsPhase', SearchAttributeType.KEYWORD);
export const nextDeadlineDateKey = defineSearchAttributeKey('NextDeadlineDate', SearchAttributeType.DATETIME);
export const nextDeadlineRuleKey = defineSearchAttributeKey('NextDeadlineRule', SearchAttributeType.KEYWORD);
export const overdueKey = defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL);
/** Notifications of this insats that could not be delivered (a bounced address, no address). */
export const failedNotificationsKey = defineSearchAttributeKey('FailedNotifications', SearchAttributeType.INT);

export const insatsSearchAttributeKeys = [
  insatstypKey,
  anordnareKey,
  kvlKey,
  phaseKey,
  nextDeadlineDateKey,
  nextDeadlineRuleKey,
  overdueKey,
  failedNotificationsKey,
];

/** `Name=Type` pairs, the form `temporal server start-dev --search-attribute` takes. */
export function searchAttributeRegistrations(): string[] {
  const cliType: Record<string, string> = { KEYWORD: 'Keyword', DATETIME: 'Datetime', BOOL: 'Bool', INT: 'Int' };
  return insatsSearchAttributeKeys.map((key) => `${key.name}=${cliType[key.type]}`);
}
