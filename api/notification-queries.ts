// Reads of the stored notifications for the operator and the arbetsledare: what was sent, what
// waits for a retry, and what failed for good and why. Newest first, by the time each was claimed.
import type { Database } from '../platform/database';
import { encodeNotificationCursor, type NotificationCursor } from './schemas';

export interface NotificationFilters {
  status?: 'pending' | 'sent' | 'failed';
  insatsId?: string;
  cursor?: NotificationCursor;
  limit: number;
}

export async function listNotifications(database: Database, filters: NotificationFilters) {
  const { cursor } = filters;
  const rows = await database.notification.findMany({
    where: {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.insatsId ? { insatsId: filters.insatsId } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
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
      kind: row.kind,
      recipient: { role: row.recipientRole, id: row.recipientId },
      address: row.address,
      status: row.status,
      failureReason: row.failureReason,
      lastError: row.lastError,
      scheduledFor: row.scheduledFor.toISOString(),
      failedAt: row.failedAt?.toISOString() ?? null,
      sentAt: row.sentAt?.toISOString() ?? null,
      attempts: row.attempts,
    })),
    nextCursor: rows.length > filters.limit ? encodeNotificationCursor(page.at(-1)!) : null,
  };
}
