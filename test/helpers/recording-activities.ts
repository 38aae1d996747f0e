// Mocked activities typed against the real ones: they record what the workflow asked for.
import type { Activities } from '../../activities';
import type { NotificationRequest, ProjectionWrite } from '../../workflows/types';

export function recordingActivities() {
  const notifications: NotificationRequest[] = [];
  const writes: ProjectionWrite[] = [];
  const activities: Activities = {
    async recordProjection(batch) {
      writes.push(...batch);
    },
    async sendNotification(request) {
      notifications.push(request);
      return { sent: true, notificationId: `${notifications.length}` };
    },
  };
  return { activities, notifications, writes };
}
