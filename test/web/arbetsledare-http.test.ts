// Utbetalning and Uppföljning over plain HTTP with a cookie jar, on a database of this file's own
// and a payment client that records what it is asked instead of starting Temporal: who gets the
// pages (an anordnare and a kvl do not), the CSRF token, the confirmation before a run ahead of
// its approval day, the refusals in Swedish, the CSV with the session, and the follow-up's figures
// and windows from rows written straight to PostgreSQL.
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { PaymentRunResult } from '../../activities/payment-run';
import { createApiKey } from '../../api/api-keys';
import { createApp } from '../../api/app';
import { createInsatsClient } from '../../client/insats-client';
import { PaymentRunStoppedError, type PaymentClient } from '../../client/payment-client';
import { parseLocalDateTime } from '../../domain';
import { fixedOffsetClock } from '../../platform/clock';
import { createDatabase, dbDate, type Database } from '../../platform/database';
import { createScratchDatabase, type ScratchDatabase } from '../../platform/scratch-database';
import { csrfOf, jarClient, signIn, type JarClient } from './fixtures';

/** The service's day: 2025-12-23, after December's approval day (the 15th) and before January's. */
const NOW = '2025-12-23T10:00';
let scratch: ScratchDatabase;
let database: Database;
let server: Server;
let baseUrl: string;
const tokens: Record<string, string> = {};
/** The months runPayments was asked for, in order. */
const asked: string[] = [];
/** When set, runPayments stops with this message as the real run stops on a missing setting. */
let stopsWith: string | undefined;

const payments: PaymentClient = {
  async runPayments(month): Promise<PaymentRunResult> {
    asked.push(month);
    if (stopsWith) throw new PaymentRunStoppedError(stopsWith);
    const existing = await database.paymentRun.findUnique({ where: { month } });
    if (!existing) await database.paymentRun.create({ data: { month, status: 'draft', held: [] } });
    return { month, created: !existing, status: existing?.status ?? 'draft', lines: 0, totalOre: 0, held: [], message: '' };
  },
  async ensurePaymentSchedule() {},
};

beforeAll(async () => {
  scratch = await createScratchDatabase(inject('databaseUrl'), `kundval_webpay_${Date.now()}_${process.pid}`);
  database = createDatabase(scratch.url);
  const keys = {
    arbetsledare: { role: 'arbetsledare' },
    operator: { role: 'operator' },
    anordnare: { role: 'anordnare', anordnare: 'a1' },
    kvl: { role: 'kvl', kvl: 'k1' },
    allKvl: { role: 'kvl' },
  } as const;
  for (const [who, key] of Object.entries(keys)) tokens[who] = (await createApiKey(database, key)).token;
  // Insatser are never started here: a client that never connects.
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) });
  const clock = fixedOffsetClock(parseLocalDateTime(NOW));
  server = createApp({ insatser: createInsatsClient(temporal), payments, database, clock }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  server?.close();
  await database?.$disconnect();
  await scratch?.drop();
});
beforeEach(() => {
  asked.length = 0;
  stopsWith = undefined;
});

