// Utbetalning and Uppföljning in Debian's Chromium over the real API (Temporal dev server with a
// worker, PostgreSQL): the arbetsledare runs December 2023 before its approval day (the warning
// first, nothing computed until confirmed), approves it, downloads an anordnare's CSV and marks
// it exported; Uppföljning shows the anordnare with a late deadline in its table and its chart;
// axe-core's WCAG 2.1 A/AA rules on every page of both. The harness's clock stands on
// 2023-12-04, and the file has a database of its own, so its payment runs meet no other file's.
// Screenshots of Utbetalning and Uppföljning land in .data/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../platform/scratch-database';
import { startHarness, type Harness } from '../api/harness';
import { uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { expectNoAxeViolations, launchChromium, newPage as pageOn, signInWith, submit } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('../../.data/screenshots/', import.meta.url));

let scratch: ScratchDatabase;
let api: Harness;
let browser: Browser;
const a = uniqueInsatsId('anordnare-a');
const b = uniqueInsatsId('anordnare-b');
/** FJP from 2023-11-01: bemannad late on 2023-12-04, November's report approved that day, so paid in December's run. */
const paid = uniqueInsatsId('fjp-betald');
/** FJP from 2023-09-01 at another anordnare: September's report in late and not approved, October's not in. */
const behind = uniqueInsatsId('fjp-sen');

async function event(as: string, insatsId: string, body: Record<string, unknown>) {
  const response = await api.request('POST', `/api/insatser/${insatsId}/events`, { as, body });
  expect(response.status, `${body.type as string}: ${await response.clone().text()}`).toBe(200);
}

