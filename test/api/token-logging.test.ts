// No token reaches the log in any encoding: the request log of calendar URLs with the token raw,
// percent-encoded (either case, twice, every character), repeated and in a query string, of API
// tokens in a path or `?access_token=`, and what the problem handler logs (an error, a reason).
// The service's logger is rebuilt with its own options on a stream this file reads.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createApiKey } from '../../api/api-keys';
import { createDatabase, type Database } from '../../platform/database';
import { logger } from '../../platform/logger';
import { eventually } from '../helpers/wait';
import { startDatabaseOnlyApp } from './database-only-app';

const logged = vi.hoisted(() => [] as string[]);
vi.mock('../../platform/logger', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../platform/logger')>();
  const { pino } = await import('pino');
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  const options = (actual as { loggerOptions?: object }).loggerOptions ?? {};
  return { ...actual, logger: pino({ ...options, level: 'info' }, stream) };
});

let database: Database;
let closeServer: (() => void) | undefined;
let baseUrl: string;
let calendarToken: string;
let apiToken: string;

beforeAll(async () => {
  database = createDatabase(inject('databaseUrl'));
  ({ calendarToken, token: apiToken } = await createApiKey(database, { role: 'anordnare', anordnare: 'log-a' }));
  ({ baseUrl, close: closeServer } = await startDatabaseOnlyApp(database, { rateLimitPerMinute: 100_000 }));
});
afterAll(async () => {
  closeServer?.();
  await database?.$disconnect();
});

const secretOf = (token: string) => token.slice(token.indexOf('_') + 1);
const decodedFully = (text: string) => {
  let current = text;
  for (let round = 0; round < 5; round += 1) current = current.replace(/%([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return current;
};
const everyCharEncoded = (text: string) => [...text].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** The request's log line, once pino-http wrote it on the response's finish. */
async function requestLog(path: string): Promise<string> {
  const requestId = `log-${randomBytes(6).toString('hex')}`;
  await (await fetch(`${baseUrl}${path}`, { headers: { 'x-request-id': requestId } })).arrayBuffer();
  return eventually(() => logged.find((line) => line.includes(`"id":"${requestId}"`)), 5_000, `the log line of ${path}`);
}

function expectNoSecret(line: string, secret: string) {
  expect(line).not.toContain(secret);
  expect(decodedFully(line)).not.toContain(secret);
}

describe('the request log', () => {
  it('shows a calendar URL without its token, whatever its encoding', async () => {
    const secret = secretOf(calendarToken);
    const paths = [
      `/api/calendar/${calendarToken}.ics`,
      `/api/calendar/kvcal%5F${secret}.ics`,
      `/api/calendar/kvcal%5f${secret}.ics`,
      `/api/calendar/kvcal%255F${secret}.ics`,
      `/api/calendar/${everyCharEncoded(calendarToken)}.ics`,
      `/api/calendar/${calendarToken}.ics?again=${calendarToken}&${calendarToken}`,
      `/API/Calendar/${calendarToken}.ics`,
      `/api/%63alendar/${calendarToken}.ics`,
      `/api/calendar/${secret}.ics`,
    ];
    const lines = new Map<string, string>();
    for (const path of paths) lines.set(path, await requestLog(path));
    for (const line of lines.values()) expectNoSecret(line, secret);
    for (const [path, line] of lines) expect(JSON.parse(line).req.url, path).toMatch(/^\/api\/[^/]+\/\[redacted\]($|\?)/i);
    expect(JSON.parse(await requestLog(`/api/calendar/${calendarToken}.ics?again=${calendarToken}&${calendarToken}`)).req.url).toBe(
      '/api/calendar/[redacted]?again=[redacted]&[redacted]',
    );
  });

  it('shows query-string names only, and no API token in a path or a query string', async () => {
    const secret = secretOf(apiToken);
    const cases: [string, string][] = [
      [`/api/insatser?access_token=${apiToken}`, '/api/insatser?access_token=[redacted]'],
      [`/api/deadlines?access_token=kv%5F${secret}&limit=5`, '/api/deadlines?access_token=[redacted]&limit=[redacted]'],
      [`/api/insatser/${apiToken}`, '/api/insatser/[redacted]'],
      [`/api/insatser/kv%255F${secret}/timeline`, '/api/insatser/[redacted]/timeline'],
      [`/api/insatser?${secret}=1`, '/api/insatser?[redacted]=[redacted]'],
    ];
    const lines = await Promise.all(cases.map(([path]) => requestLog(path)));
    for (const line of lines) expectNoSecret(line, secret);
    expect(lines.map((line) => JSON.parse(line).req.url)).toEqual(cases.map(([, shown]) => shown));
  });
});

describe('what the problem handler logs', () => {
  it('an error or a reason that quotes a URL with a token, raw or encoded, is logged without it', async () => {
    const secret = secretOf(calendarToken);
    const before = logged.length;
    logger.error({ err: new Error(`GET /api/calendar/kvcal%5F${secret}.ics failed`), requestId: 'r1' }, 'request failed');
    logger.warn({ requestId: 'r2', reason: `connect ECONNREFUSED for ${calendarToken}` }, 'backend unreachable');
    logger.error(`request failed: ${everyCharEncoded(calendarToken)}`);
    const lines = logged.slice(before);
    expect(lines).toHaveLength(3);
    for (const line of lines) expectNoSecret(line, secret);
    expect(JSON.parse(lines[0]!).err.message).toContain('[redacted].ics failed');
  });
});
