// The data converter every Temporal client and worker of the service uses: payloads encrypted
// with the configured keys (platform/payload-codec.ts), failure texts inside payloads
// (platform/failure-converter.cjs, which the workflow bundle takes too: worker.ts).
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from './payload-codec';
import type { PayloadKeyring } from './payload-keys';

export const failureConverterPath = fileURLToPath(new URL('./failure-converter.cjs', import.meta.url));

export function dataConverterFor(keyring: PayloadKeyring): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keyring)], failureConverterPath };
}
