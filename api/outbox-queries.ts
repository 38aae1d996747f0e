// Reads of the outbox for the operator and the arbetsledare: each reminder, escalation or notice
// an insats stored for the daily delivery, when the rules decided it, and what became of it —
// queued, delivered (in which e-mail, when, with which Message-ID), withdrawn (and why) or failed.
// Newest first, by the time each was stored.
import type { Database } from '../platform/database';
import { localDateFromDb } from '../platform/database';
import { encodeNotificationCursor, type NotificationCursor } from './schemas';

export interface OutboxFilters {
  status?: 'queued' | 'delivered' | 'withdrawn' | 'failed';
  insatsId?: string;
  cursor?: NotificationCursor;
  limit: number;
}

export async function listOutboxItems(database: Database, filters: OutboxFilters) {
  const { cursor } = filters;
  const rows = await database.outboxItem.findMany({
    where: {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.insatsId ? { insatsId: filters.insatsId } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    include: { delivery: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: filters.limit + 1,
  });
  const page = rows.slice(0, filters.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      insatsId: row.insatsId,
      rule: row.rule,
      occurrence: row.occurrence,
      step: row.step,
      kind: row.kind,
      recipient: { role: row.recipientRole, id: row.recipientId },
      due: row.dueDate ? localDateFromDb(row.dueDate) : null,
      decidedAt: row.decidedAt.toISOString(),
      status: row.status,
      withdrawnReason: row.withdrawnReason,
      delivered: row.delivery
        ? {
            deliveryId: row.delivery.id,
            kind: row.delivery.kind,
            status: row.delivery.status,
            address: row.delivery.address,
            messageId: row.delivery.messageId,
            sentAt: row.delivery.sentAt?.toISOString() ?? null,
            failureReason: row.delivery.failureReason,
          }
        : null,
    })),
    nextCursor: rows.length > filters.limit ? encodeNotificationCursor(page.at(-1)!) : null,
  };
}
