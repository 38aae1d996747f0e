// Sends one reminder or escalation exactly once per idempotency key: the row is claimed (inserted
// or found) before sending, and a row with sentAt set is never sent again, however often the
// activity is retried.
import { dbDate, type Database } from '../platform/database';
import type { Mailer } from '../platform/mailer';
import { recipientLabel } from '../domain';
import type { NotificationRequest } from '../workflows/types';
import { notificationText } from './notification-text';

export interface NotificationDependencies {
  database: Database;
  mailer: Mailer;
  notifyFallbackDomain: string;
}

export type NotificationResult =
  | { status: 'sent' | 'already-sent'; notificationId: string }
  | { status: 'failed'; notificationId: string; reason: string };

export function notificationKey(request: NotificationRequest): string {
  return [request.insatsId, request.rule, request.occurrence, request.step, recipientLabel(request.recipient)].join('/');
}

export function createNotificationActivities({ database, mailer, notifyFallbackDomain }: NotificationDependencies) {
  async function addressOf(request: NotificationRequest): Promise<string> {
    const actorId = request.recipient.id ?? request.recipient.role;
    const contact = await database.contact.findUnique({
      where: { role_actorId: { role: request.recipient.role, actorId } },
    });
    return contact?.email ?? `${request.recipient.role}.${actorId}@${notifyFallbackDomain}`;
  }

  return {
    async sendNotification(request: NotificationRequest): Promise<NotificationResult> {
      const idempotencyKey = notificationKey(request);
      const { subject, text } = notificationText(request);
      const claimed = await database.notification.upsert({
        where: { idempotencyKey },
        create: {
          idempotencyKey,
          insatsId: request.insatsId,
          rule: request.rule,
          occurrence: request.occurrence,
          kind: request.kind,
          recipientRole: request.recipient.role,
          recipientId: request.recipient.id ?? null,
          address: await addressOf(request),
          subject,
          body: text,
          dueDate: request.due ? dbDate(request.due) : null,
          scheduledFor: new Date(request.scheduledFor),
          attempts: 1,
        },
        update: { attempts: { increment: 1 } },
      });
      if (claimed.sentAt) return { status: 'already-sent', notificationId: claimed.id };

      const messageId = `<${claimed.id}@kundval.nacka>`;
      try {
        await mailer.send({ to: claimed.address, subject, text, messageId });
      } catch (error) {
        await database.notification.update({
          where: { id: claimed.id },
          data: { lastError: error instanceof Error ? error.message : String(error) },
        });
        throw error;
      }
      await database.notification.update({ where: { id: claimed.id }, data: { sentAt: new Date(), messageId, lastError: null } });
      return { status: 'sent', notificationId: claimed.id };
    },
  };
}
