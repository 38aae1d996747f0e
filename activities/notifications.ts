// Sends one reminder or escalation exactly once per idempotency key: the row is claimed (inserted
// or found) before sending, and a row with sentAt set is never sent again, however often the
// activity is retried. A notification that can never be delivered (an SMTP 5xx, no usable
// address) is stored as failed and returned, not thrown: it must not stop its insats, and a
// retry would only be refused again.
import { recipientLabel } from '../domain';
import { dbDate, type Database } from '../platform/database';
import { permanentRefusal, type Mailer } from '../platform/mailer';
import type { NotificationRequest } from '../workflows/types';
import { addressOfRecipient } from './addresses';
import { notificationText } from './notification-text';

export interface NotificationDependencies {
  database: Database;
  mailer: Mailer;
  /** Domain of the address of an actor without a contact row; none means such an actor has no address. */
  notifyFallbackDomain?: string | undefined;
}

export type NotificationResult =
  | { status: 'sent'; notificationId: string }
  | { status: 'already-sent'; notificationId: string }
  | { status: 'failed'; notificationId: string; reason: string };

export function notificationKey(request: NotificationRequest): string {
  return [request.insatsId, request.rule, request.occurrence, request.step, recipientLabel(request.recipient)].join('/');
}

export function createNotificationActivities({ database, mailer, notifyFallbackDomain }: NotificationDependencies) {
  const addressOf = (request: NotificationRequest) => addressOfRecipient(database, request.recipient, notifyFallbackDomain);

  return {
    async sendNotification(request: NotificationRequest): Promise<NotificationResult> {
      const idempotencyKey = notificationKey(request);
      const { subject, text } = notificationText(request);
      const { address, problem } = await addressOf(request);
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
          address,
          subject,
          body: text,
          dueDate: request.due ? dbDate(request.due) : null,
          scheduledFor: new Date(request.scheduledFor),
          attempts: 1,
          ...(problem ? { status: 'failed', failedAt: new Date(), failureReason: problem } : {}),
        },
        update: { attempts: { increment: 1 } },
      });
      if (claimed.sentAt) return { status: 'already-sent', notificationId: claimed.id };
      if (claimed.status === 'failed') return { status: 'failed', notificationId: claimed.id, reason: claimed.failureReason ?? 'failed' };

      const messageId = `<${claimed.id}@kundval.nacka>`;
      try {
        // The address claimed first: a retry sends where the first attempt would have.
        await mailer.send({ to: claimed.address!, subject, text, messageId });
      } catch (error) {
        const lastError = error instanceof Error ? error.message : String(error);
        const refusal = permanentRefusal(error);
        if (refusal) {
          await database.notification.update({
            where: { id: claimed.id },
            data: { status: 'failed', failedAt: new Date(), failureReason: refusal, lastError },
          });
          return { status: 'failed', notificationId: claimed.id, reason: refusal };
        }
        await database.notification.update({ where: { id: claimed.id }, data: { lastError } });
        throw error;
      }
      await database.notification.update({
        where: { id: claimed.id },
        data: { status: 'sent', sentAt: new Date(), messageId, lastError: null },
      });
      return { status: 'sent', notificationId: claimed.id };
    },
  };
}
