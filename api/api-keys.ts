// API keys in PostgreSQL: created, listed and revoked by `npm run apikey`, verified on every
// request. Tokens are 256-bit random strings, so a SHA-256 hash is enough to store; only the
// hashes are kept, and a token is never logged.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { actorIdSchema } from '../domain';
import type { Database } from '../platform/database';
import type { Caller } from './caller';

export const API_KEY_ROLES = ['anordnare', 'kvl', 'arbetsledare', 'operator'] as const;

export const newApiKeySchema = z
  .object({
    role: z.enum(API_KEY_ROLES),
    anordnare: actorIdSchema.optional(),
    kvl: actorIdSchema.optional(),
    name: z.string().max(200).optional(),
  })
  .strict()
  .superRefine((key, context) => {
    if (key.role === 'anordnare' && !key.anordnare) context.addIssue({ code: 'custom', path: ['anordnare'], message: 'an anordnare key names its anordnare' });
    if (key.role !== 'anordnare' && key.anordnare) context.addIssue({ code: 'custom', path: ['anordnare'], message: 'only an anordnare key names an anordnare' });
    if (key.role !== 'kvl' && key.kvl) context.addIssue({ code: 'custom', path: ['kvl'], message: 'only a kvl key names a kvl' });
  });
export type NewApiKey = z.infer<typeof newApiKeySchema>;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

export interface CreatedApiKey {
  id: string;
  /** The bearer token; shown once. */
  token: string;
  /** The token of the key's calendar feed URL; shown once. */
  calendarToken: string;
}

export async function createApiKey(database: Database, key: NewApiKey): Promise<CreatedApiKey> {
  const token = newToken('kv');
  const calendarToken = newToken('kvcal');
  const row = await database.apiKey.create({
    data: {
      role: key.role,
      name: key.name ?? null,
      anordnareId: key.anordnare ?? null,
      kvlId: key.kvl ?? null,
      tokenHash: hash(token),
      calendarTokenHash: hash(calendarToken),
    },
  });
  return { id: row.id, token, calendarToken };
}

export async function listApiKeys(database: Database) {
  return database.apiKey.findMany({
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, role: true, anordnareId: true, kvlId: true, createdAt: true, revokedAt: true },
  });
}

/** Revokes a key; false when there is no such active key. */
export async function revokeApiKey(database: Database, id: string): Promise<boolean> {
  if (!z.uuid().safeParse(id).success) return false;
  const { count } = await database.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

async function callerWhere(database: Database, where: { id: string } | { tokenHash: string } | { calendarTokenHash: string }): Promise<Caller | undefined> {
  // The id and both hashes are unique: a lookup by unique key is the cheapest query Prisma makes.
  const key = await database.apiKey.findUnique({ where });
  if (!key || key.revokedAt) return undefined;
  return {
    keyId: key.id,
    role: key.role as Caller['role'],
    ...(key.anordnareId ? { anordnare: key.anordnareId } : {}),
    ...(key.kvlId ? { kvl: key.kvlId } : {}),
  };
}

export const callerForToken = (database: Database, token: string) => callerWhere(database, { tokenHash: hash(token) });
export const callerForCalendarToken = (database: Database, token: string) => callerWhere(database, { calendarTokenHash: hash(token) });
/** The caller of a key known by its id (a web session holds the id, never the token); undefined once revoked. */
export const callerForKeyId = (database: Database, id: string) => callerWhere(database, { id });
