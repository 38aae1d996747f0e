// A key rotation on a running insats (README, Encrypted payloads): started and moved under key 1,
// it runs on under key 2 with key 1 kept, its timers fire and its events apply, and every payload
// of its history, old and new, stays readable with the rotated keyring.
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createInsatsClient } from '../../client/insats-client';
import { defaultSettings, parseLocalDateTime } from '../../domain';
import type { Clock } from '../../platform/clock';
import { dataConverterFor } from '../../platform/data-converter';
import { EncryptionCodec } from '../../platform/payload-codec';
import { newPayloadKeysValue, parsePayloadKeys } from '../../platform/payload-keys';
import { recordingActivities } from '../../simulator/recording-activities';
import { bundleWorkflows, createWorker } from '../../worker';
import { insatsWorkflowId } from '../../workflows/ids';
import { settled, startTimeSkippingServer, uniqueInsatsId } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([startTimeSkippingServer(), bundleWorkflows()]);
});
afterAll(async () => {
  await env?.teardown();
});

const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString();

it('runs an insats started under key 1 on under key 2, and reads both', async () => {
  const key1 = newPayloadKeysValue('key-1');
  const key2 = newPayloadKeysValue('key-2');
  const before = parsePayloadKeys(key1);
  const rotated = parsePayloadKeys(`${key2},${key1}`);
  const insatsId = uniqueInsatsId('rotation');
  const taskQueue = `test-${insatsId}`;
  const offset = parseLocalDateTime('2025-12-23T10:00').getTime() - (await env.currentTimeMs());
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const recording = recordingActivities({ digest: false });
  const under = (keyring: typeof before) => {
    const dataConverter = dataConverterFor(keyring);
    const client = new Client({ connection: env.connection, namespace: 'default', dataConverter });
    return { client, insatser: createInsatsClient(client, { clock, taskQueue }), dataConverter };
  };
  const anordnare = { role: 'anordnare' as const, anordnare: 'a-rot' };
  // No sticky queue: the time-skipping server does not hand a stopped worker's sticky task on to
  // the next worker while its clock is locked, and every task is a replay here anyway.
  const uncached = { workerMaxCachedWorkflows: 0 };

  const first = under(before);
  const worker1 = await createWorker({ connection: env.nativeConnection, namespace: 'default', activities: recording.activities, workflowBundle, taskQueue, dataConverter: first.dataConverter, tuning: uncached });
  await worker1.runUntil(async () => {
    await first.insatser.startInsats({
      insatsId, insatstyp: 'AMI1', rulebook: '2024', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23',
      anordnare: 'a-rot', kvl: 'k1', kundId: `kund-${insatsId}`, kund: { ekonomisktBistand: true, arbetsformaga: 60 }, settings: defaultSettings,
    });
    await first.insatser.applyEvent(insatsId, { event: { type: 'bemannad' }, requestId: 'r1', sender: anordnare });
    await settled(env, insatsWorkflowId(insatsId));
  });

  // The rotation: a new worker and client whose current key is key 2, key 1 still held.
  const second = under(rotated);
  const worker2 = await createWorker({ connection: env.nativeConnection, namespace: 'default', activities: recording.activities, workflowBundle, taskQueue, dataConverter: second.dataConverter, tuning: uncached });
  const writesBefore = recording.writes.length;
  try {
    await worker2.runUntil(async () => {
      // A fresh worker replays the insats's key-1 history before it applies this event.
      const outcome = await second.insatser.applyEvent(insatsId, { event: { type: 'plan-inlamnad' }, requestId: 'r2', sender: anordnare });
      expect(outcome.phase).toBeDefined();
      // Its timers fire under the new key too: a fortnight on, the plan's review deadline has passed.
      await env.sleep(14 * 24 * 3_600_000);
      await settled(env, insatsWorkflowId(insatsId));
    });
  } finally {
    await env.client.workflow.getHandle(insatsWorkflowId(insatsId)).terminate('test finished').catch(() => undefined);
  }
  expect(recording.writes.length).toBeGreaterThan(writesBefore);

  const { history } = await env.client.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId: insatsWorkflowId(insatsId) } });
  const payloads = (history!.events ?? []).flatMap((event) => [
    ...(event.workflowExecutionStartedEventAttributes?.input?.payloads ?? []),
    ...(event.activityTaskScheduledEventAttributes?.input?.payloads ?? []),
    ...(event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? []),
  ]) as temporal.api.common.v1.IPayload[];
  // After the key-2 event, a timer fired and the insats scheduled work under key 2.
  const events = history!.events ?? [];
  const lastUpdate = events.findLastIndex((event) => event.workflowExecutionUpdateAcceptedEventAttributes);
  const later = events.slice(lastUpdate + 1);
  expect(later.some((event) => event.timerFiredEventAttributes)).toBe(true);
  const laterActivities = later.flatMap((event) => event.activityTaskScheduledEventAttributes?.input?.payloads ?? []);
  expect(laterActivities.length).toBeGreaterThan(0);
  for (const payload of laterActivities) expect(text(payload.metadata?.['encryption-key-id'])).toBe('key-2');
  const keyIds = new Set(payloads.map((payload) => text(payload.metadata?.['encryption-key-id'])));
  expect([...keyIds].sort()).toEqual(['key-1', 'key-2']);
  const decoded = await new EncryptionCodec(rotated).decode(payloads);
  expect(decoded.map((payload) => text(payload.metadata?.encoding))).toEqual(payloads.map(() => 'json/plain'));
  expect(text(decoded[0]!.data)).toContain('"arbetsformaga":60');
  // Without key 1 the first run's payloads are unreadable: the rotation keeps it while they live.
  await expect(new EncryptionCodec(parsePayloadKeys(key2)).decode(payloads)).rejects.toThrow(/key-1/);
});
