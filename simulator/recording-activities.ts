// In-memory activities typed against the real ones: they keep what the workflow asked for.
// The simulator runs on them; tests use them where the database and e-mail do not matter.
import type { Activities } from '../activities';
import type { NotificationRequest, ProjectionWrite } from '../workflows/types';

export function recordingActivities() {
  const notifications: NotificationRequest[] = [];
  const writes: ProjectionWrite[] = [];
  const activities: Pick<Activities, 'recordProjection' | 'sendNotification'> = {
    async recordProjection(batch) {
      writes.push(...structuredClone(batch));
    },
    async sendNotification(request) {
      notifications.push(request);
      return { status: 'sent', notificationId: `${notifications.length}` };
    },
  };
  return { activities, notifications, writes };
}
