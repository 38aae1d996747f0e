// In-memory activities typed against the real ones: they keep what the workflow asked for, and
// deliver the outbox as the real delivery does (activities/digest-mail.ts plans the e-mails).
// The simulator runs on them; tests use them where the database and e-mail do not matter.
import type { Activities } from '../activities';
import { planDeliveries, type DeliveryMail } from '../activities/digest-mail';
import { notificationText } from '../activities/notification-text';
import { localDateOf, outboxItemKey, recipientLabel, type ContactPreference, type OutboxItem, type Recipient } from '../domain';
import type { NotificationRequest, ProjectionWrite } from '../workflows/types';

/** One e-mail as its recipient got it. */
export interface RecordedMail {
  /** The delivery instant, ISO-8601. */
  at: string;
  to: string;
  kind: 'digest' | 'immediate' | 'urgent';
  subject: string;
  items: OutboxItem[];
  mail?: DeliveryMail;
}

type Recorded = Pick<Activities, 'recordProjection' | 'sendNotification' | 'recipientsWithItems' | 'deliverToRecipient'>;

export function recordingActivities({
  preferences = {},
  digest = true,
}: {
  preferences?: Record<string, ContactPreference>;
  /**
   * The insatser are on the daily digest (settings digest.enabled): what they send themselves,
   * past the outbox, is an urgent notice. Without it each notification is an e-mail of its own.
   */
  digest?: boolean;
} = {}) {
  /** What reached a person: each notification sent at once, and each item of a delivered e-mail (at its decided instant). */
  const notifications: NotificationRequest[] = [];
  const mails: RecordedMail[] = [];
  const writes: ProjectionWrite[] = [];
  const outbox = new Map<string, { item: OutboxItem; status: 'queued' | 'delivered' | 'withdrawn'; seq: number }>();
  const deadlineStatus = new Map<string, string>();
  const labelOf = (recipient: Recipient) => recipientLabel(recipient);
  const order = new Map<NotificationRequest, number>();
  const reached = (request: NotificationRequest, seq: number) => {
    order.set(request, seq);
    notifications.push(request);
    // In the order the rules decided them, as a person's inbox would show them.
    notifications.sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor) || order.get(a)! - order.get(b)!);
  };
  let stored = 0;

  const activities: Recorded = {
    async recordProjection(batch) {
      writes.push(...structuredClone(batch));
      for (const write of batch) {
        if (write.kind === 'deadline') deadlineStatus.set(`${write.insatsId}/${write.deadline.rule}/${write.deadline.occurrence}`, write.deadline.status);
        if (write.kind === 'outbox-item' && !outbox.has(outboxItemKey(write.item))) outbox.set(outboxItemKey(write.item), { item: structuredClone(write.item), status: 'queued', seq: (stored += 1) });
      }
    },
    async sendNotification(request) {
      reached(request, (stored += 1));
      const { insatsId, rule, occurrence, step, kind, recipient, owner, due, text } = request;
      const item: OutboxItem = { insatsId, insatstyp: '', rule, occurrence, step, kind, recipient, owner, ...(due ? { due } : {}), ...(text ? { text } : {}), decidedAt: request.scheduledFor };
      const sentAs = digest && kind === 'notice' ? 'urgent' : 'immediate';
      mails.push({ at: request.scheduledFor, to: labelOf(recipient), kind: sentAs, subject: notificationText(request).subject, items: [item] });
      return { status: 'sent', notificationId: `${notifications.length}` };
    },
    async recipientsWithItems({ until }) {
      const recipients = new Map<string, Recipient>();
      for (const { item, status } of outbox.values()) if (status === 'queued' && item.decidedAt <= until) recipients.set(labelOf(item.recipient), item.recipient);
      return [...recipients.values()];
    },
    async deliverToRecipient({ recipient, until, settings }) {
      const day = localDateOf(new Date(until));
      const queued = [...outbox.entries()]
        .filter(([, entry]) => entry.status === 'queued' && entry.item.decidedAt <= until && labelOf(entry.item.recipient) === labelOf(recipient))
        .map(([key, entry]) => ({ key, item: entry.item }));
      const live = ({ item }: { item: OutboxItem }) => deadlineStatus.get(`${item.insatsId}/${item.rule}/${item.occurrence}`) === 'open';
      const planned = planDeliveries(queued, { recipient, preference: preferences[labelOf(recipient)] ?? 'digest', day, settings, live });
      for (const { key } of planned.withdrawn) outbox.get(key)!.status = 'withdrawn';
      for (const delivery of planned.deliveries) {
        const items = delivery.items.map(({ item }) => item);
        mails.push({ at: until, to: labelOf(recipient), kind: delivery.kind, subject: delivery.mail.subject, items, mail: delivery.mail });
        for (const { key, item } of delivery.items) {
          outbox.get(key)!.status = 'delivered';
          reached({
            insatsId: item.insatsId,
            rule: item.rule,
            occurrence: item.occurrence,
            step: item.step,
            kind: item.kind,
            recipient: item.recipient,
            owner: item.owner,
            ...(item.due ? { due: item.due } : {}),
            ...(item.text ? { text: item.text } : {}),
            scheduledFor: item.decidedAt,
          }, outbox.get(key)!.seq);
        }
      }
      const sent = planned.deliveries.length;
      return { sent, alreadySent: 0, failed: [], items: planned.deliveries.reduce((sum, { items }) => sum + items.length, 0), withdrawn: planned.withdrawn.length };
    },
  };
  return { activities, notifications, mails, writes, outbox };
}
