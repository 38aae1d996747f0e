// The payload keys (platform/payload-codec.ts) from configuration: PAYLOAD_KEYS, or a key file
// named by PAYLOAD_KEY_FILE, or the development key file `npm start` writes under .data/. The
// first key of PAYLOAD_KEYS (or the file's `current`) encrypts; every listed key decrypts, so a
// rotation adds the new key first and keeps the old ones while histories written under them live.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export interface PayloadKeyring {
  current: { id: string; key: Buffer };
  keys: ReadonlyMap<string, Buffer>;
}

const keyIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'a key id is 1–32 letters, digits or -');
const keySchema = z
  .string()
  .transform((value) => Buffer.from(value, 'base64'))
  .refine((key) => key.length === 32, 'a key is 32 bytes, base64-encoded (openssl rand -base64 32)');
const keyFileSchema = z
  .object({ current: keyIdSchema, keys: z.record(keyIdSchema, keySchema) })
  .strict()
  .refine((file) => file.current in file.keys, 'current must name one of keys');

export type KeyFile = z.input<typeof keyFileSchema>;

function keyringOf(current: string, keys: Map<string, Buffer>): PayloadKeyring {
  return { current: { id: current, key: keys.get(current)! }, keys };
}

function fromFile(path: string): PayloadKeyring {
  if (!existsSync(path)) throw new Error(`the payload key file ${path} does not exist. ${NO_KEYS_HINT}`);
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  return keyringOf(parsed.data.current, new Map(Object.entries(parsed.data.keys)));
}

/** `id:base64,id:base64`, the first one current. */
export function parsePayloadKeys(value: string): PayloadKeyring {
  const keys = new Map<string, Buffer>();
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [id = '', key = ''] = entry.split(/:(.*)/s);
    const parsedId = keyIdSchema.safeParse(id);
    const parsedKey = keySchema.safeParse(key);
    if (!parsedId.success || !parsedKey.success) {
      throw new Error(`PAYLOAD_KEYS: each entry is <key id>:<32 bytes base64>; ${[parsedId.error, parsedKey.error].flatMap((error) => error?.issues.map((issue) => issue.message) ?? []).join('; ')}`);
    }
    keys.set(parsedId.data, parsedKey.data);
  }
  const current = [...keys.keys()][0];
  if (!current) throw new Error('PAYLOAD_KEYS is empty');
  return keyringOf(current, keys);
}

export const developmentKeyFile = (dataDir: string) => join(dataDir, 'payload-keys.json');

/** The configured keys, or undefined when none are configured and no development key exists. */
export function readPayloadKeyring(env: NodeJS.ProcessEnv, dataDir: string): PayloadKeyring | undefined {
  if (env.PAYLOAD_KEYS) return parsePayloadKeys(env.PAYLOAD_KEYS);
  if (env.PAYLOAD_KEY_FILE) return fromFile(env.PAYLOAD_KEY_FILE);
  const development = developmentKeyFile(dataDir);
  return existsSync(development) ? fromFile(development) : undefined;
}

export const NO_KEYS_HINT =
  'No payload key is configured: set PAYLOAD_KEYS=<id>:<base64 of 32 bytes> (openssl rand -base64 32) or PAYLOAD_KEY_FILE (README, Encrypted payloads); `npm start` writes a development key under .data/ itself.';

export function requirePayloadKeyring(env: NodeJS.ProcessEnv, dataDir: string): PayloadKeyring {
  const keyring = readPayloadKeyring(env, dataDir);
  if (!keyring) throw new Error(NO_KEYS_HINT);
  return keyring;
}

/** A fresh keyring of one key, as PAYLOAD_KEYS holds it (the bench's processes share one). */
export function newPayloadKeysValue(id = 'k1'): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/** A new key file with one fresh key, readable by its owner only. */
export async function writeNewKeyFile(path: string, id = `dev-${new Date().toISOString().slice(0, 10)}`): Promise<PayloadKeyring> {
  await mkdir(dirname(path), { recursive: true });
  const file: KeyFile = { current: id, keys: { [id]: randomBytes(32).toString('base64') } };
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return fromFile(path);
}
