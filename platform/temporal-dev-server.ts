// The Temporal dev server (Temporal CLI `server start-dev`) as a child process with the Web UI:
// on a SQLite file under `dataDir` for `npm start` when TEMPORAL_ADDRESS is unset and for the
// restart fault test, in memory for the bench.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeRegistrations } from '../workflows/search-attributes';
import { temporalCliPath } from './temporal-binaries';

export interface TemporalDevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(options: {
  /** Where its SQLite database lives; without one, it keeps everything in memory and loses it on exit. */
  dataDir?: string;
  port: number;
  uiPort: number;
  namespace: string;
  /** The codec server the Web UI decodes payloads with (api/codec-routes.ts). */
  uiCodecEndpoint?: string;
}): Promise<TemporalDevServer> {
  const folder = options.dataDir ? join(options.dataDir, 'temporal') : undefined;
  if (folder) await mkdir(folder, { recursive: true });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    ...(folder ? ['--db-filename', join(folder, 'temporal.db')] : []),
    '--namespace', options.namespace,
    '--log-level', 'error',
    ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
    ...searchAttributeRegistrations().flatMap((registration) => ['--search-attribute', registration]),
  ];
  const child = spawn(temporalCliPath(), args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // A crash of ours must not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const address = `127.0.0.1:${options.port}`;
  for (const started = Date.now(); ; ) {
    if (child.exitCode !== null) throw new Error(`the Temporal dev server exited with code ${child.exitCode}; is port ${options.port} free?`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      break;
    } catch (error) {
      if (Date.now() - started > 60_000) {
        child.kill('SIGKILL');
        throw new Error(`the Temporal dev server did not answer on ${address} within 60 s: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  return {
    address,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
