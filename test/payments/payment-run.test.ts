// The monthly payment run (2023 §9, 2024 §10) over insatser run through the real workflow on the
// time-skipping server, with the PostgreSQL projection. Run months are shared by the whole test
// database, so the cases run in order and each uses its own months.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createActivities } from '../../activities';
import { createPaymentRunActivities } from '../../activities/payment-run';
import { CSV_COLUMNS, invoiceBasis, invoiceCsv } from '../../api/invoice';
import { createPaymentClient, PaymentRunStoppedError } from '../../client/payment-client';
import { createDatabase, type Database } from '../../platform/database';
import { runScenario } from '../../simulator/run-scenario';
import { parseScenario } from '../../simulator/scenario';
import { bundleWorkflows, createWorker } from '../../worker';
import { startDevServer, startTimeSkippingServer, uniqueInsatsId } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;
let database: Database;
const silentMailer = { async send() {}, close() {} };
const activities = () => createActivities({ database, mailer: silentMailer, notifyFallbackDomain: 'test.example' });
const run = (month: string) => createPaymentRunActivities(database).computePaymentRun(month, 15);

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([startTimeSkippingServer(), bundleWorkflows()]);
  database = createDatabase(inject('databaseUrl'));
});
afterAll(async () => {
  await database?.$disconnect();
  await env?.teardown();
});

const kund = { id: 'kund-p', alder: 30, ekonomisktBistand: true };
const simulate = (scenario: unknown) => runScenario(parseScenario(scenario), { env, workflowBundle, activities: activities() });
const lines = (insatsId: string, runMonth?: string) =>
  database.paymentLine.findMany({ where: { insatsId, ...(runMonth ? { runMonth } : {}) }, orderBy: [{ month: 'asc' }, { kind: 'asc' }] });

describe('FJP from 2023-10-16 to an avslut on 2023-12-20: partial first and last months, a late approval, a repeated run', () => {
  const id = uniqueInsatsId('fjp-pay');
  const anordnare = uniqueInsatsId('pay-a');

  beforeAll(async () => {
    await simulate({
      insats: { id, typ: 'FJP', beslutsdatum: '2023-10-16', anordnare, kvl: 'k1', kund },
      events: [
        { at: '2023-10-16T09:00', type: 'aktualiserad' },
        { at: '2023-10-17T09:00', type: 'bemannad' },
        { at: '2023-11-03T10:00', type: 'manadsrapport-klar', month: '2023-10' },
        { at: '2023-11-08T10:00', type: 'manadsrapport-godkand', month: '2023-10' },
        { at: '2023-12-05T10:00', type: 'manadsrapport-klar', month: '2023-11' },
        { at: '2023-12-16T10:00', type: 'manadsrapport-godkand', month: '2023-11' },
        { at: '2023-12-20T10:00', type: 'avslut', orsak: 'annan-insats' },
        { at: '2023-12-28T10:00', type: 'slutrapport-inlamnad' },
        { at: '2024-01-04T10:00', type: 'manadsrapport-klar', month: '2023-12' },
        { at: '2024-01-10T10:00', type: 'manadsrapport-godkand', month: '2023-12' },
      ],
      until: '2024-01-20',
    });
  });

  it('2023 §9.1: the partial first month pays 4 858 / 30 × 16 active days = 2 590,93 kr, in the November run (through the workflow)', async () => {
    const taskQueue = `payments-${id}`;
    const worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', activities: activities(), workflowBundle, taskQueue });
    const result = await worker.runUntil(createPaymentClient(env.client, { taskQueue }).runPayments('2023-11'));
    expect(result).toMatchObject({ month: '2023-11', created: true, status: 'draft' });
    expect(await lines(id, '2023-11')).toMatchObject([{ kind: 'ersattning', month: '2023-10', activeDays: 16, amountOre: 259_093, insatstyp: 'FJP', anordnareId: anordnare }]);
  });

  it('a repeated run changes nothing and says so', async () => {
    const before = await database.paymentLine.count();
    const again = await run('2023-11');
    expect(again).toMatchObject({ created: false, message: 'payment run 2023-11 was already computed (draft); nothing changed' });
    expect(await database.paymentLine.count()).toBe(before);
  });

  it('2023 §9: a report approved on the 16th is held from the December run, with a note, and paid in January; 2023 §9.1: the partial last month pays 4 858 / 30 × 20 = 3 238,67 kr', async () => {
    const december = await run('2023-12');
    expect(await lines(id, '2023-12')).toEqual([]);
    expect(december.held).toContainEqual({ insatsId: id, anordnareId: anordnare, month: '2023-11', note: 'godkänd efter den 15:e: betalas i körningen 2024-01 (2023 §9)' });
    await run('2024-01');
    expect((await lines(id, '2024-01')).map((line) => [line.month, line.amountOre, line.activeDays])).toEqual([
      ['2023-11', 485_800, 30],
      ['2023-12', 323_867, 20],
    ]);
    // No line is paid twice across runs.
    expect((await lines(id)).map((line) => line.month)).toEqual(['2023-10', '2023-11', '2023-12']);
  });

  it('the invoice basis opens in a spreadsheet parser with Swedish columns, öre and totals per insatstyp', async () => {
    const basis = (await invoiceBasis(database, '2024-01', anordnare))!;
    expect(basis.totals).toEqual([{ insatstyp: 'FJP', amount: 8096.67 }]);
    const csv = invoiceCsv(basis);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // As a spreadsheet opens the downloaded file: bytes, UTF-8 with BOM.
    const sheet = XLSX.read(Buffer.from(csv, 'utf8'), { type: 'buffer', FS: ';', raw: true }).Sheets.Sheet1!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
    expect(rows[0]).toEqual(CSV_COLUMNS);
    expect(rows[1]).toEqual(['2024-01', anordnare, id, 'FJP', 'Ersättning', '2023-11', '30', '4858,00', '2023 §9.1 månadsbelopp', 'månadsrapport godkänd (godkänd efter den 15:e: nästa utbetalning, 2023 §9)']);
    const summa = rows.find((row) => row[4] === 'Summa')!;
    expect([summa[3], summa[7]]).toEqual(['FJP', '8096,67']);
    expect(rows.find((row) => row[4] === 'Totalt')?.[7]).toBe('8096,67');
  });
});

