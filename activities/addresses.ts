// Where a recipient's e-mail goes: its contact row, or, without one, an address on the fallback
// domain; and how they want it (the daily digest or each item on its own).
import { contactActorId, contactEmailSchema, recipientLabel, type ContactPreference, type Recipient } from '../domain';
import type { Database } from '../platform/database';

export type Address =
  | { address: string; problem?: undefined; preference: ContactPreference }
  | { address: string | null; problem: string; preference: ContactPreference };

export async function addressOfRecipient(database: Database, recipient: Recipient, fallbackDomain: string | undefined): Promise<Address> {
  const { role } = recipient;
  const actorId = contactActorId(recipient);
  const contact = await database.contact.findUnique({ where: { role_actorId: { role, actorId } } });
  const preference = (contact?.preference ?? 'digest') as ContactPreference;
  const label = recipientLabel(recipient);
  if (!contact && !fallbackDomain) return { address: null, problem: `no contact for ${label} and no NOTIFY_FALLBACK_DOMAIN`, preference };
  const address = contact?.email ?? `${role}.${actorId}@${fallbackDomain}`;
  if (!contactEmailSchema.safeParse(address).success) {
    return { address, problem: `${contact ? 'the contact address' : 'the fallback address'} of ${label} is not an e-mail address: ${address}`, preference };
  }
  return { address, preference };
}
