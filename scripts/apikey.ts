// `npm run apikey -- create --role anordnare --anordnare a1 [--name "…"]`, `… list`, `… revoke <id>`:
// manages API keys in the service's database (DATABASE_URL, else the embedded one under .data/,
// started here when `npm start` is not running).
import { parseArgs } from 'node:util';
import { createApiKey, listApiKeys, newApiKeySchema, revokeApiKey } from '../api/api-keys';
import { openServiceDatabase } from './service-database';
import { exitWith } from './exit-with';

const USAGE = `usage:
  npm run apikey -- create --role <anordnare|kvl|arbetsledare|operator> [--anordnare <id>] [--kvl <id>] [--name <text>]
  npm run apikey -- list
  npm run apikey -- revoke <key id>`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, anordnare: { type: 'string' }, kvl: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  if (!command || !['create', 'list', 'revoke'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const { database, close } = await openServiceDatabase();
  try {
    if (command === 'create') {
      const parsed = newApiKeySchema.safeParse(Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.') || 'role'}: ${issue.message}`);
        console.error(USAGE);
        return 2;
      }
      const key = await createApiKey(database, parsed.data);
      console.log(`key id:          ${key.id}`);
      console.log(`bearer token:    ${key.token}`);
      console.log(`calendar feed:   /api/calendar/${key.calendarToken}.ics`);
      console.log('Store the token now: it is not shown again.');
    } else if (command === 'list') {
      for (const key of await listApiKeys(database)) {
        const scope = key.anordnareId ? `anordnare ${key.anordnareId}` : key.kvlId ? `kvl ${key.kvlId}` : 'all';
        console.log(`${key.id}  ${key.role.padEnd(12)} ${scope.padEnd(20)} ${key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active'}  ${key.name ?? ''}`);
      }
    } else {
      const id = rest[0];
      if (!id) {
        console.error(USAGE);
        return 2;
      }
      if (!(await revokeApiKey(database, id))) {
        console.error(`no active key ${id}`);
        return 1;
      }
      console.log(`revoked ${id}`);
    }
    return 0;
  } finally {
    await close();
  }
}

exitWith(main);