describe('bonus', () => {
  it('2023 §9.2: 18 000 kr is payable only once the bonusrapport is approved, after the slutrapport and the last month’s report', async () => {
    const approved = uniqueInsatsId('jpg-bonus');
    const notApproved = uniqueInsatsId('jpg-nobonus');
    const events = (withApproval: boolean) => [
      { at: '2023-06-01T09:00', type: 'aktualiserad' },
      { at: '2023-06-02T09:00', type: 'bemannad' },
      { at: '2023-07-05T10:00', type: 'manadsrapport-klar', month: '2023-06' },
      { at: '2023-07-07T10:00', type: 'manadsrapport-godkand', month: '2023-06' },
      { at: '2023-07-20T10:00', type: 'avslut', orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 } },
      { at: '2023-08-02T10:00', type: 'slutrapport-inlamnad' },
      { at: '2023-08-04T10:00', type: 'manadsrapport-klar', month: '2023-07' },
      { at: '2023-08-09T10:00', type: 'manadsrapport-godkand', month: '2023-07' },
      { at: '2024-01-22T10:00', type: 'bonusrapport-inlamnad' },
      ...(withApproval ? [{ at: '2024-01-25T10:00', type: 'bonus-godkand' }] : []),
    ];
    for (const [id, withApproval] of [[approved, true], [notApproved, false]] as const) {
      const { timeline } = await simulate({ insats: { id, typ: 'JPG', beslutsdatum: '2023-06-01', anordnare: 'a-bonus', kvl: 'k1', kund: { ...kund, alder: 22 } }, events: events(withApproval), until: '2024-01-31' });
      expect(timeline.filter((entry) => entry.kind === 'event-rejected')).toEqual([]);
    }
    expect(await database.payableItem.findMany({ where: { insatsId: notApproved, kind: 'bonus' } })).toEqual([]);
    await run('2024-02');
    expect(await lines(approved, '2024-02')).toContainEqual(expect.objectContaining({ kind: 'bonus', amountOre: 1_800_000, rule: '2023 §9.2 100 %' }));
    expect((await lines(notApproved)).filter((line) => line.kind === 'bonus')).toEqual([]);
  });

  it('2024 §10.1: the snabbhetspremie pays the month amount while the follow-up says the kund is still working, and stops when it says not', async () => {
    const id = uniqueInsatsId('ami2-premie');
    const { timeline } = await simulate({
      insats: { id, typ: 'AMI2', beslutsdatum: '2025-01-13', anordnare: 'a-ami2', kvl: 'k1', kund: { ...kund, arbetsformaga: 50 } },
      config: { payments: { monthAmounts: { AMI2: 7000 } } },
      events: [
        { at: '2025-01-13T09:00', type: 'aktualiserad' },
        { at: '2025-01-14T09:00', type: 'bemannad' },
        { at: '2025-03-20T10:00', type: 'avslut', orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 } },
        { at: '2025-05-05T10:00', type: 'snabbhetspremie-uppfoljning', month: '2025-04', fortsatt: true },
        { at: '2025-06-04T10:00', type: 'snabbhetspremie-uppfoljning', month: '2025-05', fortsatt: false },
        { at: '2025-09-22T10:00', type: 'bonusrapport-inlamnad' },
      ],
      until: '2025-09-30',
    });
    // Leaving the job also forfeits the resultatbonus, which needs the kund still there after six months (2024 §10.2).
    expect(timeline.find((entry) => entry.kind === 'event-rejected')).toMatchObject({ event: 'bonusrapport-inlamnad' });
    await run('2025-10');
    const paid = await lines(id);
    expect(paid.filter((line) => line.kind === 'snabbhetspremie').map((line) => [line.month, line.amountOre])).toEqual([['2025-04', 700_000]]);
    expect(paid.filter((line) => line.kind === 'bonus')).toEqual([]);
  });

  it('2024 §10.2: an AMI2 avslut in insats month 8 gives 10 000 kr, with the snabbhetspremie for the months followed up', async () => {
    const id = uniqueInsatsId('ami2-bonus');
    await simulate({
      insats: { id, typ: 'AMI2', beslutsdatum: '2025-01-13', anordnare: 'a-ami2', kvl: 'k1', kund: { ...kund, arbetsformaga: 50 } },
      config: { payments: { monthAmounts: { AMI2: 7000 } } },
      events: [
        { at: '2025-01-13T09:00', type: 'aktualiserad' },
        { at: '2025-01-14T09:00', type: 'bemannad' },
        { at: '2025-08-20T10:00', type: 'avslut', orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 } },
        { at: '2025-09-02T10:00', type: 'slutrapport-inlamnad' },
        { at: '2025-10-03T10:00', type: 'snabbhetspremie-uppfoljning', month: '2025-09', fortsatt: true },
        { at: '2025-11-04T10:00', type: 'snabbhetspremie-uppfoljning', month: '2025-10', fortsatt: true },
        { at: '2026-02-21T10:00', type: 'bonusrapport-inlamnad' },
        { at: '2026-02-23T10:00', type: 'bonus-godkand' },
      ],
      until: '2026-03-01',
    });
    await run('2026-03');
    const paid = await lines(id);
    expect(paid.filter((line) => line.kind === 'bonus')).toMatchObject([{ amountOre: 1_000_000, rule: '2024 §10.2 50 %' }]);
    expect(paid.filter((line) => line.kind === 'snabbhetspremie').map((line) => [line.month, line.amountOre])).toEqual([
      ['2025-09', 700_000],
      ['2025-10', 700_000],
    ]);
  });
});

