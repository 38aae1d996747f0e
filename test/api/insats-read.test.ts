// GET /api/insatser/:id and …/timeline over real HTTP, answered from the PostgreSQL projection:
// deadlines split into open (with overdue), pending and closed after real events; the whole
// timeline page by page, past the 300 entries the workflow keeps; 404 for a foreign caller and a
// missing insats; and a read right after a POST sees what the POST did.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insatsReadSchema, timelinePageSchema } from '../../api/insats-read-schemas';
import { dbDate } from '../../platform/database';
import { uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { startHarness, type Harness } from './harness';

let api: Harness;
const anordnare = uniqueInsatsId('read-a');
const otherAnordnare = uniqueInsatsId('read-b');
const kund = { alder: 30, ekonomisktBistand: true };
const aktualisering = (id: string, beslutsdatum = '2025-12-22', aktualiseringsdatum = '2025-12-23') => ({
  id, insatstyp: 'AMI2', beslutsdatum, aktualiseringsdatum, anordnare, kvl: 'k1', kundId: `kund-${id}`, kund,
});

beforeAll(async () => {
  // The API's clock: Tuesday 2025-12-23, 10:00 Europe/Stockholm.
  api = await startHarness(inject('databaseUrl'), {
    kvl: { role: 'kvl', kvl: 'k1' },
    otherKvl: { role: 'kvl', kvl: 'k2' },
    anordnare: { role: 'anordnare', anordnare },
    otherAnordnare: { role: 'anordnare', anordnare: otherAnordnare },
    operator: { role: 'operator' },
  });
});
afterAll(async () => {
  await api?.close();
});

async function read(id: string, as = 'anordnare') {
  const response = await api.request('GET', `/api/insatser/${id}`, { as });
  expect(response.status, await response.clone().text()).toBe(200);
  return insatsReadSchema.parse(await response.json());
}

async function timeline(id: string, query: string, as = 'anordnare') {
  const response = await api.request('GET', `/api/insatser/${id}/timeline${query}`, { as });
  expect(response.status, await response.clone().text()).toBe(200);
  return timelinePageSchema.parse(await response.json());
}

async function created(id: string, dates: [beslutsdatum: string, aktualiseringsdatum: string] = ['2025-12-22', '2025-12-23']) {
  expect((await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(id, ...dates) })).status).toBe(201);
}

/** Until the projection holds the insats with its bemanning deadline. */
const recorded = (id: string) =>
  eventually(async () => ((await api.database.deadline.count({ where: { insatsId: id, rule: 'bemanning' } })) > 0 ? true : undefined), 20_000, `${id} recorded`);

const staff = (id: string) => api.request('POST', `/api/insatser/${id}/events`, { as: 'anordnare', body: { type: 'bemannad' } });

describe('GET /api/insatser/:id', () => {
  it('shows the stored insats, its deadlines open, pending and closed after events, its events and timeline', async () => {
    const id = uniqueInsatsId('read');
    await created(id);
    await recorded(id);
    expect((await staff(id)).status).toBe(200);
    expect((await api.request('POST', `/api/insatser/${id}/events`, { as: 'kvl', body: { type: 'uppdrag-inlagt' } })).status).toBe(200);
    expect((await api.request('POST', `/api/insatser/${id}/events`, { as: 'anordnare', body: { type: 'sjukanmalan' } })).status).toBe(200);

    const insats = await eventually(async () => {
      const body = await read(id);
      return body.events.length === 3 && body.pendingDeadlines.length > 0 ? body : undefined;
    });
    expect(insats).toMatchObject({
      insatsId: id, insatstyp: 'AMI2', rulebook: '2024', phase: 'pagaende',
      beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare, kvl: 'k1',
    });
    expect(insats.closedDeadlines).toEqual(
      expect.arrayContaining([
        {
          rule: 'bemanning', occurrence: '1', due: '2025-12-29', openedOn: '2025-12-23', owner: 'anordnare',
          escalation: ['kvl', 'kundkoordinator'], section: expect.stringMatching(/§/), status: 'met', missed: false, closedOn: '2025-12-23',
        },
        expect.objectContaining({ rule: 'uppdrag', status: 'met', closedOn: '2025-12-23' }),
      ]),
    );
    // Staffing opened the first plan (2024 §3); nothing open is overdue on the day it opened.
    expect(insats.openDeadlines).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'genomforandeplan', owner: 'anordnare', openedOn: '2025-12-23', overdue: false })]),
    );
    expect(insats.openDeadlines.every((deadline) => !deadline.overdue)).toBe(true);
    // A läkarintyg is needed from sick day 8 (2023 §3.6.1): known now, pending until then.
    expect(insats.pendingDeadlines).toEqual([expect.objectContaining({ rule: 'lakarintyg', occurrence: '2025-12-23', openedOn: '2025-12-30', owner: 'anordnare' })]);
    expect(insats.openDeadlines.map((deadline) => deadline.rule)).not.toContain('bemanning');

    expect(insats.events.map((event) => event.type)).toEqual(['bemannad', 'uppdrag-inlagt', 'sjukanmalan']);
    expect(insats.lastEvents).toEqual(insats.events);
    expect(insats.timeline.map((entry) => entry.seq)).toEqual(insats.timeline.map((_, index) => index + 1));
    expect(insats.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'deadline-set', rule: 'bemanning', due: '2025-12-29' }),
        expect.objectContaining({ kind: 'deadline-met', rule: 'bemanning' }),
      ]),
    );
    expect(insats.timelineNextCursor).toBeNull();
  });

  it('marks an open deadline overdue when its due date is before the API’s today (Europe/Stockholm)', async () => {
    const id = uniqueInsatsId('read-late');
    // Decided and aktualiserad Wednesday 2025-12-10: bemanning was due Thursday 2025-12-11.
    await created(id, ['2025-12-10', '2025-12-10']);
    await recorded(id);
    const insats = await eventually(async () => {
      const body = await read(id);
      return body.openDeadlines.some((deadline) => deadline.rule === 'bemanning') ? body : undefined;
    });
    expect(insats.openDeadlines.find((deadline) => deadline.rule === 'bemanning')).toMatchObject({ due: '2025-12-11', openedOn: '2025-12-10', overdue: true });
  });

  it('answers 404 for an insats that does not exist, and for one the caller may not see', async () => {
    const id = uniqueInsatsId('read-foreign');
    await created(id);
    await recorded(id);
    for (const path of [`/api/insatser/${id}`, `/api/insatser/${id}/timeline`]) {
      for (const who of ['otherAnordnare', 'otherKvl']) {
        const response = await api.request('GET', path, { as: who });
        expect(response.status, `${who} ${path}`).toBe(404);
        expect(await response.json()).toMatchObject({ status: 404, detail: `insats ${id} does not exist` });
      }
      for (const who of ['anordnare', 'kvl', 'operator']) expect((await api.request('GET', path, { as: who })).status, `${who} ${path}`).toBe(200);
    }
    for (const path of ['/api/insatser/no-such-insats', '/api/insatser/no-such-insats/timeline']) {
      const response = await api.request('GET', path, { as: 'operator' });
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ status: 404, detail: 'insats no-such-insats does not exist' });
    }
  });
});

