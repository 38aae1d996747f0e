// No personal identifiers where ids go, over real HTTP: every variant of a personnummer,
// samordningsnummer, e-mail address or name with whitespace, as the kundId, the kvl or the
// anordnare of an aktualisering, answers 400 naming the field, and nothing is created: no insats
// row in PostgreSQL, no workflow in Temporal. The other places an actor id goes refuse them too.
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newApiKeySchema } from '../../api/api-keys';
import { insatsWorkflowId } from '../../workflows/ids';
import { REFUSED_IDS } from '../helpers/identifier-variants';
import { uniqueInsatsId } from '../helpers/temporal';
import { startHarness, type Harness } from './harness';

let api: Harness;
const anordnare = uniqueInsatsId('ids-a');
const existing = uniqueInsatsId('ids-insats');
const aktualisering = (id: string, ids: Partial<Record<'kundId' | 'kvl' | 'anordnare', string>> = {}) => ({
  id, insatstyp: 'AMI2', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare, kvl: 'k1', kundId: `kund-${id}`,
  kund: { alder: 30, ekonomisktBistand: true }, ...ids,
});

beforeAll(async () => {
  api = await startHarness(inject('databaseUrl'), {
    // A kvl key without a kvl: the aktualisering is refused for its ids, not for whose it is.
    kvl: { role: 'kvl' },
    operator: { role: 'operator' },
  });
  expect((await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(existing) })).status).toBe(201);
});
afterAll(async () => {
  await api?.close();
});

async function invalid(response: Response, path: string, reason: string) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { invalidParams: { path: string; reason: string }[] };
  expect(body.invalidParams).toEqual([{ path, reason }]);
}

async function workflowExists(insatsId: string): Promise<boolean> {
  try {
    await api.temporal.workflow.getHandle(insatsWorkflowId(insatsId)).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

describe.each(['kundId', 'kvl', 'anordnare'] as const)('an aktualisering with a personal identifier as %s', (field) => {
  it.each(REFUSED_IDS)('refuses %j with 400 and creates nothing', async (value, reason) => {
    const id = uniqueInsatsId(`ids-${field}`);
    await invalid(await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(id, { [field]: value }) }), `body.${field}`, reason);
    expect(await api.database.insats.findUnique({ where: { id } })).toBeNull();
    expect(await workflowExists(id)).toBe(false);
  });
});

describe('an insats id, which is its workflow id', () => {
  it.each(['19900101-1234', '900101-1234', 'p19900101x1234', '19900101_1234', '900161-1234'])('refuses the personnummer-shaped %j with 400 and creates nothing', async (id) => {
    await invalid(await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(id, { kundId: 'kund-1' }) }), 'body.id', 'must be an opaque id, not a personnummer');
    expect(await api.database.insats.findUnique({ where: { id } })).toBeNull();
    expect(await workflowExists(id)).toBe(false);
  });
});

describe('the other places an actor id goes', () => {
  it('an avslut naming a nyAnordnare: 400, and the insats is not ended', async () => {
    for (const [value, reason] of REFUSED_IDS) {
      const body = { type: 'avslut', orsak: 'byte-av-anordnare', nyAnordnare: value };
      await invalid(await api.request('POST', `/api/insatser/${existing}/events`, { as: 'kvl', body }), 'body.nyAnordnare', reason);
    }
    expect(await api.database.insatsEvent.count({ where: { insatsId: existing, type: 'avslut' } })).toBe(0);
    expect((await api.database.insats.findUniqueOrThrow({ where: { id: existing } })).phase).not.toBe('avslutad');
  });

  it('a contact, a list filter and an invoice basis: 400', async () => {
    for (const [value, reason] of REFUSED_IDS) {
      const path = `/api/contacts/kvl/${encodeURIComponent(value)}`;
      await invalid(await api.request('PUT', path, { as: 'operator', body: { email: 'kvl@example.se' } }), 'path.actorId', reason);
      await invalid(await api.request('GET', `/api/insatser?kvl=${encodeURIComponent(value)}`, { as: 'kvl' }), 'query.kvl', reason);
      if (!value.includes('.')) {
        await invalid(await api.request('GET', `/api/payment-runs/2025-11/anordnare/${encodeURIComponent(value)}.csv`, { as: 'operator' }), 'path', reason);
      }
    }
    expect(await api.database.contact.count({ where: { actorId: { in: REFUSED_IDS.map(([value]) => value) } } })).toBe(0);
  });

  it('an API key for a kvl or an anordnare (npm run apikey)', () => {
    for (const [value, reason] of REFUSED_IDS) {
      for (const key of [{ role: 'kvl', kvl: value }, { role: 'anordnare', anordnare: value }]) {
        expect(newApiKeySchema.safeParse(key).error?.issues.map((issue) => issue.message)).toEqual([reason]);
      }
    }
  });
});
