// The payload codec on its own: what it writes is unreadable without its key and names the key,
// a payload written before encryption passes as it is, a tampered one is refused, and a keyring
// rotated to a new key still reads what the old key wrote.
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { EncryptionCodec, UnknownPayloadKeyError } from '../../platform/payload-codec';
import { newPayloadKeysValue, parsePayloadKeys, readPayloadKeyring, writeNewKeyFile } from '../../platform/payload-keys';

const facts = { kund: { ekonomisktBistand: true, arbetsformaga: 50 }, event: 'sjukanmalan' };
const plain = () => defaultPayloadConverter.toPayload(facts);
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('latin1');

describe('EncryptionCodec', () => {
  const k1 = newPayloadKeysValue('k1');
  const k2 = newPayloadKeysValue('k2');

  it('writes ciphertext under the current key id and reads it back', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(k1));
    const [sealed] = await codec.encode([plain()]);
    expect(text(sealed!.metadata!.encoding)).toBe('binary/encrypted');
    expect(text(sealed!.metadata!['encryption-key-id'])).toBe('k1');
    for (const secret of ['ekonomisktBistand', 'sjukanmalan', 'json/plain']) expect(text(sealed!.data)).not.toContain(secret);
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(facts);
  });

  it('encrypts the same value differently each time', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(k1));
    const [first, second] = await codec.encode([plain(), plain()]);
    expect(text(first!.data)).not.toBe(text(second!.data));
  });

  it('passes a payload written before encryption as it is', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(k1));
    const [passed] = await codec.decode([plain()]);
    expect(defaultPayloadConverter.fromPayload(passed!)).toEqual(facts);
  });

  it('after a rotation writes under the new key and still reads the old one; without the old key it says which is missing', async () => {
    const [old] = await new EncryptionCodec(parsePayloadKeys(k1)).encode([plain()]);
    const rotated = new EncryptionCodec(parsePayloadKeys(`${k2},${k1}`));
    const [fresh] = await rotated.encode([plain()]);
    expect(text(fresh!.metadata!['encryption-key-id'])).toBe('k2');
    for (const payload of await rotated.decode([old!, fresh!])) expect(defaultPayloadConverter.fromPayload(payload)).toEqual(facts);
    await expect(new EncryptionCodec(parsePayloadKeys(k2)).decode([old!])).rejects.toThrow(UnknownPayloadKeyError);
    await expect(new EncryptionCodec(parsePayloadKeys(k2)).decode([old!])).rejects.toThrow(/"k1"/);
  });

  it('refuses a tampered payload, and one whose key id was swapped', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(`${k1},${k2.replace('k2:', 'k3:')}`));
    const [sealed] = await codec.encode([plain()]);
    const flipped = Buffer.from(sealed!.data!);
    flipped[20] = flipped[20]! ^ 1;
    await expect(codec.decode([{ ...sealed!, data: flipped }])).rejects.toThrow();
    const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, 'encryption-key-id': Buffer.from('k3') } };
    await expect(codec.decode([relabelled])).rejects.toThrow();
  });
});

describe('payload keys from configuration', () => {
  it('refuses a key that is not 32 bytes, a bad key id and an empty list, saying how to make one', () => {
    expect(() => parsePayloadKeys(`k1:${Buffer.alloc(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() => parsePayloadKeys(`k 1:${Buffer.alloc(32).toString('base64')}`)).toThrow(/key id/);
    expect(() => parsePayloadKeys(' , ')).toThrow(/empty/);
  });

  it('reads PAYLOAD_KEYS before PAYLOAD_KEY_FILE, and the development file only when neither is set', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'payload-keys-'));
    expect(readPayloadKeyring({}, dataDir)).toBeUndefined();
    const developmentFile = join(dataDir, 'payload-keys.json');
    const written = await writeNewKeyFile(developmentFile, 'dev-1');
    // Readable by its owner alone, and never overwritten.
    expect((await stat(developmentFile)).mode & 0o777).toBe(0o600);
    await expect(writeNewKeyFile(developmentFile)).rejects.toThrow();
    expect(readPayloadKeyring({}, dataDir)?.current.id).toBe('dev-1');
    expect(readPayloadKeyring({ PAYLOAD_KEYS: newPayloadKeysValue('env') }, dataDir)?.current.id).toBe('env');
    expect(readPayloadKeyring({ PAYLOAD_KEY_FILE: developmentFile }, '/nonexistent')?.current.key).toEqual(written.current.key);
    expect(() => readPayloadKeyring({ PAYLOAD_KEY_FILE: join(dataDir, 'missing.json') }, dataDir)).toThrow(/does not exist/);
    expect(JSON.parse(await readFile(developmentFile, 'utf8'))).toMatchObject({ current: 'dev-1' });
  });
});
