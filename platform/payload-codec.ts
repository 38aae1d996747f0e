// Every payload the service writes to Temporal (inputs, results, update and activity arguments,
// failure messages and stack traces) is encrypted with AES-256-GCM before it leaves the process:
// the kund facts, sick-leave and avslut details are social-welfare and health data
// (socialtjänstsekretess, GDPR art. 9), and Temporal's histories and Web UI hold payloads as they
// are sent. The key id travels in the payload's metadata, so a payload written under an older key
// stays readable while that key is kept; a payload written before encryption has no such metadata
// and decodes as it is, so histories recorded before the codec still replay.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
// The proto package is CommonJS: its namespace comes through the default export under node's ESM.
import proto from '@temporalio/proto';
import type { PayloadKeyring } from './payload-keys';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID_METADATA = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const text = new TextEncoder();
const fromBytes = (bytes: Uint8Array | null | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

export class UnknownPayloadKeyError extends Error {}

export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keyring: PayloadKeyring) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keyring.current;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      // The key id is authenticated too: a payload cannot be passed off as written under another key.
      cipher.setAAD(text.encode(id));
      const plain = proto.temporal.api.common.v1.Payload.encode(payload).finish();
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { metadata: { encoding: text.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: text.encode(id) }, data: sealed };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (fromBytes(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
      const id = fromBytes(payload.metadata?.[KEY_ID_METADATA]) ?? '';
      const key = this.keyring.keys.get(id);
      if (!key) throw new UnknownPayloadKeyError(`payload encrypted under key "${id}", which this process does not hold (PAYLOAD_KEYS / PAYLOAD_KEY_FILE)`);
      const sealed = Buffer.from(payload.data ?? new Uint8Array());
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(text.encode(id));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
      return proto.temporal.api.common.v1.Payload.decode(plain) as Payload;
    });
  }
}
