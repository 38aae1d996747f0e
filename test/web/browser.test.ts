// The pages in Debian's Chromium over the real API (Temporal dev server, PostgreSQL, SMTP):
// sign-in, a provider's Att göra with a late bemanning on top, staffing it with the form (by
// mouse and by keyboard only), a refused event and field errors, a kvl's aktualisering, another
// provider's insats as 404, the CSRF token, and axe-core's WCAG 2.1 A/AA rules on every page.
// Screenshots of Att göra and Insatsen land in .data/screenshots/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startHarness, type Harness } from '../api/harness';
import { uniqueInsatsId } from '../helpers/temporal';
import { expectNoAxeViolations, launchChromium, newPage as pageOn, signInWith, submit } from './chromium';
import { aktualiseradInsats, eventsOf } from './fixtures';

const SCREENSHOTS = fileURLToPath(new URL('../../.data/screenshots/', import.meta.url));

let api: Harness;
let browser: Browser;
const a = uniqueInsatsId('anordnare-a');
const b = uniqueInsatsId('anordnare-b');
/** Aktualiserad 2025-12-15: bemanning was due 12-16, a week before the harness's 2025-12-23. */
const late = uniqueInsatsId('sen');
/** Aktualiserad 2025-12-18: bemanning due 12-19, also late. */
const byKeyboard = uniqueInsatsId('tangentbord');
/** Staffed over the API before the tests: a second bemannad is refused. */
const staffed = uniqueInsatsId('bemannad');
const theirs = uniqueInsatsId('annans');

