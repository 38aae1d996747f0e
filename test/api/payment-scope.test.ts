// A kvl key scoped to one kvl sees the payment amounts of that kvl's insatser only: a run's totals
// and an anordnare's invoice basis (JSON and CSV) with two kvl's insatser at one anordnare. Rows
// are written straight to a database of this file's own, so no payment run of another file meets them.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../api/api-keys';
import { createDatabase, dbDate, type Database } from '../../platform/database';
import { createScratchDatabase, type ScratchDatabase } from '../../platform/scratch-database';
import { startDatabaseOnlyApp } from './database-only-app';

const month = '2026-11';
const anordnare = 'a1';
let scratch: ScratchDatabase;
let database: Database;
let closeServer: (() => void) | undefined;
let baseUrl: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  scratch = await createScratchDatabase(inject('databaseUrl'), `kundval_payscope_${Date.now()}_${process.pid}`);
  database = createDatabase(scratch.url);
  for (const [id, kvlId] of [['I-k1', 'k1'], ['I-k2', 'k2']] as const) {
    await database.insats.create({
      data: { id, insatstyp: 'AMI2', rulebook: '2023', beslutsdatum: dbDate('2026-09-01'), aktualiseringsdatum: dbDate('2026-09-01'), anordnareId: anordnare, kvlId, kundId: `kund-${id}`, phase: 'pagaende', workflowId: `insats-${id}` },
    });
  }
  await database.paymentRun.create({
    data: {
      month,
      status: 'draft',
      held: [
        { insatsId: 'I-k1', anordnareId: anordnare, month: '2026-09', note: 'held k1' },
        { insatsId: 'I-k2', anordnareId: anordnare, month: '2026-09', note: 'held k2' },
      ],
    },
  });
  await database.paymentLine.createMany({
    data: [
      { runMonth: month, insatsId: 'I-k1', anordnareId: anordnare, insatstyp: 'AMI2', kind: 'ersattning', month: '2026-10', activeDays: 31, amountOre: 100_000, rule: 'ersattning', note: '' },
      { runMonth: month, insatsId: 'I-k2', anordnareId: anordnare, insatstyp: 'AMI2', kind: 'ersattning', month: '2026-10', activeDays: 31, amountOre: 250_000, rule: 'ersattning', note: '' },
    ],
  });
  for (const [who, key] of Object.entries({ k1: { role: 'kvl', kvl: 'k1' }, k2: { role: 'kvl', kvl: 'k2' }, allKvl: { role: 'kvl' }, arbetsledare: { role: 'arbetsledare' } } as const)) {
    tokens[who] = (await createApiKey(database, key)).token;
  }
  // These routes read PostgreSQL only: Temporal is never reached.
  ({ baseUrl, close: closeServer } = await startDatabaseOnlyApp(database));
});
afterAll(async () => {
  closeServer?.();
  await database?.$disconnect();
  await scratch?.drop();
});

const get = async (path: string, as: string) => {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[as]}` } });
  expect(response.status, `${as} GET ${path}`).toBe(200);
  return response;
};
const totalsAs = async (as: string) => ((await (await get(`/api/payment-runs/${month}`, as)).json()) as { totals: unknown[] }).totals;

describe('payment amounts for a kvl key scoped to one kvl', () => {
  it('a run’s totals hold its own kvl’s insatser only; an unscoped kvl key and the arbetsledare see all', async () => {
    expect(await totalsAs('k1')).toEqual([{ anordnare, insatstyp: 'AMI2', lines: 1, amount: 1000 }]);
    expect(await totalsAs('k2')).toEqual([{ anordnare, insatstyp: 'AMI2', lines: 1, amount: 2500 }]);
    for (const who of ['allKvl', 'arbetsledare']) expect(await totalsAs(who)).toEqual([{ anordnare, insatstyp: 'AMI2', lines: 2, amount: 3500 }]);
  });

  it('the invoice basis, as JSON and as CSV, holds its own kvl’s lines, totals and held months only', async () => {
    const basis = (await (await get(`/api/payment-runs/${month}/anordnare/${anordnare}`, 'k1')).json()) as { lines: { insatsId: string }[]; totals: unknown[]; total: number; held: unknown[] };
    expect(basis.lines.map((line) => line.insatsId)).toEqual(['I-k1']);
    expect(basis.totals).toEqual([{ insatstyp: 'AMI2', amount: 1000 }]);
    expect(basis.total).toBe(1000);
    expect(basis.held).toEqual([{ insatsId: 'I-k1', month: '2026-09', note: 'held k1' }]);

    const csv = await (await get(`/api/payment-runs/${month}/anordnare/${anordnare}.csv`, 'k1')).text();
    expect(csv).toContain('I-k1');
    expect(csv).not.toContain('I-k2');
    expect(csv).toContain('Totalt;;;1000,00');

    const all = (await (await get(`/api/payment-runs/${month}/anordnare/${anordnare}`, 'arbetsledare')).json()) as { lines: { insatsId: string }[]; total: number; held: unknown[] };
    expect([all.lines.map((line) => line.insatsId), all.total, all.held.length]).toEqual([['I-k1', 'I-k2'], 3500, 2]);
  });
});
