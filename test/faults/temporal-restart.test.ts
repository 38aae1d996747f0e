// The Temporal dev server stopped and started again on its persisted database (as `npm start` runs
// it), while the worker process keeps running: the open insatser keep their timers, fire them once
// the server is back, and still take events.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../platform/free-port';
import { createInsatsClient } from '../../client/insats-client';
import { parseLocalDateTime } from '../../domain';
import { fixedOffsetClock } from '../../platform/clock';
import { createDatabase, type Database } from '../../platform/database';
import { startTemporalDevServer, type TemporalDevServer } from '../../platform/temporal-dev-server';
import { insatsWorkflowId } from '../../workflows/ids';
import { insatsStateQuery } from '../../workflows/messages';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver';
import { uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { testDataConverter } from '../helpers/payload-keys';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';
import { burstOfInsatser } from './burst';

const OPEN = 20;

let dataDir: string;
let server: TemporalDevServer | undefined;
let database: Database;
let smtp: SmtpReceiver;
let worker: WorkerProcess | undefined;
let ports: { port: number; uiPort: number };

const startServer = () => startTemporalDevServer({ dataDir, ...ports, namespace: 'default' });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kundval-temporal-restart-'));
  ports = { port: await freePort(), uiPort: await freePort() };
  [server, smtp] = await Promise.all([startServer(), startSmtpReceiver()]);
  database = createDatabase(inject('databaseUrl'));
});
afterAll(async () => {
  await worker?.kill('SIGKILL');
  await server?.stop();
  await database?.$disconnect();
  await smtp?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A client of its own per server run: the connection goes down with the server. */
async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: server!.address });
  try {
    return await use(new Client({ connection, namespace: 'default', dataConverter: testDataConverter }));
  } finally {
    await connection.close();
  }
}

describe('the Temporal server stopped and restarted on its database', () => {
  it('keeps the timers of open insatser and fires them when it is back', { timeout: 240_000 }, async () => {
    worker = await startWorkerProcess({ temporalAddress: server!.address, databaseUrl: inject('databaseUrl'), smtpUrl: smtp.url });
    const prefix = uniqueInsatsId('temporal-restart');
    const dueAt = Date.now() + 15_000;
    const clock = fixedOffsetClock(new Date(parseLocalDateTime('2025-12-29T08:00').getTime() - (dueAt - Date.now())));
    const insatsIds = await withClient((client) => burstOfInsatser(createInsatsClient(client, { clock }), prefix, OPEN));
    await eventually(async () => ((await database.insats.count({ where: { id: { startsWith: prefix } } })) === OPEN ? true : undefined), 30_000, 'the insatser recorded');

    await server!.stop();
    // Down across the instant the reminders fall due.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt + 5_000 - Date.now())));
    expect(smtp.received.filter((mail) => mail.subject?.includes(prefix))).toEqual([]);
    server = await startServer();
    const backAt = Date.now();

    const reminders = await eventually(
      async () => {
        const rows = await database.notification.findMany({ where: { insatsId: { startsWith: prefix }, rule: 'bemanning' } });
        return rows.length === OPEN && rows.every((row) => row.sentAt !== null) ? rows : undefined;
      },
      120_000,
      `all ${OPEN} reminders sent after the restart`,
    );
    expect(reminders.every((row) => row.kind === 'reminder' && row.sentAt!.getTime() >= backAt)).toBe(true);
    expect(smtp.received.filter((mail) => mail.subject?.includes(prefix))).toHaveLength(OPEN);

    // Still open, with the next deadline's timer intact, and still taking events.
    await withClient(async (client) => {
      const insatser = createInsatsClient(client, { clock });
      // The workflow's own state, not the projection: it is what survived the restart.
      const handle = client.workflow.getHandle(insatsWorkflowId(insatsIds[0]!));
      const state = await handle.query(insatsStateQuery);
      expect(state.openDeadlines.find((deadline) => deadline.rule === 'bemanning')).toMatchObject({ due: '2025-12-29' });
      const description = await handle.describe();
      expect(description.status.name).toBe('RUNNING');
      await insatser.applyEvent(insatsIds[0]!, { event: { type: 'bemannad' } });
    });
    await eventually(async () => ((await database.insatsEvent.count({ where: { insatsId: insatsIds[0]!, type: 'bemannad' } })) === 1 ? true : undefined), 30_000, 'the event stored');
  });
});