describe('GET /api/insatser/:id/timeline', () => {
  const id = uniqueInsatsId('read-long');
  const ENTRIES = 650;

  beforeAll(async () => {
    // Written straight into the projection, which is all a read looks at: more entries than
    // the 300 the workflow keeps and than the largest page.
    await api.database.insats.create({
      data: {
        id, insatstyp: 'AMI2', rulebook: '2024', beslutsdatum: dbDate('2025-01-02'), aktualiseringsdatum: dbDate('2025-01-02'),
        anordnareId: anordnare, kvlId: 'k1', kundId: 'kund-long', phase: 'pagaende', workflowId: `insats-${id}`,
      },
    });
    await api.database.timelineEntry.createMany({
      data: Array.from({ length: ENTRIES }, (_, index) => {
        const at = new Date(Date.UTC(2025, 0, 2, 9) + index * 3_600_000);
        return { insatsId: id, seq: index + 1, at, kind: 'reminder', entry: { at: at.toISOString(), kind: 'reminder', rule: 'manadsrapport', due: '2025-02-07', to: [`anordnare:${anordnare}`] } };
      }),
    });
  });

  it('returns every entry once, in seq order, across pages', async () => {
    const seen: number[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await timeline(id, `?limit=250${cursor ? `&cursor=${cursor}` : ''}`);
      sizes.push(page.items.length);
      seen.push(...page.items.map((entry) => entry.seq));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(sizes).toEqual([250, 250, 150]);
    expect(seen).toEqual(Array.from({ length: ENTRIES }, (_, index) => index + 1));
  });

  it('pages 100 by default and at most 500; the insats read carries the first page and its cursor', async () => {
    const first = await timeline(id, '');
    expect(first.items.map((entry) => entry.seq)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(first.items[0]).toMatchObject({ kind: 'reminder', rule: 'manadsrapport', due: '2025-02-07', to: [`anordnare:${anordnare}`] });
    expect(first.nextCursor).toBe('100');
    const largest = await timeline(id, '?limit=500');
    expect(largest.items).toHaveLength(500);

    const insats = await read(id);
    expect(insats.timeline).toEqual(first.items);
    expect(insats.timelineNextCursor).toBe(first.nextCursor);
    const next = await timeline(id, `?cursor=${insats.timelineNextCursor}`);
    expect(next.items[0]?.seq).toBe(101);
    expect((await timeline(id, `?cursor=${ENTRIES}`)).items).toEqual([]);
  });

  it('refuses a bad cursor or limit with 400', async () => {
    for (const query of ['?limit=0', '?limit=501', '?limit=ten', '?cursor=abc', '?cursor=-1', '?cursor=', '?page=2']) {
      const response = await api.request('GET', `/api/insatser/${id}/timeline${query}`, { as: 'anordnare' });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe('read after write', () => {
  // No waiting between the POST and the GET: the answer to the POST means its effect is stored.
  it('a read right after a POST event sees the event, the phase it set and the deadline it met', async () => {
    const id = uniqueInsatsId('read-after-event');
    await created(id);
    await recorded(id);
    const staffed = await staff(id);
    expect(staffed.status).toBe(200);
    const { eventId } = (await staffed.json()) as { eventId: string };

    const insats = await read(id);
    expect(insats.events.map((event) => event.id)).toContain(eventId);
    expect(insats.phase).toBe('pagaende');
    expect(insats.closedDeadlines).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'bemanning', status: 'met' })]));
    expect(insats.openDeadlines.map((deadline) => deadline.rule)).not.toContain('bemanning');
  });

  it('a read right after the aktualisering finds the insats with its bemanning deadline open', async () => {
    const id = uniqueInsatsId('read-after-start');
    await created(id);

    const insats = await read(id);
    expect(insats).toMatchObject({ insatsId: id, phase: 'aktualiserad' });
    expect(insats.openDeadlines).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'bemanning', due: '2025-12-29' })]));
  });
});