async function fjp(id: string, anordnare: string, from: string) {
  const response = await api.request('POST', '/api/insatser', {
    as: 'kvl',
    body: { id, insatstyp: 'FJP', beslutsdatum: from, aktualiseringsdatum: from, anordnare, kvl: 'k1', kundId: `kund-${id}`, kund: { alder: 30, ekonomisktBistand: true } },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  await eventually(async () => ((await api.database.deadline.count({ where: { insatsId: id, rule: 'bemanning' } })) > 0 ? true : undefined));
}

beforeAll(async () => {
  browser = await launchChromium();
  scratch = await createScratchDatabase(inject('databaseUrl'), `kundval_webpay_browser_${Date.now()}_${process.pid}`);
  api = await startHarness(
    scratch.url,
    { kvl: { role: 'kvl', kvl: 'k1' }, anordnareA: { role: 'anordnare', anordnare: a }, anordnareB: { role: 'anordnare', anordnare: b }, arbetsledare: { role: 'arbetsledare' }, operator: { role: 'operator' } },
    '2023-12-04T10:00',
  );
  await fjp(paid, a, '2023-11-01');
  await event('anordnareA', paid, { type: 'bemannad' });
  await event('anordnareA', paid, { type: 'manadsrapport-klar', month: '2023-11' });
  await event('kvl', paid, { type: 'manadsrapport-godkand', month: '2023-11' });
  await fjp(behind, b, '2023-09-01');
  await event('anordnareB', behind, { type: 'bemannad' });
  await event('anordnareB', behind, { type: 'manadsrapport-klar', month: '2023-09' });
  await eventually(async () => ((await api.database.payableItem.count({ where: { insatsId: paid } })) > 0 ? true : undefined));
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await scratch?.drop();
});

const newPage = (options: BrowserContextOptions = {}) => pageOn(browser, api.baseUrl, options);
const signedIn = async (who: string, options: BrowserContextOptions = {}) => signInWith(await newPage(options), api.token(who));
// A string: the tests compile without the DOM's types, and this runs in the page.
const cellsOf = (page: Page, table: string) =>
  page.evaluate(`[...document.querySelectorAll('table[aria-labelledby="${table}"] tr')].map((row) => [...row.cells].map((cell) => cell.innerText.replaceAll('\\u00a0', ' ').trim()))`) as Promise<string[][]>;
const factOf = (page: Page, term: string) => page.locator('.facts div').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd').innerText();

describe('Utbetalning', () => {
  it('the arbetsledare runs December before its approval day only after the warning, then approves it, downloads an anordnare’s CSV and marks it exported', async () => {
    const page = await signedIn('arbetsledare');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utbetalning' }).click();
    await page.waitForURL('**/utbetalning');
    expect(await page.locator('h1').innerText()).toBe('Utbetalning');
    expect(await page.getByLabel('Månad').inputValue()).toBe('2023-12');

    // Before the 15th: the page says so, and nothing is computed, not even the workflow started.
    expect((await submit(page, 'Kör utbetalningen')).status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Köra utbetalningen för december 2023 före godkännandedagen?');
    expect(await page.locator('.notice-warning').innerText()).toBe(
      'Godkännandedagen för december 2023 är fredag 15 december 2023; rapporter som godkänns efter att körningen gjorts kommer inte med. Kör ändå?',
    );
    expect(await api.database.paymentRun.count()).toBe(0);
    await expect(api.temporal.workflow.getHandle('payment-run-2023-12').describe()).rejects.toThrow();

    expect((await submit(page, 'Kör ändå')).status()).toBe(303);
    await page.waitForURL('**/utbetalning/2023-12?klart=beraknad');
    expect(await page.getByRole('status').innerText()).toBe('Utbetalningen för december 2023 är beräknad.');
    expect(await factOf(page, 'Status')).toBe('Utkast');
    const basis = await cellsOf(page, 'underlag');
    expect(basis).toContainEqual([a, '1', '4 858,00 kr', expect.stringContaining('Visa raderna')]);
    expect(basis.at(-1)).toEqual(['Totalt', '1', '4 858,00 kr', '']);
    // The other anordnare's September report is not approved by the 15th: held, with the reason.
    expect((await cellsOf(page, 'vilande')).filter((row) => row[1] === behind)).toEqual([[b, behind, '2023-09', expect.stringContaining('(2023 §9)')]]);

    expect((await submit(page, 'Godkänn utbetalningen')).status()).toBe(303);
    await page.waitForURL('**/utbetalning/2023-12?klart=godkand');
    expect(await factOf(page, 'Status')).toBe('Godkänd');
    expect(await api.database.paymentRun.findUnique({ where: { month: '2023-12' }, select: { status: true } })).toEqual({ status: 'approved' });
    await page.screenshot({ path: `${SCREENSHOTS}utbetalning.png`, fullPage: true });

    await page.getByRole('link', { name: `Visa raderna för ${a}` }).click();
    await page.waitForURL(`**/utbetalning/2023-12/anordnare/${a}`);
    expect(await cellsOf(page, 'rader')).toEqual([
      ['Insats', 'Insatstyp', 'Typ', 'Avser månad', 'Aktiva dagar', 'Belopp', 'Regel', 'Anmärkning'],
      [paid, 'FJP', 'Ersättning', '2023-11', '30', '4 858,00 kr', '2023 §9.1 månadsbelopp', 'månadsrapport godkänd'],
      ['Summa FJP', '4 858,00 kr', ''],
      ['Totalt', '4 858,00 kr', ''],
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner underlaget som CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`underlag-${a}-2023-12.csv`);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Utbetalning;Anordnare;Insats;Insatstyp;Typ;Avser månad;Aktiva dagar;Belopp (kr);Regel;Anmärkning');
    expect(lines[1]).toBe(`2023-12;${a};${paid};FJP;Ersättning;2023-11;30;4858,00;2023 §9.1 månadsbelopp;månadsrapport godkänd`);
    expect(lines).toContain(`2023-12;${a};;;Totalt;;;4858,00;;`);

    await page.getByRole('link', { name: 'Tillbaka till utbetalningen för december 2023' }).click();
    expect((await submit(page, 'Markera som exporterad')).status()).toBe(303);
    await page.waitForURL('**/utbetalning/2023-12?klart=exporterad');
    expect(await factOf(page, 'Status')).toBe('Exporterad');
    await page.getByRole('link', { name: 'Tillbaka till Utbetalning' }).click();
    expect((await cellsOf(page, 'korningar'))[1]?.slice(0, 4)).toEqual(['december 2023', 'Exporterad', '1', '4 858,00 kr']);
  });

  it('runs a month whose approval day has passed at once', async () => {
    const page = await signedIn('operator');
    await page.goto('/utbetalning');
    await page.getByLabel('Månad').fill('2023-11');
    expect((await submit(page, 'Kör utbetalningen')).status()).toBe(303);
    await page.waitForURL('**/utbetalning/2023-11?klart=beraknad');
    expect(await api.database.paymentRun.findUnique({ where: { month: '2023-11' }, select: { status: true } })).toEqual({ status: 'draft' });
    // The operator exports but does not approve (api/payment-commands.ts).
    expect(await page.getByRole('button', { name: 'Godkänn utbetalningen' }).count()).toBe(0);
  });
});

describe('Uppföljning', () => {
  it('shows per anordnare the deadlines met on time and late as a table and a chart', async () => {
    const page = await signedIn('arbetsledare');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Uppföljning' }).click();
    await page.waitForURL('**/uppfoljning');
    expect(await page.locator('h1').innerText()).toBe('Uppföljning');
    const rows = await cellsOf(page, 'per-anordnare');
    const rowOf = (anordnare: string) => rows.find((row) => row[0] === anordnare)!;
    // The bemanning met on 2023-12-04, due the working day after 2023-11-01: late.
    expect(Number(rowOf(a)[2])).toBeGreaterThanOrEqual(1);
    expect(Number(rowOf(a)[1])).toBeGreaterThanOrEqual(1);
    // September's report in late, October's still not in on 2023-12-04.
    expect(await cellsOf(page, 'sena-rapporter')).toContainEqual([b, 'Månadsrapport', '2', '1']);
    expect(await cellsOf(page, 'per-regel')).toContainEqual([a, 'Bemanning', '0', '1', '0 %']);

    const chart = page.getByRole('img', { name: /^Diagram: deadlines som uppfyllts i tid och sent per anordnare/ });
    expect(await chart.count()).toBe(1);
    // Inline SVG, named by the figure's caption.
    expect(await page.locator('figure.chart > svg[role="img"][aria-labelledby="diagram-deadlines-caption"]').count()).toBe(1);
    expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: `${SCREENSHOTS}uppfoljning.png`, fullPage: true });
  });
});

describe('accessibility and the content security policy', () => {
  it('axe-core finds no WCAG 2.1 A or AA violation on Utbetalning, its confirmation, a run, an underlag and Uppföljning', async () => {
    const options = { bypassCSP: true };
    for (const who of ['arbetsledare', 'operator']) {
      const page = await signedIn(who, options);
      for (const path of ['/utbetalning', '/utbetalning/2023-12', '/utbetalning/2023-11', `/utbetalning/2023-12/anordnare/${a}`, `/utbetalning/2023-12/anordnare/${b}`, '/uppfoljning']) {
        await page.goto(path);
        await expectNoAxeViolations(page);
      }
      await page.goto('/utbetalning');
      await page.getByLabel('Månad').fill('2024-01');
      await submit(page, 'Kör utbetalningen');
      expect(await page.locator('.notice-warning').count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.goto('/utbetalning');
      await page.getByLabel('Månad').fill('');
      await submit(page, 'Kör utbetalningen');
      await expectNoAxeViolations(page);
    }
    expect(await api.database.paymentRun.count({ where: { month: '2024-01' } })).toBe(0);
  });

  it('draws the chart under the pages’ CSP with no policy violation reported', async () => {
    const page = await signedIn('operator');
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto('/uppfoljning');
    expect(await page.getByRole('img').first().boundingBox()).toMatchObject({ width: expect.any(Number) });
    expect(problems).toEqual([]);
  });
});
