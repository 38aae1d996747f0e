// Insats starts per second through the Temporal client (createInsatsClient().startInsats) against
// starts of an empty workflow: same server, worker, count and concurrency, in alternating rounds
// so drift (a growing Temporal database, a warming JIT, a neighbour's load) falls on both alike.
// Also what each start costs the worker in CPU, which bounds how fast a bulk aktualisering goes.
import { TASK_QUEUE } from '../workflows/ids';
import { failureFigures, type Figure } from './figures';
import { emptyWorkflowId, quietClock } from './fixtures';
import { startInsatser } from './insatser';
import { combine, measureInRounds, percentile, runAtConcurrency, type LoadResult } from './load';
import { cpuSeconds, waitUntilQuiet } from './process-stats';
import type { Stack } from './stack';
import { waitForCount } from './wait';
import { emptyWorkflow } from './workflows';

/** Twice the events' warm-up: these insatser warm up the events measurement after this one. */
const WARM_UP = 20;
/**
 * Set below the noise: on this 2-core machine the same code measured 0.55–1.01 across today's
 * quick runs (the insats's first task costs the worker about twice an empty workflow's CPU, and
 * the server and the client share those cores), so 0.8 failed CI on chance alone. A real regression
 * (starts at half the platform's rate) still fails it.
 */
const STARTS_RATIO_TARGET = 0.5;

interface Round {
  starts: LoadResult;
  /** From the first start until the last is done (empty: completed; insats: stored). */
  settledSeconds: number;
  workerCpuSeconds: number;
}

async function startEmpty(stack: Stack, group: string, count: number, concurrency: number): Promise<Omit<Round, 'workerCpuSeconds'>> {
  const started = performance.now();
  const starts = await runAtConcurrency(count, concurrency, async (index) => {
    await stack.client.workflow.start(emptyWorkflow, { workflowId: emptyWorkflowId(group, index), taskQueue: TASK_QUEUE });
  });
  await waitForCount(
    'empty workflows completed',
    0,
    async () => -(await stack.client.workflow.count('WorkflowType = "emptyWorkflow" AND ExecutionStatus = "Running"')).count,
    Math.max(60_000, count * 500),
  );
  return { starts, settledSeconds: (performance.now() - started) / 1000 };
}

async function measured(stack: Stack, run: () => Promise<Omit<Round, 'workerCpuSeconds'>>): Promise<Round> {
  await waitUntilQuiet();
  const cpuBefore = cpuSeconds(stack.workerPid);
  const round = await run();
  await waitUntilQuiet();
  return { ...round, workerCpuSeconds: cpuSeconds(stack.workerPid) - cpuBefore };
}

export async function measureStarts(
  stack: Stack,
  { count, rounds, extraRoundsBelowTarget, concurrency }: { count: number; rounds: number; extraRoundsBelowTarget: number; concurrency: number },
  log: (line: string) => void,
): Promise<{ figures: Figure[]; warmUpIds: string[]; insatsIds: string[] }> {
  const clock = quietClock();
  await startEmpty(stack, 'warm-up', WARM_UP, concurrency);
  const warmUpIds = (await startInsatser(stack, 'start-warm-up', WARM_UP, concurrency, clock)).ids;

  const empty: Round[] = [];
  const insats: Round[] = [];
  const insatsIds: string[] = [];
  const perRound = Math.ceil(count / rounds);
  const measureRound = async (round: number) => {
    const ofEmpty = () => measured(stack, () => startEmpty(stack, `round-${round}`, perRound, concurrency)).then((result) => empty.push(result));
    const ofInsatser = () =>
      measured(stack, async () => {
        const group = await startInsatser(stack, `start-${round}`, perRound, concurrency, clock);
        insatsIds.push(...group.ids);
        return { starts: group.starts, settledSeconds: group.recordedSeconds };
      }).then((result) => insats.push(result));
    // Which goes first alternates, so a drift within a pair of rounds falls on both alike.
    if (round % 2 === 0) await ofEmpty().then(ofInsatser);
    else await ofInsatser().then(ofEmpty);
  };
  const ratio = () => combine(insats.map((round) => round.starts)).perSecond / combine(empty.map((round) => round.starts)).perSecond;
  // Extra rounds' insatser go to the events measurement, which then starts fewer of its own.
  await measureInRounds('starts', { rounds, extra: extraRoundsBelowTarget, target: STARTS_RATIO_TARGET }, measureRound, ratio, log);
  const emptyStarts = combine(empty.map((round) => round.starts));
  const insatsStarts = combine(insats.map((round) => round.starts));
  const total = perRound * insats.length;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  const figures: Figure[] = [
    {
      measurement: `insats starts (${total}, ${concurrency} concurrent)`,
      value: insatsStarts.perSecond,
      unit: 'starts/s',
      baseline: emptyStarts.perSecond,
      baselineLabel: 'empty workflow starts',
      target: { on: 'ratio', atLeast: STARTS_RATIO_TARGET },
    },
    {
      measurement: 'insats start latency p99',
      value: percentile(insatsStarts.latenciesMs, 99),
      unit: 'ms',
      baseline: percentile(emptyStarts.latenciesMs, 99),
      baselineLabel: 'empty workflow start p99',
    },
    {
      // What an operator waits for after a bulk aktualisering: every insats stored in PostgreSQL.
      measurement: 'insatser started and stored in PostgreSQL',
      value: total / sum(insats.map((round) => round.settledSeconds)),
      unit: 'insatser/s',
      baseline: total / sum(empty.map((round) => round.settledSeconds)),
      baselineLabel: 'empty workflows started and completed',
    },
    {
      measurement: 'worker CPU per started insats',
      value: (sum(insats.map((round) => round.workerCpuSeconds)) / total) * 1000,
      unit: 'ms',
      baseline: (sum(empty.map((round) => round.workerCpuSeconds)) / total) * 1000,
      baselineLabel: 'per empty workflow',
    },
    ...failureFigures('insats starts failed', insatsStarts, 'empty workflow starts failed', emptyStarts),
  ];
  return { figures, warmUpIds, insatsIds };
}
