// sendNotification against the real test database and a real SMTP receiver: however often the
// activity runs for one notification (Temporal retries it after a failure or a lost worker),
// exactly one e-mail goes out. A temporary refusal throws, for Temporal to retry; a permanent one
// (a 5xx, no usable address) is stored as failed and returned, and never sent.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createNotificationActivities } from '../../activities/notifications';
import { createProjectionActivities } from '../../activities/projection';
import { createDatabase, type Database } from '../../platform/database';
import { freePort } from '../../platform/free-port';
import { createMailer } from '../../platform/mailer';
import type { NotificationRequest } from '../../workflows/types';
import { startSmtpReceiver } from '../helpers/smtp-receiver';
import { uniqueInsatsId } from '../helpers/temporal';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let activities: ReturnType<typeof createNotificationActivities>;

beforeAll(async () => {
  database = createDatabase(inject('databaseUrl'));
  smtp = await startSmtpReceiver();
  activities = createNotificationActivities({
    database,
    mailer: createMailer(smtp.url, 'test@kundval.example'),
    notifyFallbackDomain: 'test.example',
  });
});

afterAll(async () => {
  await smtp?.close();
  await database?.$disconnect();
});

async function insatsWithReminder(): Promise<NotificationRequest> {
  const insatsId = uniqueInsatsId('notify');
  await createProjectionActivities(database).recordProjection([
    {
      kind: 'insats',
      insats: {
        insatsId,
        insatstyp: 'AMI2',
        rulebook: '2024',
        beslutsdatum: '2025-12-22',
        aktualiseringsdatum: '2025-12-23',
        anordnare: 'a1',
        kvl: 'k1',
        kundId: 'kund-1',
        phase: 'aktualiserad',
        workflowId: `insats-${insatsId}`,
      },
    },
  ]);
  return {
    insatsId,
    rule: 'bemanning',
    occurrence: '1',
    step: 'due-reminder',
    kind: 'reminder',
    recipient: { role: 'anordnare', id: 'a1' },
    owner: { role: 'anordnare', id: 'a1' },
    due: '2025-12-29',
    scheduledFor: '2025-12-29T07:00:00.000Z',
  };
}

const mailsFor = (insatsId: string) => smtp.received.filter((mail) => mail.subject?.includes(insatsId));

const rowOf = (insatsId: string) => database.notification.findFirstOrThrow({ where: { insatsId } });

