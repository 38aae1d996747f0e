// `npm run worker` as a real child process, so a fault test can kill it the way a machine dies.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { TEST_PAYLOAD_KEYS } from './payload-keys';

const workerEntry = fileURLToPath(new URL('../../worker.ts', import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

export interface WorkerProcess {
  pid: number;
  /** Sends `signal` and waits until the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts the worker and resolves once it reports that it is polling. */
export async function startWorkerProcess(environment: { temporalAddress: string; databaseUrl: string; smtpUrl: string }): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', tsxLoader, workerEntry], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: environment.temporalAddress,
      DATABASE_URL: environment.databaseUrl,
      SMTP_URL: environment.smtpUrl,
      PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`the worker did not start within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"worker polling"')) {
        clearTimeout(timeout);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`the worker exited with code ${code}:\n${output}`));
    });
  });

  return {
    pid: child.pid!,
    async kill(signal) {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
