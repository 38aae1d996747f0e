// The API on the test database with no Temporal behind it (a client that never connects): for
// routes that read PostgreSQL only, or answer before Temporal would be asked.
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { createApp, type AppDependencies } from '../../api/app';
import { createPaymentClient } from '../../client/payment-client';
import { createInsatsClient } from '../../client/insats-client';
import type { Database } from '../../platform/database';

export async function startDatabaseOnlyApp(database: Database, options: Omit<AppDependencies, 'insatser' | 'payments' | 'database'> = {}): Promise<{ baseUrl: string; close: () => void }> {
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) });
  const server: Server = createApp({ insatser: createInsatsClient(temporal), payments: createPaymentClient(temporal), database, ...options }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  return { baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => server.close() };
}
