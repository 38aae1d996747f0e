// The bench's worker, in its own process: the service's worker (createWorker, real activities
// on the bench database and SMTP receiver, tuned from the environment like `npm run worker`) with a
// bundle that also holds the empty workflow.
import { fileURLToPath } from 'node:url';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../activities';
import { readConfig } from '../platform/config';
import { createDatabase } from '../platform/database';
import { dataConverterFor } from '../platform/data-converter';
import { parsePayloadKeys } from '../platform/payload-keys';
import { createMailer } from '../platform/mailer';
import { installTemporalRuntime } from '../platform/temporal-runtime';
import { bundleWorkflows, createWorker } from '../worker';
import { createBenchActivities } from './bench-activities';
import { stopWithParent } from './child-process';

export interface WorkerReady {
  bundleSeconds: number;
  /** Workflows the worker keeps in memory; more open insatser than this are replayed when they wake. */
  maxCachedWorkflows: number;
}

const workflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

async function main(): Promise<void> {
  installTemporalRuntime('ERROR', { handleSignals: false });
  const bundleStarted = performance.now();
  const workflowBundle = await bundleWorkflows(workflowsPath);
  const bundleSeconds = (performance.now() - bundleStarted) / 1000;

  const database = createDatabase(process.env.DATABASE_URL!);
  const mailer = createMailer(process.env.SMTP_URL!, 'bench@kundval.example');
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker = await createWorker({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE!,
    activities: { ...createActivities({ database, mailer, notifyFallbackDomain: 'bench.example' }), ...createBenchActivities(database) },
    workflowBundle,
    // WORKER_MAX_CACHED_WORKFLOWS and WORKER_MAX_CONCURRENT_ACTIVITIES, as `npm run worker` reads them.
    tuning: readConfig(),
    dataConverter: dataConverterFor(parsePayloadKeys(process.env.PAYLOAD_KEYS!)),
  });
  const running = worker.run();
  stopWithParent(async () => {
    worker.shutdown();
    await running;
    await connection.close();
    await database.$disconnect();
    mailer.close();
  });
  process.send!({ bundleSeconds, maxCachedWorkflows: worker.options.maxCachedWorkflows } satisfies WorkerReady);
  await running;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
