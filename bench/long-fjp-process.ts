// `tsx bench/long-fjp-process.ts <years>…`: runs the long FJP (long-fjp-scenario.ts) through the
// simulator for each length given, one after the other on one time-skipping server, as `npm run
// simulate` would, and prints what the bench reports on each as one JSON array on stdout: the size
// of each run's history, the continue-as-new inputs carried between them, and every notification
// the workflow asked to send.
import proto from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { recordingActivities } from '../simulator/recording-activities';
import { runScenario } from '../simulator/run-scenario';
import { parseScenario } from '../simulator/scenario';
import { startTimeSkippingServer } from '../simulator/time-skipping';
import { installTemporalRuntime } from '../platform/temporal-runtime';
import { bundleWorkflows } from '../worker';
import { longFjpScenario, plannedAtMost } from './long-fjp-scenario';

export interface LongFjpResult {
  years: number;
  /** Wall time of the scenario alone, without the server and the bundle. */
  seconds: number;
  missedMonth: string;
  /** History events of each run, first run first. */
  historyEvents: number[];
  /** Bytes of each continue-as-new input (the Payloads message as sent), in run order. */
  continuedAsNewInputBytes: number[];
  /** Notifications per deadline, `rule/occurrence`, with the most the plan sends for that rule. */
  deadlines: { deadline: string; notifications: number; planned: number | undefined }[];
  deadlinesMissed: number;
  eventsRejected: string[];
}

async function runFor(years: number, env: TestWorkflowEnvironment, workflowBundle: WorkflowBundleWithSourceMap): Promise<LongFjpResult> {
  const { scenario, missedMonth } = longFjpScenario(years);
  const sent = recordingActivities();
  const started = performance.now();
  const { timeline, runs } = await runScenario(parseScenario(scenario), { env, workflowBundle, activities: { sendNotification: sent.activities.sendNotification } });
  const seconds = (performance.now() - started) / 1000;
  const perDeadline = new Map<string, number>();
  for (const request of sent.notifications) {
    const key = `${request.rule}/${request.occurrence}`;
    perDeadline.set(key, (perDeadline.get(key) ?? 0) + 1);
  }
  return {
    years,
    seconds,
    missedMonth,
    historyEvents: runs.map((run) => run.history.events?.length ?? 0),
    continuedAsNewInputBytes: runs.flatMap((run) => {
      const input = run.history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.input;
      return input ? [proto.temporal.api.common.v1.Payloads.encode(input).finish().length] : [];
    }),
    deadlines: [...perDeadline].map(([deadline, notifications]) => ({ deadline, notifications, planned: plannedAtMost(deadline.split('/')[0]!) })),
    deadlinesMissed: timeline.filter((entry) => entry.kind === 'deadline-missed').length,
    eventsRejected: timeline.filter((entry) => entry.kind === 'event-rejected').map((entry) => `${entry.at} ${entry.event}: ${entry.reason}`),
  };
}

async function main(): Promise<void> {
  const lengths = process.argv.slice(2).map(Number);
  if (lengths.length === 0 || !lengths.every((years) => Number.isInteger(years) && years >= 1)) {
    throw new Error(`usage: tsx bench/long-fjp-process.ts <whole years>…, not ${process.argv.slice(2).join(' ')}`);
  }
  installTemporalRuntime('ERROR');
  const [env, workflowBundle] = await Promise.all([startTimeSkippingServer(), bundleWorkflows()]);
  try {
    const results: LongFjpResult[] = [];
    for (const years of lengths) results.push(await runFor(years, env, workflowBundle));
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } finally {
    await env.teardown();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
