// The day's delivery to one recipient (workflows/delivery-workflow.ts). The recipient's queued
// items are claimed first, in one transaction, into the e-mails they make (one digest, or one per
// item for a recipient who chose `immediate`), each with its text and a unique key; then each
// e-mail is sent with a Message-ID from its row. A retry, or a worker that died between claiming
// and sending, finds the same rows and sends the same e-mails once. An item whose deadline was met
// or cancelled before the delivery is withdrawn, not sent.
import { Context } from '@temporalio/activity';
import { localDateOf, type DigestSettings, type OutboxItem, type Recipient } from '../domain';
import { dbDate, localDateFromDb, type Database } from '../platform/database';
import { permanentRefusal, type Mailer } from '../platform/mailer';
import { addressOfRecipient } from './addresses';
import { digestMail, planDeliveries } from './digest-mail';

/**
 * Tells Temporal the attempt is alive, so one whose worker died is retried within the heartbeat
 * timeout (workflows/delivery-workflow.ts) rather than after the whole start-to-close timeout.
 * Outside an activity (a test calling it directly) there is no one to tell.
 */
function heartbeat(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // not running as an activity
  }
}

export interface DeliveryDependencies {
  database: Database;
  mailer: Mailer;
  notifyFallbackDomain?: string | undefined;
}

export interface DeliveryRequest {
  recipient: Recipient;
  /** Items decided up to this instant (ISO-8601) go in this delivery. */
  until: string;
  settings: DigestSettings;
}

export interface DeliveryResult {
  sent: number;
  alreadySent: number;
  failed: { deliveryId: string; reason: string }[];
  items: number;
  withdrawn: number;
}

type ItemRow = Awaited<ReturnType<Database['outboxItem']['findMany']>>[number];

export function itemOfRow(row: ItemRow): OutboxItem {
  return {
    insatsId: row.insatsId,
    insatstyp: row.insatstyp,
    rule: row.rule,
    occurrence: row.occurrence,
    step: row.step,
    kind: row.kind as OutboxItem['kind'],
    recipient: { role: row.recipientRole as Recipient['role'], ...(row.recipientId ? { id: row.recipientId } : {}) },
    owner: { role: row.ownerRole as Recipient['role'], ...(row.ownerId ? { id: row.ownerId } : {}) },
    ...(row.dueDate ? { due: localDateFromDb(row.dueDate) } : {}),
    ...(row.section ? { section: row.section } : {}),
    ...(row.text ? { text: row.text } : {}),
    decidedAt: row.decidedAt.toISOString(),
  };
}

