// The contact table, managed by the service: `npm run contacts` and /api/contacts (operator).
// Every write is checked first (domain/contacts.ts), so bad input changes nothing; the address
// is used from the next notification on.
import { contactKeySchema, contactSchema, type Contact } from '../domain';
import type { Database } from '../platform/database';

export type ContactKey = Pick<Contact, 'role' | 'actorId'>;

/** Sets the address (and, when given, the preference) of one actor; throws a ZodError naming each bad field. */
export async function setContact(database: Database, input: unknown): Promise<{ contact: Contact; created: boolean }> {
  const { role, actorId, email, preference } = contactSchema.parse(input);
  const where = { role_actorId: { role, actorId } };
  const existing = await database.contact.findUnique({ where });
  // A new address keeps the preference set before, unless another is given.
  const stored = await database.contact.upsert({ where, create: { role, actorId, email, ...(preference ? { preference } : {}) }, update: { email, ...(preference ? { preference } : {}) } });
  return { contact: { role, actorId, email, preference: stored.preference as Contact['preference'] }, created: !existing };
}

export async function listContacts(database: Database): Promise<Contact[]> {
  const rows = await database.contact.findMany({ orderBy: [{ role: 'asc' }, { actorId: 'asc' }] });
  return rows.map(({ role, actorId, email, preference }) => ({ role: role as Contact['role'], actorId, email, preference: preference as Contact['preference'] }));
}

/** Removes one actor's address; false when it had none. Throws a ZodError on a bad key. */
export async function removeContact(database: Database, key: unknown): Promise<boolean> {
  const { role, actorId } = contactKeySchema.parse(key);
  const { count } = await database.contact.deleteMany({ where: { role, actorId } });
  return count === 1;
}
