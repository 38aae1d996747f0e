// `npm run bench [-- --quick] [--out <path.json>]`: starts a private stack, runs each
// measurement against its baseline, prints a table, writes the JSON and stops everything it
// started, on failure and Ctrl-C too. `--quick` exits 1 when an enforced target (every ratio, and
// the long FJP's notifications per deadline) is missed. When the worker or the API dies mid-run,
// the figures so far are still printed and written, with why.
import { isEnforced, judge, type Figure } from './figures';
import { measureBurst } from './measure-burst';
import { measureEvents } from './measure-events';
import { measureLongFjp } from './measure-long-fjp';
import { measureSimulate } from './measure-simulate';
import { measureStarts } from './measure-starts';
import { measureWorkflowTasks } from './measure-workflow-tasks';
import { bringInOldInsatser } from './old-insatser';
import { parseOptions, UsageError, type BenchOptions } from './options';
import { sampleMemory, waitUntilQuiet, type MemorySampler } from './process-stats';
import { formatTable, writeReport } from './report';
import { BenchSetupError, startStack, type Stack } from './stack';

const startedAt = new Date();
const log = (line: string) => process.stderr.write(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);

const cleanups: (() => Promise<unknown> | unknown)[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`cleanup failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

function interrupt(message: string, exitCode: number): void {
  log(message);
  void cleanUp().then(() => process.exit(exitCode));
}

class ChildDiedError extends Error {}
let childDied: (message: string) => void = () => undefined;
const died = new Promise<never>((_, reject) => (childDied = (message) => reject(new ChildDiedError(message))));
died.catch(() => undefined);
/** A measurement, abandoned when the worker or the API dies under it. */
const unlessChildDies = <T>(measurement: Promise<T>) => Promise.race([measurement, died]);

interface Run {
  options: BenchOptions;
  figures: Figure[];
  stack?: Stack;
  memory?: MemorySampler;
}

async function measure(run: Run): Promise<void> {
  const { options, figures } = run;
  const { sizes } = options;
  if (sizes.simulate) {
    log('npm run simulate, before anything else runs');
    figures.push(...(await measureSimulate()));
  }

  // Counts and sizes, no timings: it may share the cores with the stack's start, which nothing measures.
  log(`long FJP: ${sizes.longFjp.years} years and its first ${sizes.longFjp.baselineYears} through the simulator, beside the stack's start`);
  const longFjp = measureLongFjp(sizes.longFjp, log);
  // Awaited once the stack is up; a failure before then is no unhandled rejection.
  longFjp.catch(() => undefined);
  const stack = await startStack({ postgresUrl: options.postgresUrl, defer: (stop) => cleanups.push(stop), log, onCrash: (message) => childDied(message) });
  run.stack = stack;
  figures.push(...(await longFjp));
  const memory = sampleMemory(stack.workerPid);
  run.memory = memory;
  cleanups.push(() => memory.stop());
  const idleRss = memory.now();

  log(`starts: ${sizes.starts} insatser and ${sizes.starts} empty workflows, ${sizes.concurrency} at a time`);
  const starts = await unlessChildDies(measureStarts(stack, { count: sizes.starts, rounds: sizes.rounds, extraRoundsBelowTarget: sizes.extraRoundsBelowTarget, concurrency: sizes.concurrency }, log));
  figures.push(...starts.figures);
  const steady = sizes.pacedEvents > 0 ? `; then ${sizes.pacedEvents} each at ${sizes.pacedPerSecond}/s` : '';
  log(`events: ${sizes.events} through the API and ${sizes.events} through the Temporal client, ${sizes.concurrency} at a time${steady}`);
  figures.push(...(await unlessChildDies(measureEvents(
        stack,
        starts,
        { count: sizes.events, rounds: sizes.rounds, extraRoundsBelowTarget: sizes.extraRoundsBelowTarget, concurrency: sizes.concurrency, paced: { count: sizes.pacedEvents, perSecond: sizes.pacedPerSecond } },
        log,
      ))));
  await waitUntilQuiet(5_000);
  const openPhaseStart = { rss: memory.now(), open: await stack.database.insats.count() };
  log(`old insatser: ${sizes.oldInsatser} decided three years ago, brought in today over HTTP`);
  const old = await unlessChildDies(bringInOldInsatser(stack, sizes.oldInsatser, sizes.concurrency));
  figures.push(...old.figures);
  log(`burst: up to ${sizes.openInsatser} open insatser (${sizes.openBudgetSeconds} s budget), ${sizes.dueTogether} reminders due together`);
  figures.push(...(await unlessChildDies(measureBurst(stack, { ...sizes, timeoutSeconds: sizes.burstTimeoutSeconds }, memory, idleRss, openPhaseStart, log))));
  log(`workflow tasks: the histories of ${sizes.historySample} insatser, the ${old.ids.length} old ones and up to ${sizes.historySample} empty workflows`);
  figures.push(...(await unlessChildDies(measureWorkflowTasks(stack, { sampleSize: sizes.historySample, oldIds: old.ids }))));
}

/** What the run found when a child died: how many insatser were open and how big the worker had grown. */
async function deathFigures(run: Run, message: string): Promise<Figure[]> {
  const open = await run.stack?.database.insats.count().catch(() => undefined);
  return [
    // A target nothing meets: a run that stops is itself the finding.
    { measurement: `run stopped: ${message}`, value: open, unit: 'insatser open then', target: { on: 'value', below: 0 } },
    { measurement: 'worker RSS peak before it stopped', value: run.memory?.peak(), unit: 'MB' },
  ];
}

async function main(): Promise<number> {
  const run: Run = { options: parseOptions(process.argv.slice(2)), figures: [] };
  const { options, figures } = run;
  process.once('SIGINT', () => interrupt('interrupted', 130));
  process.once('SIGTERM', () => interrupt('terminated', 143));
  log(`bench, ${options.mode} mode`);
  try {
    await measure(run);
  } catch (error) {
    if (!(error instanceof ChildDiedError) || figures.length === 0) throw error;
    log(`${error.message}; reporting the figures so far`);
    figures.push(...(await deathFigures(run, error.message)));
  }

  const judged = figures.map(judge);
  const ratiosMet = judged.every((figure) => figure.target?.on !== 'ratio' || figure.met);
  const enforcedMet = judged.every((figure) => !isEnforced(figure) || figure.met);
  const complete = judged.every((figure) => !figure.measurement.startsWith('run stopped'));
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  console.log(`\n${formatTable(judged)}\n`);
  await writeReport(options.out, {
    mode: options.mode,
    startedAt: startedAt.toISOString(),
    seconds,
    sizes: options.sizes,
    ...(run.stack ? { worker: { maxCachedWorkflows: run.stack.maxCachedWorkflows, bundleSeconds: run.stack.workerBundleSeconds } } : {}),
    complete,
    ratiosMet,
    enforcedMet,
    figures: judged,
  });
  console.log(`figures written to ${options.out} (${seconds.toFixed(0)} s)`);
  if (!complete) return 1;
  if (options.mode === 'quick' && !enforcedMet) {
    console.log('an enforced target was missed');
    return 1;
  }
  return 0;
}

main()
  .catch((error) => {
    if (error instanceof UsageError || error instanceof BenchSetupError) log(error.message);
    else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  })
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  });
