import { describe, expect, it } from 'vitest';
import {
  bemanningDeadline,
  bonusDeadline,
  defaultSettings,
  nextPlannedNotification,
  reminderPlan,
  toLocalIso,
  type Deadline,
  type PlannedNotification,
} from '../../domain';
import { insats } from './fixtures';

const reminders = defaultSettings.reminders;

/** The notifications of `deadline` in order, while it stays open, up to `count`. */
function plan(deadline: Deadline, count: number): string[] {
  const steps: string[] = [];
  let after = new Date(0);
  for (let step: PlannedNotification | undefined; steps.length < count; after = step.at) {
    step = nextPlannedNotification(deadline, after, reminders);
    if (!step) break;
    steps.push(`${step.step} ${step.role} ${toLocalIso(step.at)}`);
  }
  return steps;
}

const deadline = (openedOn: string, due: string, extra: Partial<Deadline> = {}): Deadline => ({
  rule: 'genomforandeplan',
  occurrence: '1',
  openedOn,
  due,
  owner: 'anordnare',
  escalation: ['kvl'],
  ...extra,
});

describe('reminders and escalations (RULEBOOK.md, Reminders and escalations)', () => {
  it('2023 §6.2.1 bemanning over Christmas: due-day reminder, escalation the next working day, then weekly up the chain', () => {
    expect(plan(bemanningDeadline('2025-12-23'), 4)).toEqual([
      'due-reminder anordnare 2025-12-29T08:00:00+01:00',
      'escalation-1 kvl 2025-12-30T08:00:00+01:00',
      // 2026-01-06 is trettondedag jul: the next working day.
      'escalation-2 kundkoordinator 2026-01-07T08:00:00+01:00',
      'escalation-3 kundkoordinator 2026-01-13T08:00:00+01:00',
    ]);
  });

  it('a deadline set more than a week ahead is reminded 3 working days before: due 2025-04-23 → 2025-04-16, over Easter', () => {
    expect(plan(deadline('2025-04-01', '2025-04-23'), 3)).toEqual([
      'early-reminder anordnare 2025-04-16T08:00:00+02:00',
      'due-reminder anordnare 2025-04-23T08:00:00+02:00',
      'escalation-1 kvl 2025-04-24T08:00:00+02:00',
    ]);
  });

  it('08:00 local across the DST change: a due date of 2025-03-31 is reminded at 06:00Z, one of 2025-03-28 at 07:00Z', () => {
    expect(reminderPlan(deadline('2025-03-25', '2025-03-31'), reminders).map((step) => step.at.toISOString())).toEqual([
      '2025-03-31T06:00:00.000Z',
    ]);
    expect(reminderPlan(deadline('2025-03-25', '2025-03-28'), reminders).map((step) => step.at.toISOString())).toEqual([
      '2025-03-28T07:00:00.000Z',
    ]);
  });

  it('a due date on a non-working day is reminded on the last working day before it: 2025-06-21 → 2025-06-19', () => {
    expect(plan(deadline('2025-06-16', '2025-06-21'), 2)).toEqual([
      'due-reminder anordnare 2025-06-19T08:00:00+02:00',
      'escalation-1 kvl 2025-06-23T08:00:00+02:00',
    ]);
  });

  it('no reminder falls before the day the deadline was opened', () => {
    // 3 working days before 2025-12-29 is 2025-12-19, before the opening on 2025-12-20.
    expect(plan(deadline('2025-12-20', '2025-12-29'), 2)).toEqual([
      'due-reminder anordnare 2025-12-29T08:00:00+01:00',
      'escalation-1 kvl 2025-12-30T08:00:00+01:00',
    ]);
  });

  it('2023 §9.2: a rule without an escalation chain (bonus) only reminds; the claim stays open', () => {
    const bonus = bonusDeadline(insats('FJP', '2023-01-10'), '2023-08-31', defaultSettings);
    expect(plan(bonus, 5)).toEqual(['early-reminder anordnare 2024-02-26T08:00:00+01:00', 'due-reminder anordnare 2024-02-29T08:00:00+01:00']);
    expect(nextPlannedNotification(bonus, new Date('2024-03-01T00:00:00Z'), reminders)).toBeUndefined();
  });
});
