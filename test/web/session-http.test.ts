// The pages over plain HTTP, as a script with a cookie jar uses them: sign-in at GET / and
// POST /logga-in (field apiKey and the form's CSRF token), Att göra listing the caller's insatser,
// the session's cookie, expiry and revocation, CSRF refusals, escaping, and /api left as it was.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../api/api-keys';
import { PAGE_CSP } from '../../web/page-headers';
import { SESSION_IDLE_MS } from '../../web/session-store';
import { startHarness, type Harness } from '../api/harness';
import { uniqueInsatsId } from '../helpers/temporal';
import { aktualiseradInsats, csrfOf, eventsOf, jarClient, signIn } from './fixtures';

let api: Harness;
const a = uniqueInsatsId('anordnare-a');
const b = uniqueInsatsId('anordnare-b');
const own = [uniqueInsatsId('web-a1'), uniqueInsatsId('web-a2')];
const others = uniqueInsatsId('web-b1');

beforeAll(async () => {
  api = await startHarness(inject('databaseUrl'), { kvl: { role: 'kvl', kvl: 'k1' }, anordnareA: { role: 'anordnare', anordnare: a }, anordnareB: { role: 'anordnare', anordnare: b } });
  for (const id of own) await aktualiseradInsats(api, { as: 'kvl', id, anordnare: a, aktualiseringsdatum: '2025-12-18' });
  await aktualiseradInsats(api, { as: 'kvl', id: others, anordnare: b, aktualiseringsdatum: '2025-12-18' });
});
afterAll(async () => {
  await api?.close();
});

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const sessionCount = () => api.database.webSession.count();

