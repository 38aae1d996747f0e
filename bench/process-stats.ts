// What /proc says about a child process: resident memory (VmRSS) and CPU time used, sampled for
// the peak; and from /proc/stat, when the whole machine has gone quiet.
import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

export function residentMegabytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    // No /proc (not Linux) or the process is gone.
    return undefined;
  }
}

/** User plus system CPU seconds the process has used; 0 without /proc. */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name, which may itself hold spaces: utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Busy and total CPU time of the whole machine, in clock ticks (/proc/stat); undefined without /proc. */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return { busy, total: busy + idle! + iowait! };
  } catch {
    return undefined;
  }
}

/**
 * Waits until the whole machine (worker, API, Temporal, PostgreSQL) used under a tenth of its CPUs
 * for half a second, or `timeoutMs` passed: a round that starts while the last one's writes are
 * still settling would be charged for them.
 */
export async function waitUntilQuiet(timeoutMs = 30_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    const before = machineTicks();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = machineTicks();
    if (!before || !after || after.busy - before.busy < 0.1 * (after.total - before.total)) return;
  }
}

export interface MemorySampler {
  now(): number | undefined;
  peak(): number | undefined;
  stop(): void;
}

export function sampleMemory(pid: number, intervalMs = 500): MemorySampler {
  let peak: number | undefined;
  const sample = () => {
    const current = residentMegabytes(pid);
    if (current !== undefined && (peak === undefined || current > peak)) peak = current;
    return current;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return { now: sample, peak: () => peak, stop: () => clearInterval(timer) };
}
