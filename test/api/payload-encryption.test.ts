// Social-welfare and health data never sit in Temporal in plain text: an insats with kund facts,
// a sjukanmalan and an avslut leaves a history whose bytes hold none of them, and the codec
// server (/codec, in the shape the Web UI sends) decodes that history for an operator only.
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insatsWorkflowId } from '../../workflows/ids';
import { uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { jarClient, signIn } from '../web/fixtures';
import { startHarness, type Harness } from './harness';

let api: Harness;
const anordnare = uniqueInsatsId('a');
const insatsId = uniqueInsatsId('krypterad');
const kundId = uniqueInsatsId('kund');
const UI_ORIGIN = 'http://ui.test.example';

// What the history must not show: the kund facts' names, the events and what the avslut says.
const SECRETS = [kundId, 'ekonomisktBistand', 'arbetsformaga', 'sjukanmalan', 'tillsvidare', 'anstallning', 'hushallsstod'];

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

async function rawHistory() {
  const { history } = await api.temporal.workflowService.getWorkflowExecutionHistory({
    namespace: 'default',
    execution: { workflowId: insatsWorkflowId(insatsId) },
  });
  // Decoded by gRPC into message instances, typed as their plain interface.
  return history as temporal.api.history.v1.History;
}

/**
 * Every payload of a history as proto3 JSON, as the UI reads it from the server, but for the
 * search attributes (the server indexes those, so they stay plain and carry ids only) and the
 * SDK's own patch markers (`patched()`: the patch id and nothing else, written by the SDK core).
 */
function payloadsOf(value: unknown, found: JsonPayload[] = []): JsonPayload[] {
  if (Array.isArray(value)) for (const item of value) payloadsOf(item, found);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('data' in record && 'metadata' in record && typeof record.data === 'string') found.push(record as JsonPayload);
    else for (const [key, item] of Object.entries(record)) if (key !== 'searchAttributes' && key !== 'markerRecordedEventAttributes') payloadsOf(item, found);
  }
  return found;
}

const decodeCall = (as: string | undefined, payloads: JsonPayload[]) =>
  api.request('POST', '/codec/decode', { as, body: { payloads }, headers: { 'X-Namespace': 'default', Origin: UI_ORIGIN } });

beforeAll(async () => {
  api = await startHarness(inject('databaseUrl'), {
    kvl: { role: 'kvl', kvl: 'k1' },
    anordnare: { role: 'anordnare', anordnare },
    operator: { role: 'operator' },
  });
  const created = await api.request('POST', '/api/insatser', {
    as: 'kvl',
    body: {
      id: insatsId, insatstyp: 'AMI2', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare, kvl: 'k1', kundId,
      kund: { alder: 34, ekonomisktBistand: true, arbetsformaga: 75, arbetshinder: true },
    },
  });
  expect(created.status).toBe(201);
  for (const type of ['bemannad', 'sjukanmalan']) {
    const recorded = await api.request('POST', `/api/insatser/${insatsId}/events`, { as: 'anordnare', body: { type } });
    expect(recorded.status, await recorded.clone().text()).toBe(200);
  }
  const avslut = { type: 'avslut', orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 }, hushallsstod: false, ekonomisktBistand: false };
  expect((await api.request('POST', `/api/insatser/${insatsId}/events`, { as: 'kvl', body: avslut })).status).toBe(200);
  // The projection writes (recordProjection's inputs) carry the same facts: wait for them too.
  await eventually(async () => ((await api.database.timelineEntry.count({ where: { insatsId } })) >= 3 ? true : undefined));
});
afterAll(async () => {
  await api?.close();
});

describe('the raw history', () => {
  it('holds none of the kund facts, event names or avslut texts in plain text, and every payload is encrypted', async () => {
    const history = await rawHistory();
    const bytes = Buffer.from(temporal.api.history.v1.History.encode(history).finish()).toString('latin1');
    const json = temporal.api.history.v1.History.toObject(history, { bytes: String });
    const payloads = payloadsOf(json);
    expect(payloads.length).toBeGreaterThan(5);
    const plainText = payloads.map((payload) => Buffer.from(payload.data ?? '', 'base64').toString('latin1')).join('\n');
    for (const secret of SECRETS) {
      expect(bytes, `"${secret}" in the history's bytes`).not.toContain(secret);
      expect(plainText, `"${secret}" in a payload`).not.toContain(secret);
    }
    for (const payload of payloads) {
      expect(Buffer.from(payload.metadata?.encoding ?? '', 'base64').toString()).toBe('binary/encrypted');
      expect(Buffer.from(payload.metadata?.['encryption-key-id'] ?? '', 'base64').toString()).toBe(api.keyring.current.id);
    }
  });
});

describe('the codec server', () => {
  it('decodes the history for an operator key, in the shape the Web UI sends', async () => {
    const payloads = payloadsOf(temporal.api.history.v1.History.toObject(await rawHistory(), { bytes: String }));
    const response = await decodeCall('operator', payloads);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    const decoded = ((await response.json()) as { payloads: JsonPayload[] }).payloads;
    expect(decoded).toHaveLength(payloads.length);
    expect(Buffer.from(decoded[0]!.metadata!.encoding!, 'base64').toString()).toBe('json/plain');
    const plainText = decoded.map((payload) => Buffer.from(payload.data ?? '', 'base64').toString('utf8')).join('\n');
    for (const secret of SECRETS) expect(plainText, `"${secret}" decoded`).toContain(secret);
  });

  it('refuses a kvl key, an anordnare key and no key, and says nothing of the payloads', async () => {
    const payloads = payloadsOf(temporal.api.history.v1.History.toObject(await rawHistory(), { bytes: String })).slice(0, 3);
    for (const [as, status] of [['kvl', 403], ['anordnare', 403], [undefined, 401]] as const) {
      const response = await decodeCall(as, payloads);
      expect(response.status, `${as ?? 'no key'}`).toBe(status);
      const text = await response.text();
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });

  it('decodes for an operator signed in to the pages (the session cookie the UI sends with credentials), not for a signed-in kvl', async () => {
    const payloads = payloadsOf(temporal.api.history.v1.History.toObject(await rawHistory(), { bytes: String })).slice(0, 3);
    const withSession = async (who: string) => {
      const browser = jarClient(api.baseUrl);
      await signIn(browser, api.token(who));
      return fetch(`${api.baseUrl}/codec/decode`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Namespace': 'default', Origin: UI_ORIGIN, cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
        body: JSON.stringify({ payloads }),
      });
    };
    const operator = await withSession('operator');
    expect(operator.status).toBe(200);
    expect(operator.headers.get('access-control-allow-credentials')).toBe('true');
    expect(((await operator.json()) as { payloads: JsonPayload[] }).payloads).toHaveLength(payloads.length);
    expect((await withSession('kvl')).status).toBe(403);
  });

  it('answers a preflight from the configured UI origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.baseUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-namespace,authorization' },
      });
    const allowed = await preflight(UI_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/X-Namespace/i);
    const other = await preflight('http://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses malformed payloads with 400 and a payload under an unknown key with 422', async () => {
    expect((await decodeCall('operator', [{ metadata: { encoding: '!!!' }, data: 'x' }])).status).toBe(400);
    const foreign = { metadata: { encoding: Buffer.from('binary/encrypted').toString('base64'), 'encryption-key-id': Buffer.from('old-key').toString('base64') }, data: 'AAAA' };
    const response = await decodeCall('operator', [foreign]);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { detail: string }).detail).toContain('old-key');
  });
});
