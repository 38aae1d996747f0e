// A 12-month AMI2 (2024 §8) with monthly reports continues as new before its history grows large
// and carries its state across: no run reaches 2 000 events, and the timeline goes on unbroken.
import { readFileSync } from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScenario, type ScenarioRun } from '../../simulator/run-scenario';
import { parseScenario } from '../../simulator/scenario';
import { startTimeSkippingServer } from '../../simulator/time-skipping';
import { bundleWorkflows } from '../../worker';

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;
let run: ScenarioRun;
let longRun: ScenarioRun;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([startTimeSkippingServer(), bundleWorkflows()]);
  const scenario = parseScenario(parse(readFileSync('scenarios/ami2-happy-path.yaml', 'utf8')));
  // An insats that sends its notifications itself (as one started before the daily digest) has an
  // activity per send and continues as new within the year; with the digest its sends are projection
  // writes and the year fits in one run, so this test of the carried state takes the longer path.
  scenario.config = { ...scenario.config, digest: { enabled: false } };
  run = await runScenario(scenario, { env, workflowBundle });
  // Two years of an FJP on the daily digest: far past one run's 1 000 events whatever the batching.
  longRun = await runScenario(parseScenario(parse(readFileSync('scenarios/fjp-lang.yaml', 'utf8'))), { env, workflowBundle });
}, 240_000);
afterAll(async () => {
  await env?.teardown();
});

describe('continue-as-new', () => {
  it('splits a two-year FJP into runs of fewer than 2 000 history events, and keeps a 12-month AMI2 under it', () => {
    // The AMI2 lands near the 1 000 events a run continues after, so whether it splits depends on
    // how its tasks batch; the two-year FJP is well past it.
    for (const { history } of run.runs) expect(history.events!.length).toBeLessThan(2_000);
    expect(longRun.runs.length).toBeGreaterThanOrEqual(2);
    for (const { history } of longRun.runs) expect(history.events!.length).toBeLessThan(2_000);
    expect(longRun.runs[0]!.history.events!.at(-1)!.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
  });

  it('carries the state: every month is paid once, and no deadline is set twice', () => {
    const payments = run.timeline.filter((entry) => entry.kind === 'payment').map((entry) => entry.month);
    expect(payments).toEqual([
      '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06',
      '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01',
    ]);
    for (const { timeline } of [run, longRun]) {
      const set = timeline.filter((entry) => entry.kind === 'deadline-set').map((entry) => `${entry.rule} ${entry.due}`);
      expect(new Set(set).size).toBe(set.length);
      const months = timeline.filter((entry) => entry.kind === 'payment').map((entry) => entry.month);
      expect(new Set(months).size).toBe(months.length);
    }
    // The last month (12 active days, 2026-01-01..12) pays 7 000 / 30 × 12 once the slutrapport is in (2023 §9.1, §6.6).
    expect(run.timeline.find((entry) => entry.kind === 'payment' && entry.month === '2026-01')).toMatchObject({ amount: 2800 });
    expect(run.timeline.find((entry) => entry.kind === 'insats-ended')).toMatchObject({ at: '2026-01-13T00:00:00+01:00' });
  });
});
