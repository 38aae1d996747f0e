// Starts everything a bench run measures against: the Temporal dev server (in memory, free
// ports), a fresh PostgreSQL database, the SMTP receiver, the worker and the API as child
// processes, and the bench's own Temporal client and Prisma client. Every piece registers its
// stop with `defer` as soon as it runs, so a failure half-way still cleans up.
import { dataConverterFor } from '../platform/data-converter';
import { newPayloadKeysValue, parsePayloadKeys } from '../platform/payload-keys';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { createApiKey } from '../api/api-keys';
import { createDatabase, type Database } from '../platform/database';
import { createScratchDatabase, DatabaseServerUnreachableError } from '../platform/scratch-database';
import { startTemporalDevServer } from '../platform/temporal-dev-server';
import { createApiClient, type ApiClient } from './api-client';
import type { ApiReady } from './api-process';
import { startChild } from './child-process';
import { ANORDNARE, KVL } from './fixtures';
import { freePort } from '../platform/free-port';
import { startSmtpReceiver, type SmtpReceiver } from '../test/helpers/smtp-receiver';
import type { WorkerReady } from './worker-process';

const NAMESPACE = 'default';

/** The bench cannot start: the message says what to set. */
export class BenchSetupError extends Error {}

export interface Stack {
  client: Client;
  database: Database;
  smtp: SmtpReceiver;
  /** The API, as the anordnare of every bench insats. */
  api: ApiClient;
  /** The API, as their kvl: the one who aktualiserar. */
  kvlApi: ApiClient;
  workerPid: number;
  apiPid: number;
  workerBundleSeconds: number;
  maxCachedWorkflows: number;
}

export type Defer = (stop: () => Promise<unknown> | unknown) => void;

const childPath = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export interface StackOptions {
  postgresUrl: string;
  defer: Defer;
  log: (line: string) => void;
  /** Called when the worker or the API dies while the bench runs. */
  onCrash: (message: string) => void;
}

export async function startStack({ postgresUrl, defer, log, onCrash }: StackOptions): Promise<Stack> {
  const benchDatabase = await createScratchDatabase(postgresUrl, `kundval_bench_${Date.now()}`).catch((error: unknown) => {
    if (error instanceof DatabaseServerUnreachableError) throw new BenchSetupError(`npm run bench needs PostgreSQL (set BENCH_POSTGRES_URL to another server): ${error.message}`);
    throw error;
  });
  defer(() => benchDatabase.drop());
  log(`database ${benchDatabase.name} created`);

  const [port, uiPort] = [await freePort(), await freePort()];
  // In memory: on a SQLite file on this machine's disk, Temporal's own CPU per event ranged from
  // 14 to 35 ms between rounds of one run (11–18 ms in memory), and every ratio swung with it. The
  // bench restarts nothing; the fault tests run the server on a file.
  const devServer = await startTemporalDevServer({ port, uiPort, namespace: NAMESPACE });
  defer(() => devServer.stop());
  log(`Temporal dev server on ${devServer.address}`);

  const smtp = await startSmtpReceiver();
  defer(() => smtp.close());

  // Encrypted as in production: the codec's cost is part of what the bench measures.
  const payloadKeys = newPayloadKeysValue('bench');
  const childEnv = { TEMPORAL_ADDRESS: devServer.address, TEMPORAL_NAMESPACE: NAMESPACE, DATABASE_URL: benchDatabase.url, SMTP_URL: smtp.url, PAYLOAD_KEYS: payloadKeys };
  const worker = startChild<WorkerReady>(childPath('./worker-process.ts'), childEnv, { onCrash });
  defer(() => worker.stop());
  const api = startChild<ApiReady>(childPath('./api-process.ts'), { ...childEnv, LOG_LEVEL: process.env.LOG_LEVEL || 'info' }, { quiet: true, onCrash });
  defer(() => api.stop());

  const connection = await Connection.connect({ address: devServer.address });
  defer(() => connection.close());
  const client = new Client({ connection, namespace: NAMESPACE, dataConverter: dataConverterFor(parsePayloadKeys(payloadKeys)) });
  const database = createDatabase(benchDatabase.url, 5);
  defer(() => database.$disconnect());

  const anordnareToken = (await createApiKey(database, { role: 'anordnare', anordnare: ANORDNARE, name: 'bench' })).token;
  const kvlToken = (await createApiKey(database, { role: 'kvl', kvl: KVL, name: 'bench kvl' })).token;
  const [workerReady, apiReady] = await Promise.all([worker.ready, api.ready]);
  log(`worker (pid ${worker.pid}, bundle built in ${workerReady.bundleSeconds.toFixed(1)} s) and API (pid ${api.pid}) ready`);
  const apiClient = createApiClient(apiReady.url, anordnareToken);
  defer(() => apiClient.close());
  const kvlApiClient = createApiClient(apiReady.url, kvlToken);
  defer(() => kvlApiClient.close());
  return {
    client,
    database,
    smtp,
    api: apiClient,
    kvlApi: kvlApiClient,
    workerPid: worker.pid,
    apiPid: api.pid,
    workerBundleSeconds: workerReady.bundleSeconds,
    maxCachedWorkflows: workerReady.maxCachedWorkflows,
  };
}
