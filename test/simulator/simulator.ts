// Shared by the simulator tests: one time-skipping server and one workflow bundle per test file,
// scenarios from scenarios/ or built inline, and lookups in the timeline they produce.
import { readFileSync } from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, expect } from 'vitest';
import { parse } from 'yaml';
import type { Activities } from '../../activities';
import { addDays, workingDayOnOrAfter } from '../../domain/calendar';
import { addMonthsTo } from '../../domain/months';
import type { TimelineEntry } from '../../domain/process/record';
import { runScenario, type ScenarioRun } from '../../simulator/run-scenario';
import { parseScenario, type Scenario } from '../../simulator/scenario';
import { startTimeSkippingServer } from '../../simulator/time-skipping';
import { bundleWorkflows } from '../../worker';

/**
 * Starts the server and builds the bundle once for the calling test file. Scenarios run one at a
 * time: the server's clock is shared by the file, and runScenario places each scenario on it.
 */
export function useSimulator(): { run: (scenario: Scenario, options?: { activities?: Partial<Activities> }) => Promise<ScenarioRun> } {
  let env: TestWorkflowEnvironment | undefined;
  let workflowBundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    [env, workflowBundle] = await Promise.all([startTimeSkippingServer(), bundleWorkflows()]);
  });
  afterAll(async () => {
    await env?.teardown();
  });
  return { run: (scenario, options) => runScenario(scenario, { env: env!, workflowBundle, ...options }) };
}

/** A scenario file under scenarios/ (or another folder), parsed as `npm run simulate` parses it. */
export function scenarioFile(name: string, folder = 'scenarios'): Scenario {
  return parseScenario(parse(readFileSync(`${folder}/${name}`, 'utf8')));
}

type Event = { at: string; type: string; [field: string]: unknown };

/**
 * An inline scenario: the insats, the aktualisering at `start` and the other events, which may be
 * given in any order (they are sorted by time; events at the same minute keep their order).
 */
export function inlineScenario({
  insats,
  start,
  events,
  until,
  config,
}: {
  insats: Record<string, unknown>;
  start: string;
  events: Event[];
  until: string;
  config?: Record<string, unknown>;
}): Scenario {
  return parseScenario({
    insats: { anordnare: 'a1', kvl: 'k1', ...insats },
    ...(config ? { config } : {}),
    events: [{ at: start, type: 'aktualiserad' }, ...[...events].sort((a, b) => a.at.localeCompare(b.at))],
    until,
  });
}

/**
 * Each month's report KLAR on the 4th (or the next working day) and approved on the 9th (or the
 * next working day) of the following month: in time (2023 §6.4).
 */
export function reportsInTime(from: string, to: string): Event[] {
  const events: Event[] = [];
  for (let month = from; month <= to; month = addMonthsTo(month, 1)) {
    const next = addMonthsTo(month, 1);
    events.push({ at: `${workingDayOnOrAfter(`${next}-04`)}T10:00`, type: 'manadsrapport-klar', month });
    events.push({ at: `${workingDayOnOrAfter(`${next}-09`)}T10:00`, type: 'manadsrapport-godkand', month });
  }
  return events;
}

/**
 * The entry's instant to the minute. Timer-driven entries (reminders, escalations, midnight
 * ticks) land on their exact second; an entry caused by an event may carry a second or so of
 * the test server's real-time latency.
 */
export const minute = (at: string) => `${at.slice(0, 16)}${at.slice(19)}`;

export type Match = Partial<TimelineEntry>;

/** The entries matching `match` (`at` compared to the minute), in time order. */
export function entries(timeline: TimelineEntry[], match: Match): TimelineEntry[] {
  return timeline.filter((entry) =>
    Object.entries(match).every(([key, value]) => {
      const actual = entry[key as keyof TimelineEntry];
      if (key === 'at') return typeof actual === 'string' && minute(actual) === minute(value as string);
      return JSON.stringify(actual) === JSON.stringify(value);
    }),
  );
}

/** Asserts exactly one entry matches, and returns it. */
export function one(timeline: TimelineEntry[], match: Match): TimelineEntry {
  const found = entries(timeline, match);
  expect(found, `one entry matching ${JSON.stringify(match)}`).toHaveLength(1);
  return found[0]!;
}

/** Asserts no entry matches. */
export function none(timeline: TimelineEntry[], match: Match): void {
  expect(entries(timeline, match), `no entry matching ${JSON.stringify(match)}`).toEqual([]);
}

/** A missed deadline and its first escalation. */
export interface Missed {
  rule: TimelineEntry['rule'];
  due: string;
  /** ISO-8601 with the Stockholm offset: 08:00 on the first working day after the due date. */
  escalatedAt: string;
  to: string;
}

/**
 * Asserts the deadline was missed at midnight after its due date and that its first escalation
 * went to the right role at the right instant.
 */
export function expectEscalated(timeline: TimelineEntry[], { rule, due, escalatedAt, to }: Missed): void {
  const [missed] = entries(timeline, { kind: 'deadline-missed', rule, due });
  expect(missed, `${rule} due ${due} is missed`).toBeDefined();
  expect(missed!.at.slice(0, 16)).toBe(`${addDays(due, 1)}T00:00`);
  // The owner is told it is late, and the first role of the chain is escalated to, at the same instant.
  const escalations = entries(timeline, { kind: 'escalation', rule, due });
  expect(escalations.find((entry) => entry.to?.[0] === missed!.to?.[0]), `${rule} due ${due}: the owner is told`).toEqual({ at: escalatedAt, kind: 'escalation', rule, due, to: missed!.to });
  expect(escalations.find((entry) => entry.to?.[0] === to), `${rule} due ${due} is escalated`).toEqual({ at: escalatedAt, kind: 'escalation', rule, due, to: [to] });
}
