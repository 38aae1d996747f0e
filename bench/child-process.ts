// Starts a bench child (the worker, the API) as its own Node process running TypeScript through
// tsx, so its memory is its own and its pid is the one /proc reports on. The child says it is
// ready over IPC; if the bench dies, the closed IPC channel and the exit hook below end it.
import { spawn } from 'node:child_process';
import { basename } from 'node:path';

/** `BENCH_CPU_PROFILE=<dir>`: each child writes a V8 CPU profile there when it stops (Chrome DevTools opens it). */
const profiling = () => (process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []);

export interface ChildHandle<Ready> {
  pid: number;
  ready: Promise<Ready>;
  stop(): Promise<void>;
}

export function startChild<Ready>(
  entry: string,
  env: Record<string, string>,
  { quiet = false, onCrash }: { quiet?: boolean; onCrash: (message: string) => void },
): ChildHandle<Ready> {
  const child = spawn(process.execPath, [...profiling(), '--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stopping = false;
  void exited.then((code) => {
    if (!stopping) onCrash(`${basename(entry)} exited with code ${code ?? child.signalCode}`);
  });

  const ready = new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    void exited.then((code) => reject(new Error(`${basename(entry)} exited with code ${code ?? child.signalCode} before it was ready`)));
  });

  // Awaited by whoever needs the child; a child stopped before anyone did is no unhandled error.
  ready.catch(() => undefined);

  return {
    pid: child.pid!,
    ready,
    async stop() {
      stopping = true;
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** In the child: runs `stop` once, on SIGTERM or when the bench that started it goes away. */
export function stopWithParent(stop: () => Promise<void>): void {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    // A stop that hangs must not keep the child alive.
    setTimeout(() => process.exit(1), 10_000).unref();
    stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', once);
  process.once('SIGINT', once);
  process.once('disconnect', once);
}