beforeAll(async () => {
  browser = await launchChromium();
  api = await startHarness(inject('databaseUrl'), { kvl: { role: 'kvl', kvl: 'k1' }, anordnareA: { role: 'anordnare', anordnare: a }, anordnareB: { role: 'anordnare', anordnare: b } });
  await aktualiseradInsats(api, { as: 'kvl', id: late, anordnare: a, aktualiseringsdatum: '2025-12-15' });
  for (const id of [byKeyboard, staffed]) await aktualiseradInsats(api, { as: 'kvl', id, anordnare: a, aktualiseringsdatum: '2025-12-18' });
  await aktualiseradInsats(api, { as: 'kvl', id: theirs, anordnare: b, aktualiseringsdatum: '2025-12-18' });
  expect((await api.request('POST', `/api/insatser/${staffed}/events`, { as: 'anordnareA', body: { type: 'bemannad' } })).status).toBe(200);
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const newPage = (options: BrowserContextOptions = {}) => pageOn(browser, api.baseUrl, options);
const signedIn = async (who: string, options: BrowserContextOptions = {}) => signInWith(await newPage(options), api.token(who));

// Strings: the tests compile without the DOM's types, and these run in the page.
const removeCsrfToken = (page: Page, form: string) => page.evaluate(`document.querySelector('${form} input[name="_csrf"]').remove()`);
const openAllForms = (page: Page) => page.evaluate(`document.querySelectorAll('details').forEach((details) => { details.open = true; })`);
const lateTable = (page: Page) => page.locator('table[aria-labelledby="ditt-forsenat"]');
const activeElementIs = (page: Page, test: string) => page.evaluate(`(() => { const element = document.activeElement; return Boolean(element && (${test})); })()`);

/** Presses Tab until the focused element passes `test` (a JS expression on `element`). */
async function tabTo(page: Page, test: string, what: string): Promise<void> {
  for (let presses = 0; presses < 300; presses += 1) {
    await page.keyboard.press('Tab');
    if (await activeElementIs(page, test)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('signing in', () => {
  it('refuses a wrong key with the reason on the form, and signs in with a valid one', async () => {
    const page = await newPage();
    expect((await page.goto('/'))!.status()).toBe(200);
    await page.getByLabel('Nyckel').fill('kv_fel-nyckel-som-ingen-har');
    expect((await submit(page, 'Logga in')).status()).toBe(401);
    await expect.poll(() => page.locator('#apiKey-error').innerText()).toContain('Nyckeln gäller inte.');
    expect(await page.getByLabel('Nyckel').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Nyckel').fill(api.token('anordnareA'));
    await submit(page, 'Logga in');
    await page.waitForURL('**/att-gora');
    expect(await page.locator('h1').innerText()).toBe('Att göra');
    expect(await page.locator('.signed-in-as').innerText()).toBe(`Inloggad som Anordnare ${a}`);
  });
});

describe('a provider', () => {
  it('sees the late bemanning on top of Att göra, with the days late and the counts in the title', async () => {
    const page = await signedIn('anordnareA');
    const firstRow = page.locator('main table').first().locator('tbody tr').first();
    expect(await page.locator('main h3').first().innerText()).toMatch(/^Försenat \(\d+\)$/);
    expect(await firstRow.locator('td').allInnerTexts()).toEqual([
      late, 'AMI2', 'Bemanning', 'Bemanna ärendet i systemet och meddela karriärvägledaren (2023 §6.2.1).', '2025-12-16\n7 dagar sen', '2023 §6.2.1',
    ]);
    const lateRows = await lateTable(page).locator('tbody tr').count();
    expect(await page.title()).toMatch(new RegExp(`^Att göra: ${lateRows} försenade, \\d+ i dag, \\d+ denna vecka, \\d+ senare – Kundval insatser$`));
    expect(await page.locator('main').innerText()).not.toContain(theirs);
    await page.screenshot({ path: `${SCREENSHOTS}att-gora.png`, fullPage: true });
  });

  it('staffs it with the form, after which it is gone from Försenat', async () => {
    const page = await signedIn('anordnareA');
    await lateTable(page).getByRole('link', { name: late }).click();
    await page.waitForURL(`**/insatser/${late}`);
    expect(await page.locator('h1').innerText()).toBe(`Insats ${late}`);
    await page.locator('#handelse-bemannad > summary').click();
    await page.screenshot({ path: `${SCREENSHOTS}insatsen.png`, fullPage: true });
    const response = await submit(page, 'Registrera: Bemannad');
    expect(response.status()).toBe(303);
    await page.waitForURL(`**/insatser/${late}?registrerad=bemannad*`);
    expect(await page.getByRole('status').innerText()).toBe('Händelsen ”Bemannad” är registrerad.');
    expect(await page.locator('table[aria-labelledby="oppna"]').innerText()).not.toContain('Bemanning');
    expect(await api.database.insatsEvent.findMany({ where: { insatsId: late }, select: { type: true } })).toEqual([{ type: 'bemannad' }]);
    await page.getByRole('link', { name: 'Att göra', exact: true }).first().click();
    await page.waitForURL('**/att-gora');
    const stillLate = await lateTable(page).innerText();
    expect(stillLate).toContain(byKeyboard);
    expect(stillLate).not.toContain(late);
  });

  it('is told why the insats refuses an event, and the errors of a form beside its fields; nothing is recorded', async () => {
    const page = await signedIn('anordnareA');
    await page.goto(`/insatser/${staffed}`);
    await page.locator('#handelse-bemannad > summary').click();
    expect((await submit(page, 'Registrera: Bemannad')).status()).toBe(409);
    expect(await page.locator('#handelse-bemannad').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#handelse-bemannad [role="alert"]').innerText()).toContain('Insatsen tog inte emot händelsen: bemanning is already met.');

    await page.locator('#handelse-arbetsplats-startad > summary').click();
    await page.getByLabel('Timmar per vecka').fill('tio');
    expect((await submit(page, 'Registrera: Start på arbetsplats')).status()).toBe(400);
    expect(await page.locator('#handelse-arbetsplats-startad-timmarPerVecka-error').innerText()).toBe('Skriv ett tal.');
    expect(await page.getByLabel('Timmar per vecka').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Timmar per vecka').inputValue()).toBe('tio');
    expect(await page.locator('#handelse-arbetsplats-startad-trepartsoverenskommelse-error').innerText()).toBe('Välj ja eller nej.');
    expect(await eventsOf(api, staffed)).toBe(1);
  });

  it('gets the 404 page for another provider’s insats, the same as for one that does not exist', async () => {
    const page = await signedIn('anordnareA');
    const response = await page.goto(`/insatser/${theirs}`);
    expect(response!.status()).toBe(404);
    expect(response!.headers()['content-type']).toMatch(/^text\/html/);
    expect(await page.locator('h1').innerText()).toBe('Sidan finns inte');
    const shown = await page.locator('main').innerText();
    await page.goto('/insatser/finns-inte');
    expect(await page.locator('main').innerText()).toBe(shown);
  });

  it('staffs an insats with the keyboard only: Tab and Enter, with the focus visible', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.keyboard.press('Tab');
    expect(await activeElementIs(page, "element.textContent === 'Hoppa till innehållet'")).toBe(true);
    await tabTo(page, "element.id === 'apiKey'", 'the key field');
    await page.keyboard.type(api.token('anordnareA'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/att-gora');
    await tabTo(page, `element.tagName === 'A' && element.textContent === ${JSON.stringify(byKeyboard)}`, 'the insats link');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/insatser/${byKeyboard}`);
    await tabTo(page, "element.tagName === 'SUMMARY' && element.parentElement.id === 'handelse-bemannad'", 'the Bemannad form');
    expect(await activeElementIs(page, "getComputedStyle(element).outlineStyle === 'solid' && getComputedStyle(element).outlineWidth === '3px'")).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await activeElementIs(page, "element.textContent === 'Registrera: Bemannad'")).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/insatser/${byKeyboard}?registrerad=bemannad*`);
    expect(await api.database.insatsEvent.findMany({ where: { insatsId: byKeyboard }, select: { type: true } })).toEqual([{ type: 'bemannad' }]);
  });
});

describe('a kvl', () => {
  it('aktualiserar an insats through the form, after the rules’ refusal is shown beside the form', async () => {
    const id = uniqueInsatsId('webb-ny');
    const page = await signedIn('kvl');
    await page.getByRole('link', { name: 'Aktualisera insats' }).click();
    await page.waitForURL('**/aktualisera');
    expect(await submit(page, 'Aktualisera insatsen').then((response) => response.status())).toBe(400);
    expect(await page.locator('#aktualisera-id-error').innerText()).toBe('Fyll i fältet.');

    expect(await page.getByLabel('Karriärvägledare', { exact: true }).inputValue()).toBe('k1');
    await page.getByLabel('Insatsens id').fill(id);
    await page.getByLabel('Insatstyp').selectOption('AMI2');
    await page.getByLabel('Beslutsdatum').fill('2025-12-22');
    await page.getByLabel('Anordnare', { exact: true }).fill(a);
    await page.getByLabel('Kundens id').fill(`kund-${id}`);
    await page.getByLabel('Ålder').fill('12');
    await page.locator('#aktualisera-kund-ekonomisktBistand-0').check();
    expect((await submit(page, 'Aktualisera insatsen')).status()).toBe(422);
    expect(await page.locator('.error-summary').innerText()).toContain('Reglerna godtar inte aktualiseringen');
    expect(await api.database.insats.count({ where: { id } })).toBe(0);

    await page.getByLabel('Ålder').fill('30');
    expect((await submit(page, 'Aktualisera insatsen')).status()).toBe(303);
    await page.waitForURL(`**/insatser/${id}?aktualiserad=ja`);
    expect(await page.getByRole('status').innerText()).toBe('Insatsen är aktualiserad.');
    expect(await api.database.insats.findUnique({ where: { id }, select: { anordnareId: true, kvlId: true, insatstyp: true } })).toEqual({ anordnareId: a, kvlId: 'k1', insatstyp: 'AMI2' });
  });
});

describe('CSRF', () => {
  it('refuses a form posted without its token with 403 and records nothing; with the token it goes through', async () => {
    const page = await signedIn('anordnareA');
    await page.goto(`/insatser/${staffed}`);
    await page.locator('#handelse-bemannad > summary').click();
    await removeCsrfToken(page, '#handelse-bemannad');
    expect((await submit(page, 'Registrera: Bemannad')).status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('Formuläret gick inte att skicka');
    const bare = await page.request.post(`/insatser/${byKeyboard}/handelser`, { form: { type: 'sjukanmalan' }, maxRedirects: 0 });
    expect(bare.status()).toBe(403);
    expect(await eventsOf(api, byKeyboard)).toBe(1);
    // The same post with the session's token passes the check and reaches the insats, which refuses it.
    await page.goto(`/insatser/${staffed}`);
    const csrf = await page.locator('#handelse-bemannad input[name="_csrf"]').inputValue();
    expect((await page.request.post(`/insatser/${staffed}/handelser`, { form: { type: 'bemannad', _csrf: csrf }, maxRedirects: 0 })).status()).toBe(409);
    expect(await eventsOf(api, staffed)).toBe(1);
  });

  it('refuses a sign-in posted without the form’s token, and no session starts', async () => {
    const page = await newPage();
    await page.goto('/');
    const before = await api.database.webSession.count();
    expect((await page.request.post('/logga-in', { form: { apiKey: api.token('anordnareA') }, maxRedirects: 0 })).status()).toBe(403);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('kv_session');
    expect(await api.database.webSession.count()).toBe(before);
  });
});

describe('accessibility and the content security policy', () => {
  it('loads the stylesheet under the pages’ CSP, and the browser reports no policy violation', async () => {
    const page = await newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto('/');
    expect(await page.evaluate(`getComputedStyle(document.querySelector('.site-header')).backgroundColor`)).toBe('rgb(11, 61, 98)');
    expect(problems).toEqual([]);
  });

  it('axe-core finds no WCAG 2.1 A or AA violation on any page, error states and opened forms included', async () => {
    const options = { bypassCSP: true };

    const signIn = await newPage(options);
    await signIn.goto('/');
    await expectNoAxeViolations(signIn);
    await signIn.getByLabel('Nyckel').fill('kv_fel-nyckel-som-ingen-har');
    await submit(signIn, 'Logga in');
    await expectNoAxeViolations(signIn);

    const provider = await signedIn('anordnareA', options);
    await expectNoAxeViolations(provider);
    await provider.goto(`/insatser/${staffed}`);
    await openAllForms(provider);
    await expectNoAxeViolations(provider);
    await provider.getByLabel('Timmar per vecka').fill('tio');
    await submit(provider, 'Registrera: Start på arbetsplats');
    await openAllForms(provider);
    await expectNoAxeViolations(provider);
    await provider.goto(`/insatser/${theirs}`);
    await expectNoAxeViolations(provider);
    await provider.goto(`/insatser/${staffed}`);
    await removeCsrfToken(provider, '#handelse-bemannad');
    await openAllForms(provider);
    await submit(provider, 'Registrera: Bemannad');
    await expectNoAxeViolations(provider);

    const kvl = await signedIn('kvl', options);
    await expectNoAxeViolations(kvl);
    await kvl.goto(`/insatser/${late}`);
    await openAllForms(kvl);
    await expectNoAxeViolations(kvl);
    await kvl.goto('/aktualisera');
    await expectNoAxeViolations(kvl);
    await submit(kvl, 'Aktualisera insatsen');
    await expectNoAxeViolations(kvl);
  });
});
