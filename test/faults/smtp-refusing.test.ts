// An insats that sends its notifications itself (started before the daily digest, or with it off;
// test/faults/delivery-refusing.test.ts covers the digest). SMTP refusing (451) for five minutes of workflow time, on the time-skipping server with the real
// activities, PostgreSQL and a real SMTP receiver: the e-mail goes out later, exactly once, and
// meanwhile the retrying activity is visible to an operator, as the Web UI shows it (the pending
// activity of DescribeWorkflowExecution, with its attempt and last failure). A permanent refusal
// (550) is not retried: the reminder is stored as failed and the insats goes on to its escalation.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities';
import { createInsatsClient } from '../../client/insats-client';
import { parseLocalDateTime } from '../../domain';
import type { Clock } from '../../platform/clock';
import { createDatabase, type Database } from '../../platform/database';
import { createMailer } from '../../platform/mailer';
import { createWorker } from '../../worker';
import { insatsWorkflowId } from '../../workflows/ids';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver';
import { settled, startTimeSkippingServer, uniqueInsatsId } from '../helpers/temporal';
import { failedNotificationsKey } from '../../workflows/search-attributes';
import { eventually } from '../helpers/wait';
import { bemanningDueMonday, sendingItself } from './burst';

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

/** A worker on a queue of its own and an insats on it, at Monday 2025-12-29 07:59: one minute before its bemanning reminder (due today) goes out. */
async function scenario(insatsId: string) {
  const taskQueue = `faults-${insatsId}`;
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    activities: createActivities({ database, mailer: createMailer(smtp.url, 'test@kundval.example'), notifyFallbackDomain: 'test.example' }),
  });
  const offset = parseLocalDateTime('2025-12-29T07:59').getTime() - (await env.currentTimeMs());
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const sleepUntil = async (local: string) => {
    const remaining = parseLocalDateTime(local).getTime() - ((await env.currentTimeMs()) + offset);
    if (remaining > 0) await env.sleep(remaining);
  };
  const handle = env.client.workflow.getHandle(insatsWorkflowId(insatsId));
  const start = () => createInsatsClient(env.client, { clock, taskQueue }).startInsats({ ...bemanningDueMonday(insatsId), settings: sendingItself });
  return { worker, sleepUntil, handle, start };
}

describe('SMTP refusing for five minutes', () => {
  it('delivers the bemanning reminder once, after the refusals, and shows the retrying activity meanwhile', async () => {
    const insatsId = uniqueInsatsId('smtp-refusing');
    const { worker, sleepUntil, handle, start } = await scenario(insatsId);
    const reminderMail = () => smtp.received.filter((mail) => mail.subject?.includes(insatsId) && mail.subject.includes('bemanning'));

    await worker.runUntil(async () => {
      await start();
      await settled(env, handle.workflowId);
      smtp.refuseAll(451);

      await sleepUntil('2025-12-29T08:02');
      const { raw } = await handle.describe();
      const retrying = raw.pendingActivities?.find((activity) => activity.activityType?.name === 'sendNotification');
      expect(retrying?.attempt).toBeGreaterThanOrEqual(2);
      expect(retrying?.lastFailure?.message).toMatch(/451|mailbox busy/);
      expect(reminderMail()).toEqual([]);

      // Five minutes of refusals from the reminder's first attempt at 08:00.
      await sleepUntil('2025-12-29T08:05');
      expect(reminderMail()).toEqual([]);
      const refusedWhileDown = smtp.refused;
      expect(refusedWhileDown).toBeGreaterThanOrEqual(4);
      smtp.accept();

      await sleepUntil('2025-12-29T08:20');
      await eventually(() => (reminderMail().length > 0 ? true : undefined), 15_000, 'the reminder after the refusals');
      await settled(env, handle.workflowId);
      await handle.terminate('test finished');
    });

    expect(reminderMail()).toHaveLength(1);
    const rows = await database.notification.findMany({ where: { insatsId, rule: 'bemanning' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'reminder', status: 'sent', lastError: null, messageId: reminderMail()[0]!.messageId });
    expect(rows[0]!.sentAt).not.toBeNull();
    expect(rows[0]!.attempts).toBeGreaterThanOrEqual(4);
  });
});

describe('SMTP refusing a reminder for good (550)', () => {
  it('stores the reminder as failed after one attempt, and the insats escalates the next working day', async () => {
    const insatsId = uniqueInsatsId('smtp-550');
    const { worker, sleepUntil, handle, start } = await scenario(insatsId);
    const mailTo = (kind: string) => smtp.received.filter((mail) => mail.subject?.includes(insatsId) && mail.subject.startsWith(kind));

    await worker.runUntil(async () => {
      await start();
      await settled(env, handle.workflowId);
      smtp.refuseAll(550);

      await sleepUntil('2025-12-29T08:02');
      const reminder = await eventually(
        () => database.notification.findFirst({ where: { insatsId, rule: 'bemanning', kind: 'reminder', status: 'failed' } }).then((row) => row ?? undefined),
        15_000,
        'the refused reminder stored as failed',
      );
      expect(reminder).toMatchObject({ attempts: 1, sentAt: null, failureReason: expect.stringMatching(/^SMTP 550/) });
      const { raw } = await handle.describe();
      expect(raw.pendingActivities ?? []).toEqual([]);
      smtp.accept();

      // Bemanning was due Monday and is not met: the kvl is told at 08:00 on Tuesday.
      await sleepUntil('2025-12-30T08:05');
      await eventually(() => (mailTo('Försenad').length > 0 ? true : undefined), 15_000, 'the escalation after the failed reminder');
      await settled(env, handle.workflowId);
      // Operators see it: on the timeline, and counted in the FailedNotifications search attribute.
      const { typedSearchAttributes } = await handle.describe();
      expect(typedSearchAttributes.get(failedNotificationsKey)).toBe(1);
      await handle.terminate('test finished');
    });

    const rows = await database.notification.findMany({ where: { insatsId, rule: 'bemanning' }, orderBy: [{ createdAt: 'asc' }, { recipientRole: 'asc' }] });
    // The anordnare is told it is late and the kvl is escalated to, both on time after the failed reminder.
    expect(rows.map((row) => [row.kind, row.recipientRole, row.status])).toEqual([['reminder', 'anordnare', 'failed'], ['escalation', 'anordnare', 'sent'], ['escalation', 'kvl', 'sent']]);
    expect(mailTo('Försenad')).toHaveLength(2);
    const failed = await database.timelineEntry.findMany({ where: { insatsId, kind: 'notification-failed' } });
    expect(failed.map((entry) => (entry.entry as { rule?: string }).rule)).toEqual(['bemanning']);
  });
});