async function signedIn(who: string): Promise<JarClient> {
  const client = jarClient(baseUrl);
  await signIn(client, tokens[who]!);
  return client;
}
const csrfFrom = async (client: JarClient, path: string) => csrfOf(await (await client.get(path)).text())!;
const statusOf = async (month: string) => (await database.paymentRun.findUnique({ where: { month } }))?.status;
/** A table's rows as the text of their cells. */
function rowsOf(html: string, labelledBy: string): string[][] {
  const table = new RegExp(`<table aria-labelledby="${labelledBy}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => cell!.replace(/<[^>]+>/g, '').replaceAll('\u00a0', ' ').trim()));
}

describe('who gets the pages', () => {
  beforeAll(async () => {
    await database.paymentRun.create({ data: { month: '2025-10', status: 'draft', held: [] } });
  });

  it('an anordnare and a kvl get the 404 page for every Utbetalning and Uppföljning path, GET and POST, and neither is in their menu', async () => {
    for (const who of ['anordnare', 'kvl', 'allKvl']) {
      const client = await signedIn(who);
      const menu = await (await client.get('/att-gora')).text();
      expect(menu).not.toContain('href="/utbetalning"');
      expect(menu).not.toContain('href="/uppfoljning"');
      for (const path of ['/utbetalning', '/uppfoljning', '/utbetalning/2025-10', '/utbetalning/2025-10/anordnare/a1', '/utbetalning/2025-10/anordnare/a1/underlag.csv']) {
        const response = await client.get(path);
        expect(response.status, `${who} GET ${path}`).toBe(404);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await response.text()).toContain('<h1>Sidan finns inte</h1>');
      }
      const csrf = await csrfFrom(client, '/att-gora');
      expect((await client.post('/utbetalning', { month: '2025-11', bekraftad: 'ja', _csrf: csrf })).status).toBe(404);
      expect((await client.post('/utbetalning/2025-10/godkann', { _csrf: csrf })).status).toBe(404);
    }
    expect(asked).toEqual([]);
    expect(await statusOf('2025-10')).toBe('draft');
    expect(await database.paymentRun.count({ where: { month: '2025-11' } })).toBe(0);
  });

  it('the arbetsledare and the operator have both in the menu; the operator may start and export but not approve, and is told why when it tries', async () => {
    const arbetsledare = await signedIn('arbetsledare');
    const operator = await signedIn('operator');
    for (const client of [arbetsledare, operator]) {
      const menu = await (await client.get('/att-gora')).text();
      expect(menu).toContain('<a href="/utbetalning">Utbetalning</a>');
      expect(menu).toContain('<a href="/uppfoljning">Uppföljning</a>');
      expect(await (await client.get('/utbetalning')).text()).toContain('<button type="submit">Kör utbetalningen</button>');
    }
    expect(await (await arbetsledare.get('/utbetalning/2025-10')).text()).toContain('Godkänn utbetalningen');
    const asOperator = await (await operator.get('/utbetalning/2025-10')).text();
    expect(asOperator).not.toContain('Godkänn utbetalningen');
    expect(asOperator).toContain('En arbetsledare godkänner utbetalningen innan den kan exporteras.');
    const refused = await operator.post('/utbetalning/2025-10/godkann', { _csrf: csrfOf(asOperator)! });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Din roll får inte göra det: the role operator does not approve a payment run.');
    expect(await statusOf('2025-10')).toBe('draft');
  });
});

describe('the CSRF token', () => {
  it('a run, an approval or an export posted without the session’s token is refused (403) and changes nothing', async () => {
    await database.paymentRun.create({ data: { month: '2025-09', status: 'draft', held: [] } });
    const client = await signedIn('arbetsledare');
    const before = await database.paymentRun.count();
    const forms: Record<string, string>[] = [{ month: '2025-11' }, { month: '2025-11', bekraftad: 'ja', _csrf: 'forged-token' }];
    for (const form of forms) {
      const response = await client.post('/utbetalning', form);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Formuläret gick inte att skicka');
    }
    expect((await client.post('/utbetalning/2025-09/godkann', {})).status).toBe(403);
    expect((await client.post('/utbetalning/2025-09/exportera', { _csrf: 'forged-token' })).status).toBe(403);
    expect(asked).toEqual([]);
    expect(await database.paymentRun.count()).toBe(before);
    expect(await statusOf('2025-09')).toBe('draft');
  });
});

describe('starting a run', () => {
  it('before the month’s approval day, asks first and computes nothing; confirmed, it runs', async () => {
    const client = await signedIn('arbetsledare');
    const csrf = await csrfFrom(client, '/utbetalning');
    const first = await client.post('/utbetalning', { month: '2026-01', _csrf: csrf });
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('Godkännandedagen för januari 2026 är torsdag 15 januari 2026; rapporter som godkänns efter att körningen gjorts kommer inte med. Kör ändå?');
    expect(html).toContain('<input type="hidden" name="bekraftad" value="ja">');
    expect(asked).toEqual([]);
    expect(await database.paymentRun.count({ where: { month: '2026-01' } })).toBe(0);

    const confirmed = await client.post('/utbetalning', { month: '2026-01', bekraftad: 'ja', _csrf: csrfOf(html)! });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/utbetalning/2026-01?klart=beraknad');
    expect(asked).toEqual(['2026-01']);
    expect(await (await client.get('/utbetalning/2026-01?klart=beraknad')).text()).toContain('Utbetalningen för januari 2026 är beräknad.');
  });

  it('on the approval day itself still asks, since a report may be approved later that day', async () => {
    const client = await signedIn('arbetsledare');
    const csrf = await csrfFrom(client, '/utbetalning');
    // Today is the 23rd of December: the 23rd of a later month is ahead, the 15th of December behind.
    expect(await (await client.post('/utbetalning', { month: '2026-02', _csrf: csrf })).text()).toContain('Kör ändå?');
    expect(asked).toEqual([]);
  });

  it('after the approval day, runs at once; a month already computed is only read again', async () => {
    const client = await signedIn('operator');
    const csrf = await csrfFrom(client, '/utbetalning');
    const response = await client.post('/utbetalning', { month: '2025-12', _csrf: csrf });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/utbetalning/2025-12?klart=beraknad');
    const again = await client.post('/utbetalning', { month: '2025-12', _csrf: csrf });
    expect(again.headers.get('location')).toBe('/utbetalning/2025-12?klart=redan-beraknad');
    expect(asked).toEqual(['2025-12', '2025-12']);
    expect(await (await client.get('/utbetalning/2025-12?klart=redan-beraknad')).text()).toContain('Utbetalningen för december 2025 var redan beräknad; ingenting ändrades.');
  });

  it('a month already computed asks nothing even before its approval day', async () => {
    await database.paymentRun.create({ data: { month: '2026-03', status: 'draft', held: [] } });
    const client = await signedIn('arbetsledare');
    const response = await client.post('/utbetalning', { month: '2026-03', _csrf: await csrfFrom(client, '/utbetalning') });
    expect(response.headers.get('location')).toBe('/utbetalning/2026-03?klart=redan-beraknad');
  });

  it('says in Swedish beside the field what is wrong with the month, and runs nothing', async () => {
    const client = await signedIn('arbetsledare');
    const response = await client.post('/utbetalning', { month: '2025-13', bekraftad: 'ja', _csrf: await csrfFrom(client, '/utbetalning') });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<p class="error-message" id="korning-month-error">Skriv en månad som ÅÅÅÅ-MM.</p>');
    expect(html).toContain('value="2025-13"');
    expect(asked).toEqual([]);
  });

  it('a run that stops is told in Swedish with the run’s own reason (422), and nothing is computed', async () => {
    stopsWith = 'payment run 2025-11 stopped: configure settings.payments.monthAmounts.AMI1 before a run that pays these insatser';
    const client = await signedIn('arbetsledare');
    const response = await client.post('/utbetalning', { month: '2025-11', _csrf: await csrfFrom(client, '/utbetalning') });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Utbetalningen kördes inte');
    expect(html).toContain(`Utbetalningen för november 2025 stoppades och ingenting betalades. Körningen säger: ”${stopsWith}”.`);
    expect(await database.paymentRun.count({ where: { month: '2025-11' } })).toBe(0);
  });
});

describe('a run', () => {
  const month = '2025-08';

  beforeAll(async () => {
    await database.insats.create({
      data: { id: 'U-1', insatstyp: 'FJP', rulebook: '2023', beslutsdatum: dbDate('2025-06-02'), aktualiseringsdatum: dbDate('2025-06-02'), anordnareId: 'a1', kvlId: 'k1', kundId: 'kund-u1', phase: 'pagaende', workflowId: 'insats-U-1' },
    });
    await database.paymentRun.create({ data: { month, status: 'draft', held: [{ insatsId: 'U-1', anordnareId: 'a2', month: '2025-06', note: 'månadsrapporten är inte godkänd den 15:e' }] } });
    await database.paymentLine.create({
      data: { runMonth: month, insatsId: 'U-1', anordnareId: 'a1', insatstyp: 'FJP', kind: 'ersattning', month: '2025-07', activeDays: 31, amountOre: 485_800, rule: '2023 §9.1 månadsbelopp', note: 'månadsrapport godkänd' },
    });
  });

  it('shows the basis per anordnare with totals, moves draft → approved → exported, and refuses the wrong order in Swedish (409)', async () => {
    const client = await signedIn('arbetsledare');
    const page = await (await client.get(`/utbetalning/${month}`)).text();
    expect(rowsOf(page, 'underlag')).toEqual([
      ['Anordnare', 'Rader', 'Belopp', 'Underlag'],
      ['a1', '1', '4 858,00 kr', 'Visa raderna för a1 · Ladda ner CSV för a1'],
      ['a2', '0', '0,00 kr', 'Visa raderna för a2 · Ladda ner CSV för a2'],
      ['Totalt', '1', '4 858,00 kr', ''],
    ]);
    expect(rowsOf(page, 'vilande')[1]).toEqual(['a2', 'U-1', '2025-06', 'månadsrapporten är inte godkänd den 15:e']);

    const csrf = csrfOf(page)!;
    const early = await client.post(`/utbetalning/${month}/exportera`, { _csrf: csrf });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('Utbetalningen är ett utkast och kan inte markeras som exporterad: det går bara när den är godkänd.');
    expect(await statusOf(month)).toBe('draft');

    const approved = await client.post(`/utbetalning/${month}/godkann`, { _csrf: csrf });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`/utbetalning/${month}?klart=godkand`);
    expect(await database.paymentRun.findUnique({ where: { month }, select: { status: true, approvedBy: true } })).toEqual({ status: 'approved', approvedBy: expect.any(String) });
    const again = await client.post(`/utbetalning/${month}/godkann`, { _csrf: csrf });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Utbetalningen är godkänd och kan inte godkännas: det går bara när den är ett utkast.');

    expect((await client.post(`/utbetalning/${month}/exportera`, { _csrf: csrf })).headers.get('location')).toBe(`/utbetalning/${month}?klart=exporterad`);
    expect(await statusOf(month)).toBe('exported');
    const exported = await (await client.get(`/utbetalning/${month}?klart=exporterad`)).text();
    expect(exported).toContain('Utbetalningen för augusti 2025 är markerad som exporterad.');
    expect(exported).not.toContain('<form class="run-action"');
  });

  it('serves an anordnare’s basis as a table with totals and as the API’s CSV, with the session instead of a key', async () => {
    const client = await signedIn('operator');
    const page = await (await client.get(`/utbetalning/${month}/anordnare/a1`)).text();
    expect(rowsOf(page, 'rader')).toEqual([
      ['Insats', 'Insatstyp', 'Typ', 'Avser månad', 'Aktiva dagar', 'Belopp', 'Regel', 'Anmärkning'],
      ['U-1', 'FJP', 'Ersättning', '2025-07', '31', '4 858,00 kr', '2023 §9.1 månadsbelopp', 'månadsrapport godkänd'],
      ['Summa FJP', '4 858,00 kr', ''],
      ['Totalt', '4 858,00 kr', ''],
    ]);
    const csv = await client.get(`/utbetalning/${month}/anordnare/a1/underlag.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename=underlag-a1-${month}.csv`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`${month};a1;U-1;FJP;Ersättning;2025-07;31;4858,00;2023 §9.1 månadsbelopp;månadsrapport godkänd`);
    expect(text).toContain(`${month};a1;;;Totalt;;;4858,00;;`);
    expect((await client.get('/utbetalning/1999-01/anordnare/a1/underlag.csv')).status).toBe(404);
    expect((await client.get(`/utbetalning/${month}/anordnare/${encodeURIComponent('a1<x>')}`)).status).toBe(404);
  });
});

describe('Uppföljning', () => {
  /** Deadlines of insats F-a (anordnare fa) and F-b (anordnare fb), relative to 2025-12-23. */
  beforeAll(async () => {
    for (const [id, anordnare] of [['F-a', 'fa'], ['F-b', 'fb']] as const) {
      await database.insats.create({
        data: { id, insatstyp: 'FJP', rulebook: '2023', beslutsdatum: dbDate('2024-06-03'), aktualiseringsdatum: dbDate('2024-06-03'), anordnareId: anordnare, kvlId: 'k1', kundId: `kund-${id}`, phase: 'pagaende', workflowId: `insats-${id}` },
      });
    }
    const deadline = (insatsId: string, rule: string, occurrence: string, due: string, status: string, closedOn: string | null) => ({
      insatsId, rule, occurrence, dueDate: dbDate(due), ownerRole: 'anordnare', status, openedAt: new Date('2024-06-03T08:00:00Z'), closedAt: closedOn ? dbDate(closedOn) : null,
    });
    await database.deadline.createMany({
      data: [
        deadline('F-a', 'bemanning', '1', '2025-01-10', 'met-late', '2025-01-20'),
        deadline('F-a', 'manadsrapport', '2025-10', '2025-11-07', 'met', '2025-11-05'),
        deadline('F-a', 'manadsrapport', '2025-09', '2025-10-07', 'met-late', '2025-10-09'),
        // Closed on the first day before the follow-up year: not counted.
        deadline('F-a', 'manadsrapport', '2024-11', '2024-12-06', 'met', '2024-12-23'),
        // Late and still not in.
        deadline('F-b', 'manadsrapport', '2025-11', '2025-12-05', 'open', null),
        // Met late within the year, but due before the six months: no late report.
        deadline('F-b', 'slutrapport', '1', '2025-06-01', 'met-late', '2025-06-10'),
        // Due today and open: not late yet.
        deadline('F-b', 'manadsrapport', '2025-12', '2025-12-23', 'open', null),
      ],
    });
    await database.timelineEntry.createMany({
      data: [
        { insatsId: 'F-b', seq: 1, at: new Date('2025-12-08T07:00:00Z'), kind: 'brist', entry: { kind: 'brist', rule: 'manadsrapport', reason: 'late' } },
        { insatsId: 'F-b', seq: 2, at: new Date('2024-12-01T07:00:00Z'), kind: 'brist', entry: { kind: 'brist', rule: 'manadsrapport', reason: 'a year ago' } },
      ],
    });
  });

  it('counts per anordnare the deadlines met on time and late in the last 12 months, the late reports of the last six and the brister, as a table and a chart', async () => {
    const client = await signedIn('operator');
    const response = await client.get('/uppfoljning');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Deadlines som uppfyllts de senaste 12 månaderna (2024-12-24 – 2025-12-23)');
    expect(html).toContain('Rapporter med sista dag de senaste 6 månaderna (2025-06-24 – 2025-12-23)');
    expect(rowsOf(html, 'per-anordnare')).toEqual([
      ['Anordnare', 'Uppfyllda i tid', 'Uppfyllda sent', 'Andel i tid', 'Sena rapporter', 'Varav inte inlämnade', 'Brister'],
      ['fa', '1', '2', '33 %', '1', '0', '0'],
      ['fb', '0', '1', '0 %', '1', '1', '1'],
      ['Alla anordnare', '1', '3', '25 %', '2', '1', '1'],
    ]);
    expect(rowsOf(html, 'per-regel')).toEqual([
      ['Anordnare', 'Deadline', 'I tid', 'Sent', 'Andel i tid'],
      ['fa', 'Bemanning', '0', '1', '0 %'],
      ['fa', 'Månadsrapport', '1', '1', '50 %'],
      ['fb', 'Slutrapport', '0', '1', '0 %'],
    ]);
    expect(rowsOf(html, 'sena-rapporter')).toEqual([
      ['Anordnare', 'Rapport', 'Sena', 'Varav inte inlämnade'],
      ['fa', 'Månadsrapport', '1', '0'],
      ['fb', 'Månadsrapport', '1', '1'],
    ]);
    expect(rowsOf(html, 'brister')).toEqual([['Anordnare', 'Insats', 'Påtalad', 'Avser'], ['fb', 'F-b', '2025-12-08', 'Månadsrapport']]);

    // The chart: inline SVG named by its caption, one bar per anordnare ending in its numbers.
    const svg = /<svg [^>]*role="img" aria-labelledby="diagram-deadlines-caption"[^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0];
    expect(svg).toBeDefined();
    expect(html).toContain('<figcaption id="diagram-deadlines-caption">Diagram: deadlines som uppfyllts i tid och sent per anordnare');
    expect(svg).toContain('>1 i tid, 2 sent</text>');
    expect(svg).toContain('>0 i tid, 1 sent</text>');
    expect(svg).not.toContain('style=');
    expect(html).not.toContain('<script');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  });
});
