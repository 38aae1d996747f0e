// The worker process killed with SIGKILL in the middle of the day's delivery, then started again:
// every recipient gets its digest once, holding each of its reminders once. Real processes: the
// Temporal dev server, the worker as `npm run worker` would run it, PostgreSQL, and an SMTP relay
// that answers slowly, so the kill falls between claims and sends.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDeliveryWorkflow } from '../../client/delivery-client';
import { createInsatsClient } from '../../client/insats-client';
import { defaultDigestSettings, parseLocalDateTime } from '../../domain';
import { fixedOffsetClock } from '../../platform/clock';
import { createDatabase, type Database } from '../../platform/database';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver';
import { testDataConverter } from '../helpers/payload-keys';
import { startDevServer, uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';
import { bemanningDueMonday, burstOfInsatser } from './burst';

const BURST = 150;
const ANORDNARE = 30;

let env: TestWorkflowEnvironment;
let database: Database;
let smtp: SmtpReceiver;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  [env, smtp] = await Promise.all([startDevServer({ dataConverter: testDataConverter }), startSmtpReceiver({ delayMs: 1_500 })]);
  database = createDatabase(inject('databaseUrl'));
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
  await database?.$disconnect();
  await smtp?.close();
  await env?.teardown();
});

describe('the worker killed in the middle of the day’s delivery', () => {
  it('sends every recipient its digest once, with each of its reminders once, after a restart', { timeout: 300_000 }, async () => {
    const workerEnvironment = { temporalAddress: env.address, databaseUrl: inject('databaseUrl'), smtpUrl: smtp.url };
    workers.push(await startWorkerProcess(workerEnvironment));
    const prefix = uniqueInsatsId('killed');
    const anordnare = (index: number) => `${prefix}-a${index % ANORDNARE}`;
    // Every reminder is due at 08:00 on Monday 2025-12-29: 150 insatser of 30 anordnare, started a
    // minute before on their clock, store theirs at once (within the store-ahead window).
    const monday8 = parseLocalDateTime('2025-12-29T08:00').getTime();
    const clock = fixedOffsetClock(new Date(monday8 - 60_000));
    const insatsIds = await burstOfInsatser(createInsatsClient(env.client, { clock }), prefix, BURST, (insatsId, index) => bemanningDueMonday(insatsId, { anordnare: anordnare(index) }));
    await eventually(
      async () => ((await database.outboxItem.count({ where: { insatsId: { startsWith: prefix } } })) === BURST ? true : undefined),
      90_000,
      'every reminder stored in the outbox',
    );
    // The delivery's own clock reaches 08:00 three seconds from now, whatever the starts took.
    await ensureDeliveryWorkflow(env.client, { settings: defaultDigestSettings, clockOffsetMs: monday8 - 3_000 - Date.now(), workflowId: `delivery-${prefix}` });
    const deliveries = () => database.delivery.findMany({ where: { recipientRole: 'anordnare', recipientId: { startsWith: `${prefix}-a` } }, include: { items: true } });
    const ours = () => smtp.received.filter((mail) => mail.text?.includes(prefix));

    // Killed while some digests are out and others are claimed but not yet confirmed by the relay.
    await eventually(
      async () => (ours().length > 0 && (await deliveries()).some((row) => row.status === 'pending') ? true : undefined),
      90_000,
      'a digest out and another claimed',
    );
    await workers[0]!.kill('SIGKILL');
    const atKill = await deliveries();
    // The kill really fell in the middle: some digests out, some claimed and not sent.
    expect(ours().length).toBeLessThan(ANORDNARE);
    expect(atKill.some((row) => row.status === 'pending')).toBe(true);

    workers.push(await startWorkerProcess(workerEnvironment));
    const sent = await eventually(
      async () => {
        const rows = await deliveries();
        return rows.length === ANORDNARE && rows.every((row) => row.status === 'sent') ? rows : undefined;
      },
      180_000,
      `a digest sent to each of the ${ANORDNARE} anordnare`,
    );
    // One digest per anordnare, holding its five reminders; every insats's reminder in exactly one.
    expect(sent.map((row) => row.kind)).toEqual(Array(ANORDNARE).fill('digest'));
    expect(sent.every((row) => row.items.length === BURST / ANORDNARE)).toBe(true);
    expect(sent.flatMap((row) => row.items.map((item) => item.insatsId)).sort()).toEqual([...insatsIds].sort());
    expect(await database.notification.count({ where: { insatsId: { startsWith: prefix } } })).toBe(0);

    const mailbox = smtp.mailbox().filter((mail) => mail.text?.includes(prefix));
    expect(mailbox).toHaveLength(ANORDNARE);
    expect(new Set(mailbox.map((mail) => mail.messageId))).toEqual(new Set(sent.map((row) => row.messageId)));
    // A resend can only come from a send the kill interrupted after the relay confirmed it and
    // before the row was marked; it carries the same Message-ID, which the relay drops.
    const retried = new Set(sent.filter((row) => row.attempts > 1).map((row) => row.messageId));
    expect(smtp.resentMessageIds().filter((messageId) => mailbox.some((mail) => mail.messageId === messageId)).every((messageId) => retried.has(messageId))).toBe(true);
    await env.client.workflow.getHandle(`delivery-${prefix}`).terminate('test finished');
  });
});
