// `npm run contacts -- set <role> <actorId> <email>`, `… list`, `… remove <role> <actorId>`: where
// each actor's notifications go, in the service's database (scripts/service-database.ts). For
// arbetsledare, kundkoordinator and operator the actor id is the role itself. Bad input exits 2
// with the reason, before the database is opened.
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { listContacts, removeContact, setContact } from '../api/contacts';
import { contactKeySchema, contactSchema } from '../domain';
import { openServiceDatabase } from './service-database';
import { exitWith } from './exit-with';

const USAGE = `usage:
  npm run contacts -- set <anordnare|kvl|arbetsledare|kundkoordinator|operator> <actorId> <email> [--preference digest|immediate]
  npm run contacts -- list
  npm run contacts -- remove <role> <actorId>`;

type Command = { name: 'list' } | { name: 'set'; contact: z.infer<typeof contactSchema> } | { name: 'remove'; key: z.infer<typeof contactKeySchema> };

const reasons = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

/** The command, or the lines saying what is wrong with it. */
function parseCommand(args: string[]): Command | string[] {
  let positionals: string[];
  let preference: string | undefined;
  try {
    const parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { preference: { type: 'string' } } });
    positionals = parsed.positionals;
    preference = parsed.values.preference;
  } catch (error) {
    return [(error as Error).message];
  }
  const [name, ...rest] = positionals;
  const expected = { list: 0, set: 3, remove: 2 }[name as string];
  if (expected === undefined) return [name ? `unknown command "${name}"` : 'no command'];
  if (rest.length !== expected) return [`${name} takes ${expected} argument${expected === 1 ? '' : 's'}, got ${rest.length}`];
  if (name === 'list') return { name };
  const [role, actorId, email] = rest;
  if (name === 'set') {
    const parsed = contactSchema.safeParse({ role, actorId, email, ...(preference !== undefined ? { preference } : {}) });
    return parsed.success ? { name, contact: parsed.data } : reasons(parsed.error);
  }
  const parsed = contactKeySchema.safeParse({ role, actorId });
  return parsed.success ? { name: 'remove', key: parsed.data } : reasons(parsed.error);
}

async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2));
  if (Array.isArray(command)) {
    for (const line of command) console.error(line);
    console.error(USAGE);
    return 2;
  }
  const { database, close } = await openServiceDatabase();
  try {
    if (command.name === 'set') {
      const { contact, created } = await setContact(database, command.contact);
      console.log(`${created ? 'set' : 'changed'} ${contact.role} ${contact.actorId}: ${contact.email} (${contact.preference})`);
    } else if (command.name === 'list') {
      for (const contact of await listContacts(database)) console.log(`${contact.role.padEnd(16)} ${contact.actorId.padEnd(24)} ${contact.email.padEnd(36)} ${contact.preference}`);
    } else {
      if (!(await removeContact(database, command.key))) {
        console.error(`no contact for ${command.key.role} ${command.key.actorId}`);
        return 1;
      }
      console.log(`removed ${command.key.role} ${command.key.actorId}`);
    }
    return 0;
  } finally {
    await close();
  }
}

exitWith(main);
