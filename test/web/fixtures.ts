// What the web tests share: a client that keeps cookies as `curl -c jar -b jar` does, the CSRF
// token read from a form, and insatser made over the API as a kvl makes them.
import { expect } from 'vitest';
import type { Harness } from '../api/harness';
import { eventually } from '../helpers/wait';

export interface JarClient {
  cookies: Map<string, string>;
  /** The Set-Cookie headers of the last answer, as sent. */
  lastSetCookies: string[];
  get(path: string): Promise<Response>;
  post(path: string, form: Record<string, string>): Promise<Response>;
}

export function jarClient(baseUrl: string): JarClient {
  const cookies = new Map<string, string>();
  const client: JarClient = {
    cookies,
    lastSetCookies: [],
    get: (path) => send('GET', path),
    post: (path, form) => send('POST', path, form),
  };
  async function send(method: string, path: string, form?: Record<string, string>): Promise<Response> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(cookies.size > 0 ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    client.lastSetCookies = response.headers.getSetCookie();
    for (const header of client.lastSetCookies) {
      const [pair = ''] = header.split(';');
      const [name = '', ...value] = pair.split('=');
      if (/max-age=0(;|$)/i.test(header)) cookies.delete(name);
      else cookies.set(name, value.join('='));
    }
    return response;
  }
  return client;
}

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

/** Signs `client` in with an API key, as a script would: GET /, then the form's POST. */
export async function signIn(client: JarClient, apiKey: string): Promise<void> {
  const form = await (await client.get('/')).text();
  const response = await client.post('/logga-in', { apiKey, _csrf: csrfOf(form)! });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/att-gora');
}

/** An AMI2 insats aktualiserad on `aktualiseringsdatum` (bemanning due the next working day), with its deadlines stored. */
export async function aktualiseradInsats(api: Harness, { as, id, anordnare, kvl = 'k1', aktualiseringsdatum }: { as: string; id: string; anordnare: string; kvl?: string; aktualiseringsdatum: string }) {
  const response = await api.request('POST', '/api/insatser', {
    as,
    body: { id, insatstyp: 'AMI2', beslutsdatum: '2025-12-12', aktualiseringsdatum, anordnare, kvl, kundId: `kund-${id}`, kund: { alder: 30, ekonomisktBistand: true } },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  await eventually(async () => ((await api.database.deadline.count({ where: { insatsId: id, rule: 'bemanning' } })) > 0 ? true : undefined));
}

export const eventsOf = (api: Harness, insatsId: string) => api.database.insatsEvent.count({ where: { insatsId } });
