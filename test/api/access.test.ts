// Roles and scopes over real HTTP: an anordnare never sees or touches another anordnare's insats
// (404, not revealing it exists), a role never records another role's event (403), and every
// error is one problem+json shape.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ICAL from 'ical.js';
import { createApiKey, revokeApiKey } from '../../api/api-keys';
import { REMEMBER_VALID_KEYS_MS } from '../../api/auth';
import { uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { startHarness, type Harness } from './harness';

let api: Harness;
const a = uniqueInsatsId('anordnare-a');
const b = uniqueInsatsId('anordnare-b');
const insatsA = uniqueInsatsId('insats-a');
const insatsB = uniqueInsatsId('insats-b');
const kund = { alder: 30, ekonomisktBistand: true };
const aktualisering = (id: string, anordnare: string, kvl = 'k1') => ({
  id, insatstyp: 'AMI2', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare, kvl, kundId: `kund-${id}`, kund,
});

beforeAll(async () => {
  api = await startHarness(inject('databaseUrl'), {
    kvl: { role: 'kvl', kvl: 'k1' },
    otherKvl: { role: 'kvl', kvl: 'k2' },
    allKvl: { role: 'kvl' },
    anordnareA: { role: 'anordnare', anordnare: a },
    anordnareB: { role: 'anordnare', anordnare: b },
    arbetsledare: { role: 'arbetsledare' },
    operator: { role: 'operator' },
  });
  for (const [id, anordnare] of [[insatsA, a], [insatsB, b]] as const) {
    expect((await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(id, anordnare) })).status).toBe(201);
  }
  await eventually(async () => ((await api.database.deadline.count({ where: { insatsId: { in: [insatsA, insatsB] } } })) >= 4 ? true : undefined));
});
afterAll(async () => {
  await api?.close();
});

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = (await response.json()) as { type: string; title: string; status: number; detail: string };
  expect(body).toMatchObject({ type: 'about:blank', status, title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  return body;
}

describe('authentication', () => {
  it('answers 401 without a key, with an unknown key and with a revoked key', async () => {
    await problem(await api.request('GET', '/api/insatser'), 401);
    await problem(await api.request('GET', '/api/insatser', { as: 'kv_not-a-real-token-at-all' }), 401);
    const revoked = await createApiKey(api.database, { role: 'operator' });
    expect(await revokeApiKey(api.database, revoked.id)).toBe(true);
    await problem(await api.request('GET', '/api/insatser', { headers: { authorization: `Bearer ${revoked.token}` } }), 401);
  });

  it('stops taking a key revoked while in use within the time a valid key is remembered', async () => {
    const key = await createApiKey(api.database, { role: 'operator' });
    const asKey = () => api.request('GET', '/api/insatser', { headers: { authorization: `Bearer ${key.token}` } });
    expect((await asKey()).status).toBe(200);
    expect(await revokeApiKey(api.database, key.id)).toBe(true);
    const revokedAt = Date.now();
    const refused = await eventually(async () => {
      const response = await asKey();
      return response.status === 200 ? undefined : response;
    }, REMEMBER_VALID_KEYS_MS + 5_000);
    await problem(refused, 401);
    expect(Date.now() - revokedAt).toBeLessThan(REMEMBER_VALID_KEYS_MS + 3_000);
  });
});

describe('anordnare A against anordnare B’s insats, on every endpoint', () => {
  it('cannot read it: 404, as if it did not exist', async () => {
    const body = await problem(await api.request('GET', `/api/insatser/${insatsB}`, { as: 'anordnareA' }), 404);
    expect(body.detail).toBe(`insats ${insatsB} does not exist`);
    const unknown = await problem(await api.request('GET', '/api/insatser/no-such-insats', { as: 'anordnareA' }), 404);
    expect(unknown.detail).toBe('insats no-such-insats does not exist');
  });

  it('cannot record an event on it, allowed or not for its role: 404', async () => {
    await problem(await api.request('POST', `/api/insatser/${insatsB}/events`, { as: 'anordnareA', body: { type: 'bemannad' } }), 404);
    await problem(await api.request('POST', `/api/insatser/${insatsB}/events`, { as: 'anordnareA', body: { type: 'plan-godkand' } }), 404);
  });

  it('does not find it in lists, in what is due, or in its calendar', async () => {
    const list = (await (await api.request('GET', '/api/insatser', { as: 'anordnareA' })).json()) as { items: { id: string }[] };
    expect(list.items.map((item) => item.id)).toEqual([insatsA]);
    const filtered = (await (await api.request('GET', `/api/insatser?anordnare=${b}`, { as: 'anordnareA' })).json()) as { items: unknown[] };
    expect(filtered.items).toEqual([]);
    const due = (await (await api.request('GET', '/api/deadlines', { as: 'anordnareA' })).json()) as { items: { insatsId: string }[] };
    expect(due.items.length).toBeGreaterThan(0);
    expect(new Set(due.items.map((item) => item.insatsId))).toEqual(new Set([insatsA]));
  });
});

describe('what each role may do', () => {
  it('lets only a kvl aktualisera, and only as itself (403)', async () => {
    for (const who of ['anordnareA', 'arbetsledare', 'operator', 'otherKvl']) {
      await problem(await api.request('POST', '/api/insatser', { as: who, body: aktualisering(uniqueInsatsId('x'), a) }), 403);
    }
    expect(await api.database.insats.count({ where: { anordnareId: a } })).toBe(1);
  });

  it('lets a kvl key see its own kvl’s insatser, a kvl key without a kvl and the arbetsledare and operator see all', async () => {
    expect((await api.request('GET', `/api/insatser/${insatsA}`, { as: 'kvl' })).status).toBe(200);
    await problem(await api.request('GET', `/api/insatser/${insatsA}`, { as: 'otherKvl' }), 404);
    for (const who of ['allKvl', 'arbetsledare', 'operator']) expect((await api.request('GET', `/api/insatser/${insatsB}`, { as: who })).status).toBe(200);
  });

  it('refuses an anordnare approving its own plan and an operator recording anything (403), and changes nothing', async () => {
    const before = await api.database.insatsEvent.count({ where: { insatsId: insatsA } });
    const approve = await problem(await api.request('POST', `/api/insatser/${insatsA}/events`, { as: 'anordnareA', body: { type: 'plan-godkand' } }), 403);
    expect(approve.detail).toBe('the role anordnare does not record plan-godkand');
    await problem(await api.request('POST', `/api/insatser/${insatsA}/events`, { as: 'operator', body: { type: 'bemannad' } }), 403);
    await problem(await api.request('POST', `/api/insatser/${insatsA}/events`, { as: 'kvl', body: { type: 'bemannad' } }), 403);
    expect(await api.database.insatsEvent.count({ where: { insatsId: insatsA } })).toBe(before);
  });

  it('lets the anordnare staff its insats once (200, then 409) and the kvl lodge the uppdrag', async () => {
    const staffed = await api.request('POST', `/api/insatser/${insatsA}/events`, { as: 'anordnareA', body: { type: 'bemannad' } });
    expect(staffed.status).toBe(200);
    const again = await problem(await api.request('POST', `/api/insatser/${insatsA}/events`, { as: 'anordnareA', body: { type: 'bemannad' } }), 409);
    expect(again.detail).toBe('bemanning is already met');
    expect((await api.request('POST', `/api/insatser/${insatsA}/events`, { as: 'kvl', body: { type: 'uppdrag-inlagt' } })).status).toBe(200);
    const early = await problem(await api.request('POST', `/api/insatser/${insatsA}/events`, { as: 'anordnareA', body: { type: 'manadsrapport-klar', month: '2025-12' } }), 409);
    expect(early.detail).toBe('no månadsrapport for 2025-12 is due');
  });
});

describe('problem bodies', () => {
  it('400 names the invalid fields, 422 every failed eligibility condition', async () => {
    const invalid = (await problem(await api.request('POST', '/api/insatser', { as: 'kvl', body: { id: '', insatstyp: 'X' } }), 400)) as unknown as {
      invalidParams: { path: string; reason: string }[];
    };
    expect(invalid.invalidParams.map((param) => param.path)).toEqual(expect.arrayContaining(['body.id', 'body.insatstyp', 'body.kund']));
    const ineligible = await problem(
      await api.request('POST', '/api/insatser', { as: 'kvl', body: { ...aktualisering(uniqueInsatsId('x'), a), insatstyp: 'AMI1', kund: { alder: 70, ekonomisktBistand: true, arbetsformaga: 40 } } }),
      422,
    );
    expect(ineligible.detail).toContain('§7.1');
    expect(ineligible.detail).toContain('§1.3');
  });
});

describe('Idempotency-Key', () => {
  it('answers a retried POST with the first answer and creates one insats; another body with the same key is refused', async () => {
    const id = uniqueInsatsId('idem');
    const headers = { 'Idempotency-Key': `create-${id}` };
    const first = await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(id, a), headers });
    const retry = await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(id, a), headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    await problem(await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(`${id}-2`, a), headers }), 422);
    await eventually(async () => ((await api.database.insats.count({ where: { id } })) === 1 ? true : undefined));
    expect(await api.database.insats.count({ where: { id: `${id}-2` } })).toBe(0);
  });
});

