// Activities: thin adapters from the workflow to PostgreSQL and e-mail.
import type { Database } from '../platform/database';
import type { Mailer } from '../platform/mailer';
import { createDeliveryActivities } from './delivery';
import { createNotificationActivities } from './notifications';
import { createPaymentRunActivities } from './payment-run';
import { createProjectionActivities } from './projection';

export interface ActivityDependencies {
  database: Database;
  mailer: Mailer;
  notifyFallbackDomain?: string | undefined;
}

export function createActivities(dependencies: ActivityDependencies) {
  return {
    ...createProjectionActivities(dependencies.database),
    ...createNotificationActivities(dependencies),
    ...createDeliveryActivities(dependencies),
    ...createPaymentRunActivities(dependencies.database),
  };
}

export type Activities = ReturnType<typeof createActivities>;