describe('signing in with a cookie jar', () => {
  it('GET / answers text/html with the sign-in form, its CSRF token and a Strict, HttpOnly nonce cookie', async () => {
    const client = jarClient(api.baseUrl);
    const response = await client.get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toMatch(/<form method="post" action="\/logga-in"/);
    expect(html).toMatch(/<input id="apiKey" name="apiKey"/);
    expect(csrfOf(html)).toMatch(/^[\w-]{43}$/);
    expect(client.lastSetCookies).toEqual([expect.stringMatching(/^kv_inloggning=[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=3600$/)]);
    // No script, frame or other origin: only the pages' own stylesheet and forms.
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('signs in with the form’s token and reads Att göra listing the caller’s insats ids and no one else’s', async () => {
    const client = jarClient(api.baseUrl);
    await signIn(client, api.token('anordnareA'));
    expect(client.lastSetCookies).toEqual(
      expect.arrayContaining([expect.stringMatching(/^kv_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/), expect.stringMatching(/^kv_inloggning=; .*Max-Age=0$/)]),
    );
    const page = await client.get('/att-gora');
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const id of own) expect(html).toContain(`<a href="/insatser/${id}">${id}</a>`);
    expect(html).not.toContain(others);
    expect(html).toMatch(/<title>Att göra: 2 försenade, 0 i dag, 0 denna vecka, \d+ senare – Kundval insatser<\/title>/);
  });

  it('stores only the hash of the session token, and neither the token nor the API key', async () => {
    const client = jarClient(api.baseUrl);
    await signIn(client, api.token('kvl'));
    const token = client.cookies.get('kv_session')!;
    const row = await api.database.webSession.findUnique({ where: { tokenHash: sha256(token) } });
    expect(row).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(api.token('kvl'));
  });

  it('refuses a wrong key with 401 and a Swedish message on the form, and starts no session', async () => {
    const client = jarClient(api.baseUrl);
    const form = await (await client.get('/')).text();
    const before = await sessionCount();
    const response = await client.post('/logga-in', { apiKey: 'kv_this-is-not-a-key-of-anyone', _csrf: csrfOf(form)! });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain('Nyckeln gäller inte.');
    expect(html).toContain('aria-invalid="true"');
    expect(client.cookies.has('kv_session')).toBe(false);
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a sign-in without the form’s CSRF token, or with another browser’s, with 403 and no session', async () => {
    const before = await sessionCount();
    const withoutToken = jarClient(api.baseUrl);
    await withoutToken.get('/');
    expect((await withoutToken.post('/logga-in', { apiKey: api.token('anordnareA') })).status).toBe(403);
    const elsewhere = await (await jarClient(api.baseUrl).get('/')).text();
    const otherBrowser = jarClient(api.baseUrl);
    await otherBrowser.get('/');
    expect((await otherBrowser.post('/logga-in', { apiKey: api.token('anordnareA'), _csrf: csrfOf(elsewhere)! })).status).toBe(403);
    const noCookie = jarClient(api.baseUrl);
    expect((await noCookie.post('/logga-in', { apiKey: api.token('anordnareA'), _csrf: csrfOf(elsewhere)! })).status).toBe(403);
    expect(await sessionCount()).toBe(before);
  });
});

describe('a session', () => {
  it('refuses an event posted without the session’s CSRF token (403) and records nothing', async () => {
    const client = jarClient(api.baseUrl);
    await signIn(client, api.token('anordnareA'));
    const before = await eventsOf(api, own[0]!);
    expect((await client.post(`/insatser/${own[0]}/handelser`, { type: 'bemannad' })).status).toBe(403);
    expect((await client.post(`/insatser/${own[0]}/handelser`, { type: 'bemannad', _csrf: 'forged-token' })).status).toBe(403);
    const stranger = jarClient(api.baseUrl);
    await signIn(stranger, api.token('anordnareB'));
    const strangersToken = csrfOf(await (await stranger.get('/att-gora')).text())!;
    expect((await client.post(`/insatser/${own[0]}/handelser`, { type: 'bemannad', _csrf: strangersToken })).status).toBe(403);
    expect(await eventsOf(api, own[0]!)).toBe(before);
  });

  it('shows the reason when the role may not record an event sent by hand (403), and records nothing', async () => {
    const client = jarClient(api.baseUrl);
    await signIn(client, api.token('anordnareA'));
    const csrf = csrfOf(await (await client.get(`/insatser/${own[1]}`)).text())!;
    const before = await eventsOf(api, own[1]!);
    const response = await client.post(`/insatser/${own[1]}/handelser`, { type: 'plan-godkand', _csrf: csrf });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Din roll får inte registrera händelsen: the role anordnare does not record plan-godkand.');
    const waiver = await client.post(`/insatser/${own[1]}/handelser`, { type: 'trepart-hallet', revideradPlanKravs: 'false', _csrf: csrf });
    expect(waiver.status).toBe(403);
    expect(await waiver.text()).toContain('is a decision of the kvl or arbetsledare (2023 §6.5)');
    expect(await eventsOf(api, own[1]!)).toBe(before);
  });

  it('answers another anordnare’s insats with the 404 page of an insats that does not exist, and records nothing on it', async () => {
    const client = jarClient(api.baseUrl);
    await signIn(client, api.token('anordnareA'));
    const theirs = await client.get(`/insatser/${others}`);
    const missing = await client.get('/insatser/finns-inte');
    expect(theirs.status).toBe(404);
    expect(theirs.headers.get('content-type')).toMatch(/^text\/html/);
    const [theirsHtml, missingHtml] = [await theirs.text(), await missing.text()];
    expect(theirsHtml).toContain('<h1>Sidan finns inte</h1>');
    expect(theirsHtml).toBe(missingHtml);
    const csrf = csrfOf(theirsHtml)!;
    expect((await client.post(`/insatser/${others}/handelser`, { type: 'bemannad', _csrf: csrf })).status).toBe(404);
    expect(await eventsOf(api, others)).toBe(0);
  });

  it('escapes what the query string brings into the page', async () => {
    const client = jarClient(api.baseUrl);
    await signIn(client, api.token('kvl'));
    const html = await (await client.get(`/att-gora?anordnare=${encodeURIComponent('<script>alert(1)</script>')}`)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('ends at sign-out: the row is deleted and pages send the browser to sign in again', async () => {
    const client = jarClient(api.baseUrl);
    await signIn(client, api.token('kvl'));
    const token = client.cookies.get('kv_session')!;
    const csrf = csrfOf(await (await client.get('/att-gora')).text())!;
    const out = await client.post('/logga-ut', { _csrf: csrf });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/');
    expect(await api.database.webSession.count({ where: { tokenHash: sha256(token) } })).toBe(0);
    client.cookies.set('kv_session', token);
    const after = await client.get('/att-gora');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/');
  });

  it('ends when its key is revoked, at the next request', async () => {
    const key = await createApiKey(api.database, { role: 'anordnare', anordnare: a });
    const client = jarClient(api.baseUrl);
    await signIn(client, key.token);
    expect((await client.get('/att-gora')).status).toBe(200);
    expect(await revokeApiKey(api.database, key.id)).toBe(true);
    const after = await client.get('/att-gora');
    expect(after.status).toBe(303);
    expect(await api.database.webSession.count({ where: { subject: key.id } })).toBe(0);
    const form = await (await client.get('/')).text();
    expect((await client.post('/logga-in', { apiKey: key.token, _csrf: csrfOf(form)! })).status).toBe(401);
  });

  it('ends after the idle time without a request, and at its absolute end however active', async () => {
    type Row = { lastSeenAt: Date; createdAt: Date };
    const ends: ((row: Row) => Partial<Row & { expiresAt: Date }>)[] = [
      (row) => ({ lastSeenAt: new Date(row.lastSeenAt.getTime() - SESSION_IDLE_MS - 60_000) }),
      (row) => ({ expiresAt: row.createdAt }),
    ];
    for (const end of ends) {
      const client = jarClient(api.baseUrl);
      await signIn(client, api.token('anordnareA'));
      expect((await client.get('/att-gora')).status).toBe(200);
      const tokenHash = sha256(client.cookies.get('kv_session')!);
      const row = await api.database.webSession.findUniqueOrThrow({ where: { tokenHash } });
      await api.database.webSession.update({ where: { tokenHash }, data: end(row) });
      expect((await client.get('/att-gora')).status).toBe(303);
      expect(await api.database.webSession.count({ where: { tokenHash } })).toBe(0);
    }
  });
});

describe('/api beside the pages', () => {
  it('keeps its problem+json answers: 401 without a key even with a page session, 404 for an unknown path', async () => {
    const client = jarClient(api.baseUrl);
    await signIn(client, api.token('anordnareA'));
    const withCookie = await client.get('/api/insatser');
    expect(withCookie.status).toBe(401);
    expect(withCookie.headers.get('content-type')).toContain('application/problem+json');
    const unknown = await api.request('GET', '/api/no-such-route', { as: 'anordnareA' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.headers.get('content-security-policy')).not.toBe(PAGE_CSP);
    expect(((await unknown.json()) as { detail: string }).detail).toBe('no route for GET /api/no-such-route');
  });
});
