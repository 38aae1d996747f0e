// One payload keyring per test file, shared by the clients a test makes and the worker or import
// processes it spawns (PAYLOAD_KEYS), so they encrypt as production does and read each other.
import { dataConverterFor } from '../../platform/data-converter';
import { newPayloadKeysValue, parsePayloadKeys } from '../../platform/payload-keys';

export const TEST_PAYLOAD_KEYS = newPayloadKeysValue('test');
export const testDataConverter = dataConverterFor(parsePayloadKeys(TEST_PAYLOAD_KEYS));
