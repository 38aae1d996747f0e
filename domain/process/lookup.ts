// Reading an insats record: which deadlines are live, and which change closes them.
import type { RuleId } from '../deadlines/rule-ids';
import type { Change, InsatsRecord, TrackedDeadline } from './record';

/** Open or pending deadlines of `rule` (and `occurrence`), earliest due first. */
export function live(record: InsatsRecord, rule: RuleId, occurrence?: string): TrackedDeadline[] {
  return record.deadlines
    .filter((deadline) => deadline.rule === rule && (deadline.status === 'open' || deadline.status === 'pending'))
    .filter((deadline) => occurrence === undefined || deadline.occurrence === occurrence)
    .sort((a, b) => a.due.localeCompare(b.due));
}

export function hasDeadline(record: InsatsRecord, rule: RuleId, occurrence: string): boolean {
  return record.deadlines.some((deadline) => deadline.rule === rule && deadline.occurrence === occurrence);
}

export function meet(deadline: TrackedDeadline): Change {
  return { type: 'meet', rule: deadline.rule, occurrence: deadline.occurrence };
}

export function cancel(deadline: TrackedDeadline): Change {
  return { type: 'cancel', rule: deadline.rule, occurrence: deadline.occurrence };
}

/** Every live deadline: open or waiting to open. */
export function liveDeadlines(record: InsatsRecord): TrackedDeadline[] {
  return record.deadlines.filter((deadline) => deadline.status === 'open' || deadline.status === 'pending');
}
