// sendNotification against the real test database and a real SMTP receiver: however often the
// activity runs for one notification (Temporal retries it after a failure or a lost worker),
// exactly one e-mail goes out.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createNotificationActivities } from '../../activities/notifications';
import { createProjectionActivities } from '../../activities/projection';
import { createDatabase, type Database } from '../../platform/database';
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

describe('sendNotification', () => {
  it('sends one e-mail when the activity runs again after it had already sent', async () => {
    const request = await insatsWithReminder();
    expect(await activities.sendNotification(request)).toMatchObject({ status: 'sent' });
    expect(await activities.sendNotification(request)).toMatchObject({ status: 'already-sent' });

    expect(mailsFor(request.insatsId)).toHaveLength(1);
    const rows = await database.notification.findMany({ where: { insatsId: request.insatsId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 2, address: 'anordnare.a1@test.example', lastError: null });
    expect(rows[0]!.sentAt).toBeInstanceOf(Date);
  });

  it('records the SMTP failure, and the retry sends the e-mail once', async () => {
    const request = await insatsWithReminder();
    smtp.refuse(1);
    await expect(activities.sendNotification(request)).rejects.toThrow(/451|busy/);
    const failed = await database.notification.findFirstOrThrow({ where: { insatsId: request.insatsId } });
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toMatch(/busy/);
    expect(mailsFor(request.insatsId)).toHaveLength(0);

    expect(await activities.sendNotification(request)).toMatchObject({ status: 'sent' });
    expect(await activities.sendNotification(request)).toMatchObject({ status: 'already-sent' });
    expect(mailsFor(request.insatsId)).toHaveLength(1);
    expect(mailsFor(request.insatsId)[0]!.messageId).toBe(`<${failed.id}@kundval.nacka>`);
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
