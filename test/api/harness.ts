// A running API on real parts: the Temporal dev server, a worker with real activities, the test
// database, a real SMTP receiver, and API keys for every role.
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createApiKey, type NewApiKey } from '../../api/api-keys';
import { createApp } from '../../api/app';
import { createPaymentClient } from '../../client/payment-client';
import { createInsatsClient } from '../../client/insats-client';
import { parseLocalDateTime } from '../../domain';
import { fixedOffsetClock } from '../../platform/clock';
import { createDatabase, type Database } from '../../platform/database';
import { createMailer } from '../../platform/mailer';
import { dataConverterFor } from '../../platform/data-converter';
import { EncryptionCodec } from '../../platform/payload-codec';
import { newPayloadKeysValue, parsePayloadKeys, type PayloadKeyring } from '../../platform/payload-keys';
import { createWorker } from '../../worker';
import { startSmtpReceiver } from '../helpers/smtp-receiver';
import { startDevServer, uniqueInsatsId } from '../helpers/temporal';

export interface Harness {
  baseUrl: string;
  /** The payload keys the worker and the client encrypt with, as in production (platform/payload-codec.ts). */
  keyring: PayloadKeyring;
  database: Database;
  /** The Temporal client, to look at a workflow the API started (or did not). */
  temporal: Client;
  token: (who: string) => string;
  request: (method: string, path: string, options?: { as?: string; body?: unknown; headers?: Record<string, string> }) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startHarness(databaseUrl: string, keys: Record<string, NewApiKey>, now = '2025-12-23T10:00'): Promise<Harness> {
  const keyring = parsePayloadKeys(newPayloadKeysValue('test'));
  const dataConverter = dataConverterFor(keyring);
  const [env, smtp] = await Promise.all([startDevServer({ dataConverter }), startSmtpReceiver()]);
  const database = createDatabase(databaseUrl);
  const taskQueue = `api-${uniqueInsatsId('q')}`;
  const worker: Worker = await createWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    dataConverter,
    activities: createActivities({ database, mailer: createMailer(smtp.url, 'test@kundval.example'), notifyFallbackDomain: 'test.example' }),
  });
  const workerRun = worker.run();
  const clock = fixedOffsetClock(parseLocalDateTime(now));
  const app = createApp({ insatser: createInsatsClient(env.client, { clock, taskQueue }), payments: createPaymentClient(env.client, { taskQueue }), database, clock, rateLimitPerMinute: 100_000,
    codecServer: { codec: new EncryptionCodec(keyring), uiOrigins: ['http://ui.test.example'] },
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const tokens: Record<string, string> = {};
  for (const [who, key] of Object.entries(keys)) tokens[who] = (await createApiKey(database, key)).token;
  const token = (who: string) => tokens[who] ?? who;

  return {
    baseUrl,
    keyring,
    database,
    temporal: env.client,
    token,
    request: (method, path, { as, body, headers = {} } = {}) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(as ? { authorization: `Bearer ${token(as)}` } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      }),
    async close() {
      server.close();
      worker.shutdown();
      await workerRun;
      await database.$disconnect();
      await smtp.close();
      await env.teardown();
    },
  };
}
