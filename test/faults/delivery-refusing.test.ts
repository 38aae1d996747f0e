// The day's delivery against a relay that refuses, on the time-skipping server with the real
// activities, PostgreSQL and a real SMTP receiver. Refusing (451) for five minutes: the digest goes
// out later, exactly once, and meanwhile the retrying activity is visible to an operator, as the
// Web UI shows it (the pending activity of DescribeWorkflowExecution, with its attempt and last
// failure). Refusing for good (550): the delivery is stored as failed after one attempt and the
// insats goes on to its escalation. A send that dies between claiming and sending (a killed
// worker): the retry sends the same e-mail, once, with one Message-ID.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities';
import { ensureDeliveryWorkflow } from '../../client/delivery-client';
import { createInsatsClient } from '../../client/insats-client';
import { applySettingsOverrides, defaultDigestSettings, defaultSettings, parseLocalDateTime } from '../../domain';
import type { Clock } from '../../platform/clock';
import { createDatabase, type Database } from '../../platform/database';
import { createMailer, type Mailer } from '../../platform/mailer';
import { createWorker } from '../../worker';
import { insatsWorkflowId } from '../../workflows/ids';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver';
import { settled, startTimeSkippingServer, uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { bemanningDueMonday } from './burst';

let env: TestWorkflowEnvironment;
let database: Database;
let smtp: SmtpReceiver;

beforeAll(async () => {
  [env, smtp] = await Promise.all([startTimeSkippingServer(), startSmtpReceiver()]);
  database = createDatabase(inject('databaseUrl'));
});
afterAll(async () => {
  await database?.$disconnect();
  await smtp?.close();
  await env?.teardown();
});

/** Insatser started with the daily digest on (settings digest.enabled). */
const digestOn = applySettingsOverrides(defaultSettings, { digest: { enabled: true } });

/**
 * A worker on a queue of its own, the delivery workflow and an insats on it, at Monday 2025-12-29
 * 07:59: one minute before its bemanning reminder (due today) goes out. The anordnare and kvl are
 * the test's own, so its digests hold only its insats.
 */
async function scenario(insatsId: string, mailer: Mailer = createMailer(smtp.url, 'test@kundval.example')) {
  const taskQueue = `faults-${insatsId}`;
  const parties = { anordnare: `a-${insatsId}`, kvl: `k-${insatsId}` };
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    activities: createActivities({ database, mailer, notifyFallbackDomain: 'test.example' }),
  });
  const offset = parseLocalDateTime('2025-12-29T07:59').getTime() - (await env.currentTimeMs());
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const sleepUntil = async (local: string) => {
    const remaining = parseLocalDateTime(local).getTime() - ((await env.currentTimeMs()) + offset);
    if (remaining > 0) await env.sleep(remaining);
  };
  const handle = env.client.workflow.getHandle(insatsWorkflowId(insatsId));
  const delivery = env.client.workflow.getHandle(`delivery-${insatsId}`);
  const start = async () => {
    await createInsatsClient(env.client, { clock, taskQueue }).startInsats({ ...bemanningDueMonday(insatsId, parties), settings: digestOn });
    await ensureDeliveryWorkflow(env.client, { settings: defaultDigestSettings, taskQueue, clockOffsetMs: offset, workflowId: delivery.workflowId });
    await settled(env, handle.workflowId);
  };
  const finish = async () => {
    await handle.terminate('test finished').catch(() => undefined);
    await delivery.terminate('test finished').catch(() => undefined);
  };
  const mailsWith = (text: string) => smtp.received.filter((mail) => mail.text?.includes(insatsId) && mail.text.includes(text));
  const deliveriesTo = (role: 'anordnare' | 'kvl') =>
    database.delivery.findMany({ where: { recipientRole: role, recipientId: parties[role] }, include: { items: true }, orderBy: { createdAt: 'asc' } });
  return { worker, sleepUntil, delivery, start, finish, mailsWith, deliveriesTo };
}

