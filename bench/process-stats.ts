// What /proc says about a child process: resident memory (VmRSS) and CPU time used, sampled for
// the peak, and "idle" as a process that used almost no CPU for a second.
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

/** Waits until the process used under 5 % of a core for a whole second, or `timeoutMs` passed. */
export async function waitUntilIdle(pid: number, timeoutMs = 30_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (cpuSeconds(pid) - before < 0.05) return;
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
