// The calendar feed, which answers without an API key, is rate-limited like the API: per client
// address, 429 problem+json past the limit, for guessed and valid tokens alike, and on a budget of
// its own, so the feed's callers do not use up the API keys' limit.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../api/api-keys';
import { createDatabase, type Database } from '../../platform/database';
import { startDatabaseOnlyApp } from './database-only-app';

let database: Database;
let closeServer: (() => void) | undefined;
let baseUrl: string;

beforeAll(async () => {
  database = createDatabase(inject('databaseUrl'));
  ({ baseUrl, close: closeServer } = await startDatabaseOnlyApp(database, { rateLimitPerMinute: 3 }));
});
afterAll(async () => {
  closeServer?.();
  await database?.$disconnect();
});

describe('the calendar feed’s rate limit', () => {
  it('answers the fourth feed request in a minute from one address with 429, a valid token too, and leaves the API keys’ limit alone', async () => {
    const key = await createApiKey(database, { role: 'operator' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      statuses.push((await fetch(`${baseUrl}/api/calendar/kvcal_guessed${attempt}guessedguessedguessedguessed.ics`)).status);
    }
    const limited = await fetch(`${baseUrl}/api/calendar/${key.calendarToken}.ics`);
    statuses.push(limited.status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(await limited.json()).toMatchObject({ status: 429, title: 'Too many requests', detail: 'more than 3 requests a minute from this address' });
    expect(limited.headers.get('ratelimit-policy')).toBeTruthy();

    expect((await fetch(`${baseUrl}/api/deadlines`, { headers: { authorization: `Bearer ${key.token}` } })).status).toBe(200);
  });
});
