// The worker process killed with SIGKILL in the middle of a burst of reminders, then started again:
// every reminder is stored once and e-mailed once. Real processes: the Temporal dev server, the
// worker as `npm run worker` would run it, PostgreSQL, and an SMTP relay that answers slowly.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createInsatsClient } from '../../client/insats-client';
import { parseLocalDateTime } from '../../domain';
import { fixedOffsetClock } from '../../platform/clock';
import { createDatabase, type Database } from '../../platform/database';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver';
import { startDevServer, uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';
import { burstOfInsatser } from './burst';

const BURST = 150;

let env: TestWorkflowEnvironment;
let database: Database;
let smtp: SmtpReceiver;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  [env, smtp] = await Promise.all([startDevServer(), startSmtpReceiver({ delayMs: 400 })]);
  database = createDatabase(inject('databaseUrl'));
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
  await database?.$disconnect();
  await smtp?.close();
  await env?.teardown();
});

describe('the worker killed in the middle of a burst of reminders', () => {
  it('stores and e-mails every reminder exactly once after a restart', { timeout: 240_000 }, async () => {
    const workerEnvironment = { temporalAddress: env.address, databaseUrl: inject('databaseUrl'), smtpUrl: smtp.url };
    workers.push(await startWorkerProcess(workerEnvironment));

    const prefix = uniqueInsatsId('killed');
    // All reminders fall due together, 08:00 on Monday 2025-12-29, some seconds from now.
    const clock = fixedOffsetClock(new Date(parseLocalDateTime('2025-12-29T08:00').getTime() - 12_000));
    const insatsIds = await burstOfInsatser(createInsatsClient(env.client, { clock }), prefix, BURST);
    const reminders = () => database.notification.findMany({ where: { insatsId: { startsWith: prefix }, rule: 'bemanning' } });

    await eventually(() => (smtp.received.length >= BURST / 5 ? true : undefined), 60_000, 'the burst to begin');
    await workers[0]!.kill('SIGKILL');
    const atKill = await reminders();
    const deliveredAtKill = smtp.mailbox().length;
    // The kill really fell in the middle: some e-mails out, some claimed and in flight, some not begun.
    expect(deliveredAtKill).toBeLessThan(BURST);
    expect(atKill.filter((row) => row.sentAt === null).length).toBeGreaterThan(0);

    workers.push(await startWorkerProcess(workerEnvironment));
    const stored = await eventually(
      async () => {
        const rows = await reminders();
        return rows.length === BURST && rows.every((row) => row.sentAt !== null) ? rows : undefined;
      },
      150_000,
      `all ${BURST} reminders stored and sent`,
    );

    expect(new Set(stored.map((row) => row.insatsId))).toEqual(new Set(insatsIds));
    expect(stored.every((row) => row.kind === 'reminder' && row.lastError === null)).toBe(true);
    const mailbox = smtp.mailbox().filter((mail) => mail.subject?.includes(prefix));
    expect(mailbox).toHaveLength(BURST);
    expect(new Set(mailbox.map((mail) => mail.messageId))).toEqual(new Set(stored.map((row) => row.messageId)));
    // A resend can only come from a send the kill interrupted after the relay confirmed it and
    // before the row was marked; it carries the same Message-ID, which the relay drops.
    const retried = new Set(stored.filter((row) => row.attempts > 1).map((row) => row.messageId));
    expect(smtp.resentMessageIds().every((messageId) => retried.has(messageId))).toBe(true);
  });
});