describe('missing amounts', () => {
  it('stop a 2024 run with a message naming the setting, and pay nothing', async () => {
    const id = uniqueInsatsId('ami1-noamount');
    await simulate({
      insats: { id, typ: 'AMI1', beslutsdatum: '2026-03-02', anordnare: 'a-ami1', kvl: 'k1', kund },
      events: [
        { at: '2026-03-02T09:00', type: 'aktualiserad' },
        { at: '2026-03-03T09:00', type: 'bemannad' },
        { at: '2026-04-03T10:00', type: 'manadsrapport-klar', month: '2026-03' },
        { at: '2026-04-08T10:00', type: 'manadsrapport-godkand', month: '2026-03' },
      ],
      until: '2026-04-10',
    });
    try {
      const taskQueue = `payments-${id}`;
      const worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', activities: activities(), workflowBundle, taskQueue });
      const stopped = worker.runUntil(createPaymentClient(env.client, { taskQueue }).runPayments('2026-04'));
      await expect(stopped).rejects.toThrow(PaymentRunStoppedError);
      await expect(stopped).rejects.toThrow('configure settings.payments.monthAmounts.AMI1');
      expect(await database.paymentRun.findUnique({ where: { month: '2026-04' } })).toBeNull();
    } finally {
      // Unpaid items carry into every later run: remove this case's, so later runs in the database are not stopped by it.
      await database.payableItem.deleteMany({ where: { insatsId: id } });
    }
  });
});

describe('the monthly Schedule', () => {
  it('runs on the 16th at 06:00 Europe/Stockholm, and a triggered run computes the current month', async () => {
    const dev = await startDevServer();
    try {
      const taskQueue = `schedule-${uniqueInsatsId('q')}`;
      const payments = createPaymentClient(dev.client, { taskQueue });
      await payments.ensurePaymentSchedule();
      await payments.ensurePaymentSchedule(); // already exists: fine
      const handle = dev.client.schedule.getHandle('payment-run');
      const description = await handle.describe();
      expect(description.spec.timezone).toBe('Europe/Stockholm');
      const next = description.info.nextActionTimes.map((time) =>
        new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(time),
      );
      expect(next.length).toBeGreaterThan(0);
      expect(next.every((text) => text === '16 06:00')).toBe(true);

      const worker = await createWorker({ connection: dev.nativeConnection, namespace: 'default', activities: activities(), workflowBundle, taskQueue });
      await worker.runUntil(async () => {
        await handle.trigger();
        for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((resolve) => setTimeout(resolve, 200))) {
          const runs = (await handle.describe()).info.recentActions;
          const workflowId = runs[0]?.action.workflow.workflowId;
          if (workflowId && (await dev.client.workflow.getHandle(workflowId).describe()).status.name === 'COMPLETED') return;
        }
        throw new Error('the triggered payment run did not complete');
      });
      const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' }).format(new Date());
      expect(await database.paymentRun.findUnique({ where: { month } })).toMatchObject({ status: 'draft' });
    } finally {
      await dev.teardown();
    }
  });
});
