// /api/notifications: the stored reminders, escalations and notices, with their delivery status
// (operator, arbetsledare): the failed ones say why, so someone can reach the actor another way.
import { Router } from 'express';
import type { Database } from '../platform/database';
import { callerOf } from './auth';
import { requireRole } from './caller';
import { listNotifications } from './notification-queries';
import { listOutboxItems } from './outbox-queries';
import { parseInput } from './problem';
import { listNotificationsQuerySchema, listOutboxQuerySchema } from './schemas';

export function notificationsRoutes({ database }: { database: Database }) {
  const router = Router();
  router.get('/', async (request, response) => {
    requireRole(callerOf(response.locals), ['operator', 'arbetsledare'], 'read notifications');
    const filters = parseInput(listNotificationsQuerySchema, request.query, 'query');
    response.json(await listNotifications(database, filters));
  });
  // The daily digest's items: when the rules decided each one, and in which e-mail it went.
  router.get('/outbox', async (request, response) => {
    requireRole(callerOf(response.locals), ['operator', 'arbetsledare'], 'read notifications');
    const filters = parseInput(listOutboxQuerySchema, request.query, 'query');
    response.json(await listOutboxItems(database, filters));
  });
  return router;
}
