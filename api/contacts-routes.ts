// /api/contacts: where each actor's notifications go (operator only). PUT sets one address (and
// optionally `preference`: digest or immediate),
// DELETE removes it (the actor then gets the fallback address, or none).
import { Router } from 'express';
import type { Database } from '../platform/database';
import { contactKeySchema } from '../domain';
import { callerOf } from './auth';
import { requireRole } from './caller';
import { listContacts, removeContact, setContact } from './contacts';
import { HttpProblem, parseInput } from './problem';
import { putContactBodySchema } from './schemas';

export function contactsRoutes({ database }: { database: Database }) {
  const router = Router();

  router.get('/', async (_request, response) => {
    requireRole(callerOf(response.locals), ['operator'], 'read contacts');
    response.json({ items: await listContacts(database) });
  });

  router.put('/:role/:actorId', async (request, response) => {
    requireRole(callerOf(response.locals), ['operator'], 'set contacts');
    const key = parseInput(contactKeySchema, request.params, 'path');
    const body = parseInput(putContactBodySchema, request.body, 'body');
    const { contact, created } = await setContact(database, { ...key, ...body });
    response.status(created ? 201 : 200).json(contact);
  });

  router.delete('/:role/:actorId', async (request, response) => {
    requireRole(callerOf(response.locals), ['operator'], 'remove contacts');
    const key = parseInput(contactKeySchema, request.params, 'path');
    if (!(await removeContact(database, key))) throw new HttpProblem(404, 'Not found', `no contact for ${key.role} ${key.actorId}`);
    response.status(204).end();
  });

  return router;
}
