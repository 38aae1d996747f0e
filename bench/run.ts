// `npm run bench [-- --quick] [--out <path.json>]`: starts a private stack, runs each
// measurement against its baseline, prints a table, writes the JSON and stops everything it
// started, on failure and Ctrl-C too. `--quick` exits 1 when a ratio misses its target.
import { judge, type Figure } from './figures';
import { BenchSetupError } from './bench-database';
import { measureBurst } from './measure-burst';
import { measureEvents } from './measure-events';
import { measureSimulate } from './measure-simulate';
import { measureStarts } from './measure-starts';
import { parseOptions, UsageError } from './options';
import { sampleMemory } from './process-stats';
import { formatTable, writeReport } from './report';
import { startStack } from './stack';

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

function abort(message: string, exitCode = 1): void {
  log(message);
  void cleanUp().then(() => process.exit(exitCode));
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const { sizes } = options;
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  log(`bench, ${options.mode} mode`);

  const figures: Figure[] = [];
  if (sizes.simulate) {
    log('npm run simulate, before anything else runs');
    figures.push(...(await measureSimulate()));
  }

  const stack = await startStack({ postgresUrl: options.postgresUrl, defer: (stop) => cleanups.push(stop), log, onCrash: (message) => abort(message) });
  const memory = sampleMemory(stack.workerPid);
  cleanups.push(() => memory.stop());
  const idleRss = memory.now();

  log(`starts: ${sizes.starts} insatser and ${sizes.starts} empty workflows, ${sizes.concurrency} at a time`);
  const starts = await measureStarts(stack, { count: sizes.starts, rounds: sizes.rounds, concurrency: sizes.concurrency });
  figures.push(...starts.figures);
  log(`events: ${sizes.events} through the API and ${sizes.events} through the Temporal client, ${sizes.concurrency} at a time`);
  figures.push(...(await measureEvents(stack, starts, { count: sizes.events, rounds: sizes.rounds, concurrency: sizes.concurrency })));
  log(`burst: up to ${sizes.openInsatser} open insatser (${sizes.openBudgetSeconds} s budget), ${sizes.dueTogether} reminders due together`);
  figures.push(...(await measureBurst(stack, { ...sizes, timeoutSeconds: sizes.burstTimeoutSeconds }, memory, idleRss, log)));

  const judged = figures.map(judge);
  const ratiosMet = judged.every((figure) => figure.target?.on !== 'ratio' || figure.met);
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  console.log(`\n${formatTable(judged)}\n`);
  await writeReport(options.out, { mode: options.mode, startedAt: startedAt.toISOString(), seconds, sizes, ratiosMet, figures: judged });
  console.log(`figures written to ${options.out} (${seconds.toFixed(0)} s)`);
  if (options.mode === 'quick' && !ratiosMet) {
    console.log('a ratio missed its target');
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
