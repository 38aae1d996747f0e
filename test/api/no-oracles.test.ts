// What a caller cannot learn about insatser it may not see, over real HTTP: a taken id answers the
// same whoever owns it, and an event for a foreign insats is refused as for a missing one; both
// are decided on the PostgreSQL projection, so Temporal is never asked (a spy on the client).
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { createInsatsClient, type InsatsClient } from '../../client/insats-client';
import { createPaymentClient } from '../../client/payment-client';
import { insatsWorkflowId } from '../../workflows/ids';
import { uniqueInsatsId } from '../helpers/temporal';
import { startHarness, type Harness } from './harness';

let api: Harness;
let spied: { baseUrl: string; calls: string[]; server: Server };
const a = uniqueInsatsId('oracle-a');
const b = uniqueInsatsId('oracle-b');
const own = uniqueInsatsId('own');
const foreign = uniqueInsatsId('foreign');
const aktualisering = (id: string, anordnare: string, kvl: string) => ({
  id, insatstyp: 'AMI2', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare, kvl, kundId: `kund-${id}`, kund: { alder: 30, ekonomisktBistand: true },
});

/** A second API on the same database whose Temporal client records every start and event it is asked for. */
async function spiedApi() {
  const real = createInsatsClient(api.temporal);
  const calls: string[] = [];
  const insatser: InsatsClient = {
    ...real,
    startInsats: (insats) => (calls.push(`start ${insats.insatsId}`), real.startInsats(insats)),
    applyEvent: (id, message, options) => (calls.push(`event ${id}`), real.applyEvent(id, message, options)),
  };
  const server = createApp({ insatser, payments: createPaymentClient(api.temporal), database: api.database, rateLimitPerMinute: 100_000 }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  return { baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, calls, server };
}

const asSpied = (method: string, path: string, as: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${spied.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${api.token(as)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

/** Status and problem body, with `id` written as <id>, for comparing the answers about two ids. */
async function answerAbout(response: Response, id: string) {
  return { status: response.status, body: JSON.parse((await response.text()).replaceAll(id, '<id>')) as Record<string, unknown> };
}

beforeAll(async () => {
  api = await startHarness(inject('databaseUrl'), {
    k1: { role: 'kvl', kvl: 'k1' },
    k2: { role: 'kvl', kvl: 'k2' },
    anordnareA: { role: 'anordnare', anordnare: a },
  });
  expect((await api.request('POST', '/api/insatser', { as: 'k1', body: aktualisering(own, a, 'k1'), headers: { 'Idempotency-Key': `create-${own}` } })).status).toBe(201);
  expect((await api.request('POST', '/api/insatser', { as: 'k2', body: aktualisering(foreign, b, 'k2') })).status).toBe(201);
  spied = await spiedApi();
});
afterAll(async () => {
  spied?.server.close();
  await api?.close();
});

describe('creating an insats whose id is taken', () => {
  it('answers 409 "Id not available" alike for the caller’s own id and another kvl’s, without asking Temporal', async () => {
    spied.calls.length = 0;
    const ownAnswer = await answerAbout(await asSpied('POST', '/api/insatser', 'k1', aktualisering(own, a, 'k1')), own);
    const foreignAnswer = await answerAbout(await asSpied('POST', '/api/insatser', 'k1', aktualisering(foreign, a, 'k1')), foreign);
    expect(ownAnswer).toEqual({
      status: 409,
      body: { type: 'about:blank', title: 'Id not available', status: 409, detail: 'insats id <id> cannot be used: choose another id', instance: '/api/insatser' },
    });
    expect(foreignAnswer).toEqual(ownAnswer);
    expect(spied.calls).toEqual([]);
    expect(await api.database.insats.findUniqueOrThrow({ where: { id: foreign } })).toMatchObject({ kvlId: 'k2', anordnareId: b });
  });

  it('gives the same answer when only Temporal knows the id (its row is not stored), and a retry with the first Idempotency-Key its 201', async () => {
    const unstored = uniqueInsatsId('unstored');
    // Started on a task queue no worker polls: the workflow exists, its projection row never will.
    await createInsatsClient(api.temporal, { taskQueue: `nowhere-${unstored}` }).startInsats({
      insatsId: unstored, insatstyp: 'AMI2', rulebook: '2023', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare: b, kvl: 'k2', kundId: 'kund-x', kund: { ekonomisktBistand: true, arbetsformaga: 100 },
    });
    try {
      const answer = await answerAbout(await api.request('POST', '/api/insatser', { as: 'k1', body: aktualisering(unstored, a, 'k1') }), unstored);
      expect(answer.body.title).toBe('Id not available');
      expect(answer).toEqual(await answerAbout(await api.request('POST', '/api/insatser', { as: 'k1', body: aktualisering(own, a, 'k1') }), own));
    } finally {
      await api.temporal.workflow.getHandle(insatsWorkflowId(unstored)).terminate('test finished');
    }
    const retried = await api.request('POST', '/api/insatser', { as: 'k1', body: aktualisering(own, a, 'k1'), headers: { 'Idempotency-Key': `create-${own}` } });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('an event for an insats the caller may not see', () => {
  it('is refused 404 exactly as for a missing insats, decided without asking Temporal, and releases its Idempotency-Key', async () => {
    spied.calls.length = 0;
    const missing = uniqueInsatsId('missing');
    const foreignAnswer = await answerAbout(await asSpied('POST', `/api/insatser/${foreign}/events`, 'anordnareA', { type: 'bemannad' }), foreign);
    const missingAnswer = await answerAbout(await asSpied('POST', `/api/insatser/${missing}/events`, 'anordnareA', { type: 'bemannad' }), missing);
    expect(foreignAnswer).toEqual({ status: 404, body: { type: 'about:blank', title: 'Not found', status: 404, detail: 'insats <id> does not exist', instance: '/api/insatser/<id>/events' } });
    expect(missingAnswer).toEqual(foreignAnswer);
    // A role that may not record the event is told 404 too, before 403.
    expect(await answerAbout(await asSpied('POST', `/api/insatser/${foreign}/events`, 'anordnareA', { type: 'plan-godkand' }), foreign)).toEqual(foreignAnswer);
    const keyed = await asSpied('POST', `/api/insatser/${foreign}/events`, 'anordnareA', { type: 'bemannad' }, { 'Idempotency-Key': `peek-${foreign}` });
    expect(await answerAbout(keyed, foreign)).toEqual(foreignAnswer);
    expect(await api.database.idempotentRequest.count({ where: { key: `peek-${foreign}` } })).toBe(0);
    expect(spied.calls).toEqual([]);

    // The spy is in the path: an event the caller may record on its own insats goes to Temporal.
    expect((await asSpied('POST', `/api/insatser/${own}/events`, 'anordnareA', { type: 'bemannad' })).status).toBe(200);
    expect(spied.calls).toEqual([`event ${own}`]);
  });
});