describe('sendNotification', () => {
  it('sends one e-mail when the activity runs again after it had already sent', async () => {
    const request = await insatsWithReminder();
    const first = await activities.sendNotification(request);
    expect(first).toEqual({ status: 'sent', notificationId: expect.any(String) });
    expect(await activities.sendNotification(request)).toEqual({ status: 'already-sent', notificationId: first.notificationId });

    expect(mailsFor(request.insatsId)).toHaveLength(1);
    const rows = await database.notification.findMany({ where: { insatsId: request.insatsId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.notificationId, status: 'sent', attempts: 2, address: 'anordnare.a1@test.example', lastError: null, failedAt: null, failureReason: null });
    expect(rows[0]!.sentAt).toBeInstanceOf(Date);
  });

  it('throws on a temporary refusal (451), keeping the row pending with the error, and the retry sends the e-mail once', async () => {
    const request = await insatsWithReminder();
    smtp.refuse(1, 451);
    await expect(activities.sendNotification(request)).rejects.toThrow(/451|busy/);
    const pending = await rowOf(request.insatsId);
    expect(pending).toMatchObject({ status: 'pending', sentAt: null, failedAt: null, failureReason: null });
    expect(pending.lastError).toMatch(/451.*busy/);
    expect(mailsFor(request.insatsId)).toHaveLength(0);

    expect(await activities.sendNotification(request)).toMatchObject({ status: 'sent' });
    expect(await activities.sendNotification(request)).toMatchObject({ status: 'already-sent' });
    expect(mailsFor(request.insatsId)).toHaveLength(1);
    expect(mailsFor(request.insatsId)[0]!.messageId).toBe(`<${pending.id}@kundval.nacka>`);
    expect(await rowOf(request.insatsId)).toMatchObject({ status: 'sent', lastError: null });
  });

  it('stores a permanent refusal (550) as failed with the reason, resolves, and never sends it on a later run', async () => {
    const request = await insatsWithReminder();
    smtp.refuse(1, 550);
    const refusedBefore = smtp.refused;
    const result = await activities.sendNotification(request);
    expect(result).toEqual({ status: 'failed', notificationId: expect.any(String), reason: expect.stringMatching(/^SMTP 550: .*mailbox unavailable/) });
    expect(smtp.refused).toBe(refusedBefore + 1);
    const failed = await rowOf(request.insatsId);
    expect(failed).toMatchObject({ id: result.notificationId, status: 'failed', sentAt: null, failureReason: (result as { reason: string }).reason });
    expect(failed.failedAt).toBeInstanceOf(Date);

    // The receiver would accept it now: a second run of the same notification must not try.
    expect(await activities.sendNotification(request)).toEqual(result);
    expect(smtp.refused).toBe(refusedBefore + 1);
    expect(mailsFor(request.insatsId)).toHaveLength(0);
    expect(await rowOf(request.insatsId)).toMatchObject({ status: 'failed', attempts: 2, failedAt: failed.failedAt });
  });

  it('throws while the relay cannot be reached, keeping the row pending', async () => {
    const request = await insatsWithReminder();
    const unreachable = createNotificationActivities({
      database,
      mailer: createMailer(`smtp://127.0.0.1:${await freePort()}`, 'test@kundval.example'),
      notifyFallbackDomain: 'test.example',
    });
    await expect(unreachable.sendNotification(request)).rejects.toThrow(/ECONNREFUSED|connect/);
    expect(await rowOf(request.insatsId)).toMatchObject({ status: 'pending', sentAt: null, lastError: expect.stringMatching(/ECONNREFUSED|connect/) });
  });

  it('fails, without sending, a notification to an actor with no contact when no fallback domain is set', async () => {
    const request = { ...(await insatsWithReminder()), recipient: { role: 'anordnare' as const, id: uniqueInsatsId('no-contact') } };
    const withoutFallback = createNotificationActivities({ database, mailer: createMailer(smtp.url, 'test@kundval.example'), notifyFallbackDomain: undefined });
    const received = smtp.received.length;
    const result = await withoutFallback.sendNotification(request);
    expect(result).toMatchObject({ status: 'failed', reason: `no contact for anordnare:${request.recipient.id} and no NOTIFY_FALLBACK_DOMAIN` });
    expect(await rowOf(request.insatsId)).toMatchObject({ status: 'failed', address: null, sentAt: null, failureReason: (result as { reason: string }).reason });
    expect(await withoutFallback.sendNotification(request)).toEqual(result);
    expect(smtp.received.length).toBe(received);
  });

  it('fails, without sending, a notification whose stored contact address is not an e-mail address', async () => {
    const request = { ...(await insatsWithReminder()), recipient: { role: 'kvl' as const, id: uniqueInsatsId('bad-contact') } };
    await database.contact.create({ data: { role: 'kvl', actorId: request.recipient.id, email: 'karin at nacka' } });
    const received = smtp.received.length;
    const result = await activities.sendNotification(request);
    expect(result).toMatchObject({ status: 'failed', reason: `the contact address of kvl:${request.recipient.id} is not an e-mail address: karin at nacka` });
    expect(await rowOf(request.insatsId)).toMatchObject({ status: 'failed', address: 'karin at nacka', sentAt: null });
    expect(smtp.received.length).toBe(received);
  });

  it('uses the contact address when the actor has one', async () => {
    const request = await insatsWithReminder();
    const kvlRequest = { ...request, step: 'escalation-1', kind: 'escalation' as const, recipient: { role: 'kvl' as const, id: 'k-contact' } };
    await database.contact.upsert({
      where: { role_actorId: { role: 'kvl', actorId: 'k-contact' } },
      create: { role: 'kvl', actorId: 'k-contact', email: 'karin.kvl@nacka.example' },
      update: {},
    });
    await activities.sendNotification(kvlRequest);
    const [mail] = mailsFor(request.insatsId);
    expect(mail?.to).toMatchObject({ text: 'karin.kvl@nacka.example' });
    expect(mail?.subject).toBe(`Försenad: bemanning för insats ${request.insatsId} (förföll 2025-12-29)`);
    expect(mail?.text).toContain('Ansvarig: anordnare:a1. Det som ska göras: Bemanna ärendet');
  });
});
