// Idempotency-Key under concurrency and restarts, over real HTTP: the key is claimed before the
// request runs, so one key with different bodies applies one event and refuses the rest with 422,
// one key with one body gets one answer, a claim left by a dead API process is taken over with the
// same update id, and the stored answer outlives the API process. Event ids show no key id.
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { IDEMPOTENCY_TIMES, requestHashOf, updateIdOf } from '../../api/idempotency';
import { createInsatsClient, type InsatsClient } from '../../client/insats-client';
import { createPaymentClient } from '../../client/payment-client';
import { uniqueInsatsId } from '../helpers/temporal';
import { startHarness, type Harness } from './harness';

let api: Harness;
const anordnare = uniqueInsatsId('idem-a');

beforeAll(async () => {
  api = await startHarness(inject('databaseUrl'), { kvl: { role: 'kvl', kvl: 'k1' }, anordnare: { role: 'anordnare', anordnare } });
});
afterAll(async () => {
  await api?.close();
});

async function newInsats(): Promise<string> {
  const id = uniqueInsatsId('idem');
  const body = { id, insatstyp: 'AMI2', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare, kvl: 'k1', kundId: `kund-${id}`, kund: { alder: 30, ekonomisktBistand: true } };
  expect((await api.request('POST', '/api/insatser', { as: 'kvl', body })).status).toBe(201);
  // Staffed: a ledighet, the event these tests send, needs it.
  expect((await api.request('POST', `/api/insatser/${id}/events`, { as: 'anordnare', body: { type: 'bemannad' } })).status).toBe(200);
  return id;
}

const keyIdOf = async (who: string) =>
  (await api.database.apiKey.findUniqueOrThrow({ where: { tokenHash: createHash('sha256').update(api.token(who)).digest('hex') } })).id;
