// A long FJP through the simulator (long-fjp-process.ts in its own process), against its own
// first year: whether an insats that runs for years stays bounded. History events per run (the
// workflow continues as new after 1 000), the largest state carried into a new run, and the most
// notifications one deadline got, which must not exceed its plan (a chain that ends).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figures';
import type { LongFjpResult } from './long-fjp-process';
import { plannedAtMost } from './long-fjp-scenario';

const childPath = fileURLToPath(new URL('./long-fjp-process.ts', import.meta.url));

async function runChild(lengths: number[]): Promise<LongFjpResult[]> {
  // Its own process group, so tsx and the test server it starts all go if the bench dies.
  const child = spawn(process.execPath, ['--import', 'tsx', childPath, ...lengths.map(String)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killOnExit = () => process.kill(-child.pid!, 'SIGKILL');
  process.once('exit', killOnExit);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  process.removeListener('exit', killOnExit);
  if (code !== 0) throw new Error(`bench/long-fjp-process.ts ${lengths.join(' ')} exited with ${code}: ${stderr.slice(-500)}`);
  return JSON.parse(stdout) as LongFjpResult[];
}

const most = <T>(items: T[], value: (item: T) => number): T | undefined => items.reduce<T | undefined>((best, item) => (best === undefined || value(item) > value(best) ? item : best), undefined);
const overPlan = (result: LongFjpResult) => result.deadlines.filter((deadline) => deadline.planned !== undefined && deadline.notifications > deadline.planned).length;

export async function measureLongFjp({ years, baselineYears }: { years: number; baselineYears: number }, log: (line: string) => void): Promise<Figure[]> {
  const started = performance.now();
  const [base, long] = await runChild([baselineYears, years]);
  if (!base || !long) throw new Error('bench/long-fjp-process.ts answered without both runs');
  log(`long FJP: ${years} years in ${long.seconds.toFixed(1)} s and ${baselineYears} in ${base.seconds.toFixed(1)} s of simulation, ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  const baselineLabel = `the same FJP's first ${baselineYears === 1 ? 'year' : `${baselineYears} years`}`;
  const label = `${years}-year FJP, ${long.missedMonth} never reported`;
  const loudest = most(long.deadlines, (deadline) => deadline.notifications);
  const missedPlan = plannedAtMost('manadsrapport')!;
  return [
    {
      measurement: `${label}: history events per run, max (${long.historyEvents.length} runs)`,
      value: Math.max(...long.historyEvents),
      unit: 'events',
      baseline: Math.max(...base.historyEvents),
      baselineLabel: `${baselineLabel}, ${base.historyEvents.length} runs`,
    },
    {
      measurement: `${label}: runs (one per continue-as-new)`,
      value: long.historyEvents.length,
      unit: 'runs',
      baseline: base.historyEvents.length,
      baselineLabel,
    },
    {
      measurement: `${label}: largest continue-as-new input`,
      value: long.continuedAsNewInputBytes.length > 0 ? Math.max(...long.continuedAsNewInputBytes) : undefined,
      unit: 'bytes',
      baseline: base.continuedAsNewInputBytes.length > 0 ? Math.max(...base.continuedAsNewInputBytes) : undefined,
      baselineLabel,
    },
    {
      // The one missed report's chain: 2 reminders, the late notice, the kvl once, repeatMax repeats.
      measurement: `${label}: notifications per deadline, max (${loudest?.deadline ?? 'none'})`,
      value: loudest?.notifications ?? 0,
      unit: 'notifications',
      baseline: most(base.deadlines, (deadline) => deadline.notifications)?.notifications ?? 0,
      baselineLabel,
      target: { on: 'value', atMost: missedPlan, enforced: true },
    },
    {
      measurement: `${label}: deadlines sent more than their plan`,
      value: overPlan(long),
      unit: 'deadlines',
      baseline: overPlan(base),
      baselineLabel,
      target: { on: 'value', atMost: 0 },
    },
    {
      measurement: `${label}: deadlines missed (setup check: the scenario misses one)`,
      value: long.deadlinesMissed,
      unit: 'deadlines',
      baseline: base.deadlinesMissed,
      baselineLabel,
      target: { on: 'value', atLeast: 1, atMost: 1 },
    },
    ...[long, base]
      .filter((result) => result.eventsRejected.length > 0)
      .map((result): Figure => ({
        measurement: `${result.years}-year FJP: events refused (setup check; first: ${result.eventsRejected[0]})`,
        value: result.eventsRejected.length,
        unit: 'events',
        target: { on: 'value', atMost: 0 },
      })),
  ];
}
