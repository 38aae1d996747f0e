// Worker entry: runs the insats workflows and their activities on the task queue.
// `npm run worker` runs it alone against TEMPORAL_ADDRESS and DATABASE_URL; `npm start` runs it
// in-process with the rest of the stack.
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type Activities } from './activities';
import { createDatabase } from './platform/database';
import { readConfig, type Config } from './platform/config';
import { dataConverterFor, failureConverterPath } from './platform/data-converter';
import { requirePayloadKeyring } from './platform/payload-keys';
import { logger } from './platform/logger';
import { createMailer } from './platform/mailer';
import { installTemporalRuntime } from './platform/temporal-runtime';
import { TASK_QUEUE } from './workflows/ids';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

// The rules the workflow runs and the libraries they use are pure, so every cached insats shares
// one copy of them; by default the SDK evaluates the bundle's modules again for each workflow
// (measured: 3.8 MB and 144 ms of worker CPU per started insats, 1.7 MB and 58 ms with these
// shared). The SDK freezes shared modules, which zod's lazily built schemas cannot take, so the
// event schemas (domain/events.ts) stay per workflow.
const domainModule = (path: string) => fileURLToPath(new URL(`./domain/${path}`, import.meta.url));
const sharedModules = ['date-holidays', 'luxon', domainModule('process/index.ts'), domainModule('reminders.ts')];
const quietBundler = { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error };

/**
 * Bundling takes seconds; tests build it once per file and share it. The bench adds a workflow; the
 * replay test adds an interceptor module (test/replay/scheduled-inputs-interceptor.ts).
 */
export function bundleWorkflows(path = workflowsPath, workflowInterceptorModules: string[] = []): Promise<WorkflowBundleWithSourceMap> {
  // Workflow failures are converted inside the bundle: their texts go into encrypted payloads too.
  return bundleWorkflowCode({ workflowsPath: path, workflowInterceptorModules, preloadModules: sharedModules, failureConverterPath, logger: quietBundler });
}

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  // Tests and the simulator register only the activities they mock.
  activities: Partial<Activities>;
  workflowBundle?: WorkflowBundleWithSourceMap;
  taskQueue?: string;
  /** WORKER_MAX_CACHED_WORKFLOWS and WORKER_MAX_CONCURRENT_ACTIVITIES (platform/config.ts). */
  tuning?: Partial<Pick<Config, 'workerMaxCachedWorkflows' | 'workerMaxConcurrentActivities'>>;
  /** The service's encrypting converter (platform/data-converter.ts); tests that look at plain payloads leave it out. */
  dataConverter?: DataConverter;
}

export async function createWorker({ connection, namespace, activities, workflowBundle, taskQueue = TASK_QUEUE, tuning = {}, dataConverter }: WorkerOptions) {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities,
    ...(dataConverter ? { dataConverter } : {}),
    workflowBundle: workflowBundle ?? (await bundleWorkflows()),
    // Each cached insats holds its state in memory (under 2 MB with the shared modules above);
    // an evicted one is rebuilt by replay on its next task.
    maxCachedWorkflows: tuning.workerMaxCachedWorkflows ?? 2000,
    maxConcurrentActivityTaskExecutions: tuning.workerMaxConcurrentActivities ?? 100,
    // After a worker dies, an insats's next task waits this long on the dead worker's sticky queue
    // before any worker may take it: short, so an event answers within 2 s of a restart.
    stickyQueueScheduleToStartTimeout: '1 second',
  });
}

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.databaseUrl || !config.temporalAddress || !config.smtpUrl) {
    throw new Error('npm run worker needs DATABASE_URL, TEMPORAL_ADDRESS and SMTP_URL; `npm start` runs everything with local defaults.');
  }
  const keyring = requirePayloadKeyring(process.env, config.dataDir);
  installTemporalRuntime('WARN');
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await createWorker({
    dataConverter: dataConverterFor(keyring),
    connection,
    namespace: config.temporalNamespace,
    activities: createActivities({
      database: createDatabase(config.databaseUrl),
      mailer: createMailer(config.smtpUrl, config.mailFrom),
      notifyFallbackDomain: config.notifyFallbackDomain,
    }),
    tuning: config,
  });
  // Operators and the fault tests wait for this line before they count on the worker.
  logger.info({ taskQueue: TASK_QUEUE, namespace: config.temporalNamespace, pid: process.pid }, 'worker polling');
  await worker.run();
  await connection.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
