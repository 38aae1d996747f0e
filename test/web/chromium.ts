// Debian's Chromium, driven by playwright-core (Playwright's own browser download is unreachable
// here). Missing, the tests fail with the command that installs it: they never skip.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const INSTALL_CHROMIUM = 'apt-get install -y chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}. Install it (as root) with: ${INSTALL_CHROMIUM}`);
  }
  // The sandbox needs a user namespace, which a root shell in a container does not get.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}

/** A page in a browser context of its own, on `baseUrl`, in Swedish. */
export async function newPage(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'sv-SE', ...options });
  return context.newPage();
}

/** Signs `page` in with an API key through the sign-in form, as a person does. */
export async function signInWith(page: Page, token: string): Promise<Page> {
  await page.goto('/');
  await page.getByLabel('Nyckel').fill(token);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL('**/att-gora');
  return page;
}

/** Clicks the button `name` and waits for the answer to the form's POST. */
export async function submit(page: Page, name: string) {
  const [response] = await Promise.all([page.waitForResponse((candidate) => candidate.request().method() === 'POST'), page.getByRole('button', { name, exact: true }).click()]);
  await page.waitForLoadState();
  return response;
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's WCAG 2.1 A and AA rules over the page as it is. The page's CSP allows no script, so
 * the page must come from a context made with `bypassCSP: true` for axe to be injected.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.addScriptTag({ path: AXE_PATH });
  // A string: the tests compile without the DOM's types, and this runs in the page.
  const violations = (await page.evaluate(`
    axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} } }).then((result) =>
      result.violations.map((violation) => ({
        id: violation.id,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target })),
      })))`)) as AxeViolation[];
  expect(violations, `axe on ${page.url()}`).toEqual([]);
}
