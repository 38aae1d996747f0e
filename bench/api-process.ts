// The bench's HTTP API, in its own process as a production API would run, so the load
// generator does not share its event loop. Request logs stay on (at LOG_LEVEL) because writing
// them is part of each request's cost; the bench discards the output.
import { dataConverterFor } from '../platform/data-converter';
import { parsePayloadKeys } from '../platform/payload-keys';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app';
import { createInsatsClient } from '../client/insats-client';
import { createPaymentClient } from '../client/payment-client';
import { createDatabase } from '../platform/database';
import { stopWithParent } from './child-process';

export interface ApiReady {
  url: string;
}

async function main(): Promise<void> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE!, dataConverter: dataConverterFor(parsePayloadKeys(process.env.PAYLOAD_KEYS!)) });
  const database = createDatabase(process.env.DATABASE_URL!);
  const app = createApp({
    insatser: createInsatsClient(client),
    payments: createPaymentClient(client),
    database,
    // The bench's clients all use one key; the limit would measure the limiter, not the API.
    rateLimitPerMinute: 1_000_000_000,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  stopWithParent(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await connection.close();
    await database.$disconnect();
  });
  process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } satisfies ApiReady);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