describe('SMTP refusing for five minutes', () => {
  it('delivers the digest with the bemanning reminder once, after the refusals, and shows the retrying activity meanwhile', async () => {
    const insatsId = uniqueInsatsId('smtp-refusing');
    const { worker, sleepUntil, delivery, start, finish, mailsWith, deliveriesTo } = await scenario(insatsId);

    await worker.runUntil(async () => {
      try {
        await start();
        smtp.refuseAll(451);

        await sleepUntil('2025-12-29T08:02');
        const { raw } = await delivery.describe();
        const retrying = raw.pendingActivities?.find((activity) => activity.activityType?.name === 'deliverToRecipient');
        expect(retrying?.attempt).toBeGreaterThanOrEqual(2);
        expect(retrying?.lastFailure?.message).toMatch(/451|mailbox busy/);
        expect(mailsWith('Bemanning')).toEqual([]);

        // Five minutes of refusals from the delivery's first attempt at 08:00.
        await sleepUntil('2025-12-29T08:05');
        expect(mailsWith('Bemanning')).toEqual([]);
        expect(smtp.refused).toBeGreaterThanOrEqual(4);
        smtp.accept();

        await sleepUntil('2025-12-29T08:20');
        await eventually(() => (mailsWith('Bemanning').length > 0 ? true : undefined), 15_000, 'the digest after the refusals');
      } finally {
        await finish();
      }
    });

    expect(mailsWith('Bemanning')).toHaveLength(1);
    const rows = await deliveriesTo('anordnare');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'digest', status: 'sent', lastError: null, messageId: mailsWith('Bemanning')[0]!.messageId });
    expect(rows[0]!.attempts).toBeGreaterThanOrEqual(4);
    expect(rows[0]!.items.map((item) => [item.insatsId, item.rule, item.step, item.status])).toEqual([[insatsId, 'bemanning', 'due-reminder', 'delivered']]);
  });
});

describe('SMTP refusing a digest for good (550)', () => {
  it('stores the delivery as failed after one attempt, and the insats escalates the next working day', async () => {
    const insatsId = uniqueInsatsId('smtp-550');
    const { worker, sleepUntil, delivery, start, finish, mailsWith, deliveriesTo } = await scenario(insatsId);

    await worker.runUntil(async () => {
      try {
        await start();
        smtp.refuseAll(550);

        await sleepUntil('2025-12-29T08:02');
        const [failed] = await eventually(
          () => deliveriesTo('anordnare').then((rows) => (rows.some((row) => row.status === 'failed') ? rows : undefined)),
          15_000,
          'the refused digest stored as failed',
        );
        expect(failed).toMatchObject({ attempts: 1, sentAt: null, failureReason: expect.stringMatching(/^SMTP 550/) });
        expect(failed!.items.map((item) => [item.rule, item.status])).toEqual([['bemanning', 'failed']]);
        const { raw } = await delivery.describe();
        expect(raw.pendingActivities ?? []).toEqual([]);
        smtp.accept();

        // Bemanning was due Monday and is not met: the anordnare is told it is late and the kvl is
        // escalated to, in Tuesday's 08:00 delivery.
        await sleepUntil('2025-12-30T08:05');
        await eventually(() => (mailsWith('Försenad').length >= 2 ? true : undefined), 15_000, 'the escalations after the failed digest');
      } finally {
        await finish();
      }
    });

    const toAnordnare = await deliveriesTo('anordnare');
    expect(toAnordnare.map((row) => [row.status, row.items.map((item) => item.step)])).toEqual([['failed', ['due-reminder']], ['sent', ['late-notice']]]);
    const toKvl = await deliveriesTo('kvl');
    expect(toKvl.map((row) => [row.status, row.items.map((item) => item.step)])).toEqual([['sent', ['escalation-1']]]);
  });
});

describe('a delivery that dies between claiming and sending', () => {
  it('sends the claimed digest once, with one Message-ID, when the activity runs again', async () => {
    const insatsId = uniqueInsatsId('smtp-killed');
    const real = createMailer(smtp.url, 'test@kundval.example');
    // The first attempt claims its e-mail and dies before any byte reaches the relay, as a worker
    // killed between the claim's commit and the send: its activity attempt is lost (here it fails;
    // a killed worker's attempt times out instead, which the time-skipping server cannot pass while
    // the attempt still runs), and the next attempt finds the claimed row.
    let attempts = 0;
    const dying: Mailer = {
      async send(mail) {
        attempts += 1;
        if (attempts === 1) throw Object.assign(new Error('the worker died'), { code: 'ECONNRESET' });
        await real.send(mail);
      },
      close: () => real.close(),
    };
    const { worker, sleepUntil, start, finish, mailsWith, deliveriesTo } = await scenario(insatsId, dying);

    await worker.runUntil(async () => {
      try {
        await start();
        await sleepUntil('2025-12-29T08:00:05');
        const claimed = await eventually(() => deliveriesTo('anordnare').then((rows) => (rows.length > 0 ? rows : undefined)), 15_000, 'the claimed digest');
        expect(claimed.map((row) => [row.status, row.lastError])).toEqual([['pending', 'the worker died']]);
        expect(mailsWith('Bemanning')).toEqual([]);

        // The retry (10 s later) sends what was claimed.
        await sleepUntil('2025-12-29T08:02');
        await eventually(() => (mailsWith('Bemanning').length > 0 ? true : undefined), 15_000, 'the digest from the retry');
      } finally {
        await finish();
      }
    });

    const rows = await deliveriesTo('anordnare');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(mailsWith('Bemanning').map((mail) => mail.messageId)).toEqual([rows[0]!.messageId]);
  });
});