export function createDeliveryActivities({ database, mailer, notifyFallbackDomain }: DeliveryDependencies) {
  /** Claims the recipient's items decided by `until` into the e-mails of `day`; returns how many it withdrew. */
  async function claim(request: DeliveryRequest, day: string): Promise<{ items: number; withdrawn: number }> {
    const { recipient, settings } = request;
    const { address, problem, preference } = await addressOfRecipient(database, recipient, notifyFallbackDomain);
    return database.$transaction(async (tx) => {
      // An e-mail of an earlier day that never went (its relay refused all that day) is folded
      // into today's: its items are claimed again below.
      const stale = await tx.delivery.findMany({
        where: { recipientRole: recipient.role, recipientId: recipient.id ?? null, status: 'pending', deliveryDate: { lt: dbDate(day) } },
        select: { id: true },
      });
      if (stale.length > 0) {
        const ids = stale.map(({ id }) => id);
        await tx.outboxItem.updateMany({ where: { deliveryId: { in: ids } }, data: { deliveryId: null } });
        await tx.delivery.updateMany({ where: { id: { in: ids } }, data: { status: 'superseded' } });
      }
      const queued = await tx.outboxItem.findMany({
        where: { recipientRole: recipient.role, recipientId: recipient.id ?? null, status: 'queued', deliveryId: null, decidedAt: { lte: new Date(request.until) } },
        orderBy: { decidedAt: 'asc' },
      });
      if (queued.length === 0) return { items: 0, withdrawn: 0 };
      // Nobody is reminded of what is already done: the deadline's state in the projection now.
      const deadlines = await tx.deadline.findMany({
        where: { OR: queued.filter((row) => row.kind !== 'notice').map((row) => ({ insatsId: row.insatsId, rule: row.rule, occurrence: row.occurrence })) },
        select: { insatsId: true, rule: true, occurrence: true, status: true },
      });
      const statusOf = new Map(deadlines.map((deadline) => [`${deadline.insatsId}/${deadline.rule}/${deadline.occurrence}`, deadline.status]));
      const deadlineStatus = (row: ItemRow) => statusOf.get(`${row.insatsId}/${row.rule}/${row.occurrence}`) ?? 'unknown';
      const entries = queued.map((row) => ({ key: row.idempotencyKey, item: itemOfRow(row), row }));
      const planned = planDeliveries(entries, { recipient, preference, day, settings, live: ({ row }) => deadlineStatus(row) === 'open' });
      for (const { row } of planned.withdrawn) {
        await tx.outboxItem.update({ where: { id: row.id }, data: { status: 'withdrawn', withdrawnReason: `deadline ${deadlineStatus(row)} before the delivery of ${day}` } });
      }
      let claimed = 0;
      for (const { key, kind, items, mail } of planned.deliveries) {
        const rows = items.map(({ row }) => row);
        const existing = await tx.delivery.findUnique({ where: { idempotencyKey: key }, include: { items: true } });
        // Already sent today: what came after waits for the next delivery.
        if (existing && existing.status !== 'pending') continue;
        const all = [...(existing?.items ?? []), ...rows];
        const text = existing ? digestMail(all.map(itemOfRow), recipient, day, settings) : mail;
        const failed = problem ? { status: 'failed', failedAt: new Date(), failureReason: problem } : {};
        const delivery = existing
          ? await tx.delivery.update({ where: { id: existing.id }, data: text })
          : await tx.delivery.create({
              data: { idempotencyKey: key, kind, recipientRole: recipient.role, recipientId: recipient.id ?? null, address, deliveryDate: dbDate(day), ...text, ...failed },
            });
        await tx.outboxItem.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { deliveryId: delivery.id, ...(problem ? { status: 'failed' } : {}) } });
        claimed += rows.length;
      }
      return { items: claimed, withdrawn: planned.withdrawn.length };
    });
  }

  return {
    /** The recipients with items queued and decided by `until`. */
    async recipientsWithItems({ until }: { until: string }): Promise<Recipient[]> {
      const rows = await database.outboxItem.findMany({
        where: { status: 'queued', deliveryId: null, decidedAt: { lte: new Date(until) } },
        distinct: ['recipientRole', 'recipientId'],
        select: { recipientRole: true, recipientId: true },
        orderBy: [{ recipientRole: 'asc' }, { recipientId: 'asc' }],
      });
      // And those with an e-mail claimed that never went (a worker that died, a relay that refused).
      const pending = await database.delivery.findMany({
        where: { status: 'pending' },
        distinct: ['recipientRole', 'recipientId'],
        select: { recipientRole: true, recipientId: true },
      });
      const recipients = new Map(
        [...rows, ...pending].map((row) => [`${row.recipientRole}/${row.recipientId ?? ''}`, { role: row.recipientRole as Recipient['role'], ...(row.recipientId ? { id: row.recipientId } : {}) }]),
      );
      return [...recipients.values()];
    },

    async deliverToRecipient(request: DeliveryRequest): Promise<DeliveryResult> {
      const day = localDateOf(new Date(request.until));
      heartbeat();
      const { items, withdrawn } = await claim(request, day);
      const result: DeliveryResult = { sent: 0, alreadySent: 0, failed: [], items, withdrawn };
      // Every e-mail claimed for this recipient and day, also by an attempt that died before sending.
      const deliveries = await database.delivery.findMany({
        where: { recipientRole: request.recipient.role, recipientId: request.recipient.id ?? null, OR: [{ deliveryDate: dbDate(day) }, { status: 'pending' }] },
        orderBy: { createdAt: 'asc' },
      });
      for (const delivery of deliveries) {
        if (delivery.status === 'sent') {
          result.alreadySent += 1;
          continue;
        }
        if (delivery.status === 'failed') {
          result.failed.push({ deliveryId: delivery.id, reason: delivery.failureReason ?? 'failed' });
          continue;
        }
        await database.delivery.update({ where: { id: delivery.id }, data: { attempts: { increment: 1 } } });
        const messageId = `<${delivery.id}@kundval.nacka>`;
        try {
          await mailer.send({ to: delivery.address!, subject: delivery.subject, text: delivery.text, html: delivery.html, messageId });
        } catch (error) {
          const lastError = error instanceof Error ? error.message : String(error);
          const refusal = permanentRefusal(error);
          if (!refusal) {
            await database.delivery.update({ where: { id: delivery.id }, data: { lastError } });
            throw error;
          }
          await database.$transaction([
            database.delivery.update({ where: { id: delivery.id }, data: { status: 'failed', failedAt: new Date(), failureReason: refusal, lastError } }),
            database.outboxItem.updateMany({ where: { deliveryId: delivery.id }, data: { status: 'failed' } }),
          ]);
          result.failed.push({ deliveryId: delivery.id, reason: refusal });
          continue;
        }
        await database.$transaction([
          database.delivery.update({ where: { id: delivery.id }, data: { status: 'sent', sentAt: new Date(), messageId, lastError: null } }),
          database.outboxItem.updateMany({ where: { deliveryId: delivery.id }, data: { status: 'delivered' } }),
        ]);
        result.sent += 1;
        heartbeat();
      }
      return result;
    },
  };
}
