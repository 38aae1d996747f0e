// PostgreSQL unreachable for 30 s, through a TCP proxy the test cuts, while reminders fall due and
// events arrive: the activities retry, and afterwards every reminder is stored and e-mailed once
// and every event is stored. Real processes: the Temporal dev server, the worker, PostgreSQL, SMTP.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createInsatsClient } from '../../client/insats-client';
import { parseLocalDateTime } from '../../domain';
import { fixedOffsetClock } from '../../platform/clock';
import { createDatabase, type Database } from '../../platform/database';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { testDataConverter } from '../helpers/payload-keys';
import { startDevServer, uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';
import { burstOfInsatser } from './burst';

const BURST = 20;
const OUTAGE_MS = 30_000;

let env: TestWorkflowEnvironment;
let database: Database;
let smtp: SmtpReceiver;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  const databaseUrl = new URL(inject('databaseUrl'));
  [env, smtp, proxy] = await Promise.all([
    startDevServer({ dataConverter: testDataConverter }),
    startSmtpReceiver(),
    startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) }),
  ]);
  database = createDatabase(databaseUrl.toString());
});
afterAll(async () => {
  await worker?.kill('SIGKILL');
  await database?.$disconnect();
  await proxy?.close();
  await smtp?.close();
  await env?.teardown();
});

describe('PostgreSQL unreachable for 30 s', () => {
  it('loses no reminder and no event, and sends each reminder once', { timeout: 240_000 }, async () => {
    const throughProxy = new URL(inject('databaseUrl'));
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    worker = await startWorkerProcess({ temporalAddress: env.address, databaseUrl: throughProxy.toString(), smtpUrl: smtp.url });

    const prefix = uniqueInsatsId('pg-outage');
    const dueAt = Date.now() + 15_000;
    const clock = fixedOffsetClock(new Date(parseLocalDateTime('2025-12-29T08:00').getTime() - (dueAt - Date.now())));
    const insatser = createInsatsClient(env.client, { clock });
    const insatsIds = await burstOfInsatser(insatser, prefix, BURST);
    await eventually(async () => ((await database.insats.count({ where: { id: { startsWith: prefix } } })) === BURST ? true : undefined), 30_000, 'the insatser recorded');

    // The database goes away a few seconds before the reminders fall due.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - 3_000 - Date.now())));
    proxy.cut();
    const cutAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt + 2_000 - Date.now())));
    // Events keep arriving meanwhile: Temporal holds them until the projection can be written.
    const staffed = insatsIds.slice(0, 5);
    for (const insatsId of staffed) await insatser.applyEvent(insatsId, { event: { type: 'bemannad' } });
    expect(smtp.received.filter((mail) => mail.subject?.includes(prefix))).toEqual([]);
    expect(await database.insatsEvent.count({ where: { insatsId: { in: staffed } } })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutAt + OUTAGE_MS - Date.now())));
    proxy.restore();

    const reminders = await eventually(
      async () => {
        const rows = await database.notification.findMany({ where: { insatsId: { startsWith: prefix }, rule: 'bemanning' } });
        return rows.length === BURST && rows.every((row) => row.sentAt !== null) ? rows : undefined;
      },
      150_000,
      `all ${BURST} reminders stored and sent`,
    );
    expect(reminders.every((row) => row.kind === 'reminder' && row.lastError === null)).toBe(true);
    // Sent after the outage: no reminder slipped out while its row could not be written.
    expect(reminders.every((row) => row.sentAt!.getTime() >= cutAt + OUTAGE_MS)).toBe(true);
    const sent = smtp.received.filter((mail) => mail.subject?.includes(prefix));
    expect(sent).toHaveLength(BURST);
    expect(new Set(sent.map((mail) => mail.messageId))).toEqual(new Set(reminders.map((row) => row.messageId)));

    const events = await eventually(async () => {
      const rows = await database.insatsEvent.findMany({ where: { insatsId: { in: staffed } } });
      return rows.length === staffed.length ? rows : undefined;
    }, 90_000, 'the events stored');
    expect(events.every((row) => row.type === 'bemannad')).toBe(true);
    expect(await database.insats.count({ where: { id: { in: staffed }, phase: 'pagaende' } })).toBe(staffed.length);
  });
});