const leave = (day: number) => ({ type: 'ledighet' as const, from: `2026-01-${String(day).padStart(2, '0')}`, to: `2026-01-${String(day).padStart(2, '0')}` });
const postEvent = (id: string, body: unknown, key: string, baseUrl = api.baseUrl) =>
  fetch(`${baseUrl}/api/insatser/${id}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token('anordnare')}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
const eventsOf = (insatsId: string) => api.database.insatsEvent.findMany({ where: { insatsId, type: 'ledighet' } });

/** Another API process on the same database, its client's applyEvent given by `applyEvent`. */
async function anotherApi(applyEvent: (real: InsatsClient) => InsatsClient['applyEvent']): Promise<{ baseUrl: string; close: () => void }> {
  const real = createInsatsClient(api.temporal);
  const insatser: InsatsClient = { ...real, applyEvent: applyEvent(real) };
  const server: Server = createApp({ insatser, payments: createPaymentClient(api.temporal), database: api.database, rateLimitPerMinute: 100_000 }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  return { baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => server.close() };
}
const refuseTemporal = () => () => Promise.reject(new Error('the restarted API asked Temporal'));

describe('one Idempotency-Key, many concurrent requests', () => {
  it('with 15 different bodies: one 2xx, 14 × 422, one event; a refused request before them did not use up the key', async () => {
    const id = await newInsats();
    const key = `leave-${id}`;
    // Refused by the rules: the key stays free for a corrected request.
    expect((await postEvent(id, { type: 'manadsrapport-klar', month: '2025-12' }, key)).status).toBe(409);

    const bodies = Array.from({ length: 15 }, (_, index) => leave(5 + index));
    const responses = await Promise.all(bodies.map((body) => postEvent(id, body, key)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status >= 200 && status < 300)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(14);

    const winner = statuses.findIndex((status) => status === 200);
    const outcome = (await responses[winner]!.json()) as { eventId: string };
    const events = await eventsOf(id);
    expect(events.map((event) => [event.id, (event.payload as { from: string }).from])).toEqual([[outcome.eventId, bodies[winner]!.from]]);
    const read = (await (await api.request('GET', `/api/insatser/${id}`, { as: 'anordnare' })).json()) as { events: { id: string; type: string }[] };
    expect(read.events.filter((event) => event.type === 'ledighet').map((event) => event.id)).toEqual([outcome.eventId]);
  });

  it('with one body: the same answer for all 15, one of them run and 14 replayed, one event whose id shows no key id', async () => {
    const id = await newInsats();
    const key = `leave-${id}`;
    const keyId = await keyIdOf('anordnare');
    const responses = await Promise.all(Array.from({ length: 15 }, () => postEvent(id, leave(7), key)));
    expect(responses.map((response) => response.status)).toEqual(Array(15).fill(200));
    const bodies = await Promise.all(responses.map((response) => response.json() as Promise<{ eventId: string }>));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);

    const [event] = await eventsOf(id);
    expect((await eventsOf(id)).map((row) => row.id)).toEqual([bodies[0]!.eventId]);
    for (const shown of [bodies[0]!.eventId, event!.id]) {
      expect(shown).not.toContain(keyId);
      expect(shown).not.toContain(key);
    }
    expect(bodies[0]!.eventId).toBe(updateIdOf(keyId, key, requestHashOf('POST', `/api/insatser/${id}/events`, leave(7))));
  });
});

describe('a claim and its answer outlive the API process', () => {
  it('gives the stored answer again from another API process without asking Temporal, and refuses another body there', async () => {
    const id = await newInsats();
    const key = `leave-${id}`;
    const first = await postEvent(id, leave(8), key);
    expect(first.status).toBe(200);
    const answer = (await first.json()) as { eventId: string };
    expect(answer.eventId).not.toContain(await keyIdOf('anordnare'));

    const restarted = await anotherApi(refuseTemporal);
    try {
      const again = await postEvent(id, leave(8), key, restarted.baseUrl);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(answer);
      expect((await postEvent(id, leave(9), key, restarted.baseUrl)).status).toBe(422);
    } finally {
      restarted.close();
    }
    expect(await eventsOf(id)).toHaveLength(1);
  });

  it('takes over a stale pending claim (its process died after sending the update) with the same update id: one event', async () => {
    const id = await newInsats();
    const key = `leave-${id}`;
    const apiKeyId = await keyIdOf('anordnare');
    const requestHash = requestHashOf('POST', `/api/insatser/${id}/events`, leave(10));
    const updateId = updateIdOf(apiKeyId, key, requestHash);
    // The dead process claimed the key an hour ago and its update reached the insats.
    await api.database.idempotentRequest.create({ data: { apiKeyId, key, requestHash, claimedAt: new Date(Date.now() - 3_600_000) } });
    const sent = await createInsatsClient(api.temporal).applyEvent(id, { event: leave(10), sender: { role: 'anordnare', anordnare } }, { updateId });

    const retried = await postEvent(id, leave(10), key);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual(sent);
    expect((await eventsOf(id)).map((event) => event.id)).toEqual([updateId]);
    expect(await api.database.idempotentRequest.findUniqueOrThrow({ where: { apiKeyId_key: { apiKeyId, key } } })).toMatchObject({ status: 200, body: sent });
  });

  it('refuses another body at once while the first still runs, and answers a retry of it 409 with Retry-After when it runs on', { timeout: 40_000 }, async () => {
    const id = await newInsats();
    const key = `leave-${id}`;
    // The first request, on another API process, takes longer than a retry waits for it.
    const firstTakesMs = 13_000;
    const slow = await anotherApi((real) => async (...args) => {
      await sleep(firstTakesMs);
      return real.applyEvent(...args);
    });
    try {
      const first = postEvent(id, leave(11), key, slow.baseUrl);
      await sleep(1_000);

      const started = Date.now();
      const other = await postEvent(id, leave(12), key);
      expect(other.status).toBe(422);
      expect(Date.now() - started).toBeLessThan(2_000);

      const retry = await postEvent(id, leave(11), key);
      expect(retry.status).toBe(409);
      expect(retry.headers.get('retry-after')).toBe('2');
      expect(await retry.json()).toMatchObject({ title: 'Request in progress' });
      expect(await eventsOf(id)).toEqual([]);

      const answered = await first;
      expect(answered.status).toBe(200);
      const again = await postEvent(id, leave(11), key);
      expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
      expect(await again.json()).toEqual(await answered.json());
      expect(await eventsOf(id)).toHaveLength(1);
    } finally {
      slow.close();
    }
    expect(IDEMPOTENCY_TIMES.waitMs).toBeLessThan(firstTakesMs - 2_000);
  });
});