describe('calendar feed', () => {
  it('parses with ical.js: one VEVENT per open deadline of the key, with stable UIDs', async () => {
    const key = await createApiKey(api.database, { role: 'anordnare', anordnare: b });
    const fetchFeed = async () => {
      const response = await api.request('GET', `/api/calendar/${key.calendarToken}.ics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      const calendar = new ICAL.Component(ICAL.parse(await response.text()));
      return calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    };
    const events = await fetchFeed();
    const open = await api.database.deadline.count({ where: { insatsId: insatsB, status: 'open' } });
    expect(events).toHaveLength(open);
    expect(events.every((event) => event.summary.includes(insatsB))).toBe(true);
    expect((await fetchFeed()).map((event) => event.uid).sort()).toEqual(events.map((event) => event.uid).sort());
    await problem(await api.request('GET', '/api/calendar/kvcal_nosuchtokennosuchtokennosuchtoken.ics'), 404);
  });
});

describe('calendar feed of late work', () => {
  it('puts a deadline already passed on today, saying how many days late it is, and the rest on their due dates', async () => {
    const late = uniqueInsatsId('anordnare-late');
    const insats = uniqueInsatsId('insats-late');
    // Aktualiserad Monday 15 December: bemanning was due the next working day, a week before the harness's 23 December.
    const body = { ...aktualisering(insats, late), aktualiseringsdatum: '2025-12-15', beslutsdatum: '2025-12-12' };
    expect((await api.request('POST', '/api/insatser', { as: 'kvl', body })).status).toBe(201);
    await eventually(async () => ((await api.database.deadline.count({ where: { insatsId: insats, rule: 'bemanning', missed: true } })) > 0 ? true : undefined));
    const key = await createApiKey(api.database, { role: 'anordnare', anordnare: late });
    const response = await api.request('GET', `/api/calendar/${key.calendarToken}.ics`);
    const events = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    const bemanning = events.find((event) => event.uid.includes('.bemanning.'))!;
    expect(bemanning.startDate.toString()).toBe('2025-12-23');
    expect(bemanning.summary).toBe(`Försenad 7 dagar: Bemanning, insats ${insats}`);
    expect(bemanning.description).toContain('senast 2025-12-16');
    const later = events.filter((event) => !event.uid.includes('.bemanning.'));
    expect(later.length).toBeGreaterThan(0);
    for (const event of later) expect(event.startDate.toString() > '2025-12-23').toBe(true);
  });
});

describe('payment runs', () => {
  // A month before any test data, so this run pays nothing that other test files wait for.
  const month = '2000-01';

  it('are started by the arbetsledare or operator only, once; approved by the arbetsledare; exported after approval', async () => {
    await problem(await api.request('POST', '/api/payment-runs', { as: 'anordnareA', body: { month } }), 403);
    await problem(await api.request('POST', '/api/payment-runs', { as: 'arbetsledare', body: { month: '2000-13' } }), 400);
    const created = await api.request('POST', '/api/payment-runs', { as: 'arbetsledare', body: { month } });
    expect(created.status).toBe(201);
    const again = await api.request('POST', '/api/payment-runs', { as: 'operator', body: { month } });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: false });

    await problem(await api.request('POST', `/api/payment-runs/${month}/export`, { as: 'arbetsledare' }), 409);
    await problem(await api.request('POST', `/api/payment-runs/${month}/approve`, { as: 'kvl' }), 403);
    expect((await api.request('POST', `/api/payment-runs/${month}/approve`, { as: 'arbetsledare' })).status).toBe(200);
    await problem(await api.request('POST', `/api/payment-runs/${month}/approve`, { as: 'arbetsledare' }), 409);
    expect((await api.request('POST', `/api/payment-runs/${month}/export`, { as: 'operator' })).status).toBe(200);
    expect(await (await api.request('GET', `/api/payment-runs/${month}`, { as: 'arbetsledare' })).json()).toMatchObject({ month, status: 'exported' });
    await problem(await api.request('GET', '/api/payment-runs/1999-12', { as: 'arbetsledare' }), 404);
  });

  it('show an anordnare its own invoice basis only, as JSON or CSV', async () => {
    await problem(await api.request('GET', `/api/payment-runs/${month}/anordnare/${b}.csv`, { as: 'anordnareA' }), 404);
    const own = await api.request('GET', `/api/payment-runs/${month}/anordnare/${a}.csv`, { as: 'anordnareA' });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await own.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('Utbetalning;Anordnare;Insats;Insatstyp;Typ;Avser månad;Aktiva dagar;Belopp (kr);Regel;Anmärkning');
    expect(await (await api.request('GET', `/api/payment-runs/${month}/anordnare/${a}`, { as: 'arbetsledare' })).json()).toMatchObject({ run: month, anordnare: a, lines: [], total: 0 });
  });
});
