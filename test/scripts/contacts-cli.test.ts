// `npm run contacts` as an operator runs it, in a child process against a database of its own:
// set, change, list and remove addresses; bad input exits 2 with the reason and changes nothing.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../../platform/database';
import { createScratchDatabase, type ScratchDatabase } from '../../platform/scratch-database';

let scratch: ScratchDatabase;
let database: Database;

beforeAll(async () => {
  scratch = await createScratchDatabase(inject('databaseUrl'), `kundval_contacts_cli_${Date.now()}_${process.pid}`);
  database = createDatabase(scratch.url);
});
afterAll(async () => {
  await database?.$disconnect();
  await scratch?.drop();
});

/** Runs `npm run contacts -- <args>` (what the script runs: tsx scripts/contacts.ts). */
function contacts(args: string[], databaseUrl = scratch.url): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/contacts.ts', ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

const rows = () => database.contact.findMany({ orderBy: [{ role: 'asc' }, { actorId: 'asc' }] });

describe('npm run contacts', () => {
  it('sets, changes, lists and removes addresses', async () => {
    expect(await contacts(['set', 'kvl', 'k1', 'karin@nacka.example'])).toMatchObject({ code: 0, stdout: 'set kvl k1: karin@nacka.example (digest)\n' });
    expect(await contacts(['set', 'kvl', 'k1', 'karin@nacka.example', '--preference', 'immediate'])).toMatchObject({ code: 0, stdout: 'changed kvl k1: karin@nacka.example (immediate)\n' });
    // A new address keeps the preference.
    expect(await contacts(['set', 'kvl', 'k1', 'karin.kvl@nacka.example'])).toMatchObject({ code: 0, stdout: 'changed kvl k1: karin.kvl@nacka.example (immediate)\n' });
    expect(await contacts(['set', 'kvl', 'k1', 'karin.kvl@nacka.example', '--preference', 'weekly'])).toMatchObject({ code: 2, stderr: expect.stringContaining('preference') });
    expect((await contacts(['set', 'arbetsledare', 'arbetsledare', 'arbetsledare@nacka.example'])).code).toBe(0);
    const listed = await contacts(['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').filter(Boolean).map((line) => line.split(/\s+/))).toEqual([
      ['arbetsledare', 'arbetsledare', 'arbetsledare@nacka.example', 'digest'],
      ['kvl', 'k1', 'karin.kvl@nacka.example', 'immediate'],
    ]);

    expect(await contacts(['remove', 'kvl', 'k1'])).toMatchObject({ code: 0, stdout: 'removed kvl k1\n' });
    expect(await contacts(['remove', 'kvl', 'k1'])).toMatchObject({ code: 1, stderr: 'no contact for kvl k1\n' });
    expect(await rows()).toEqual([{ role: 'arbetsledare', actorId: 'arbetsledare', email: 'arbetsledare@nacka.example', preference: 'digest' }]);
  });

  it('exits 2 on bad input, naming the field, and changes nothing', async () => {
    const before = await rows();
    const cases: [string[], string][] = [
      [['set', 'kvl', 'k1', 'karin at nacka'], 'email: must be an e-mail address'],
      [['set', 'kund', 'k1', 'kund@nacka.example'], 'role: Invalid option'],
      [['set', 'kundkoordinator', 'kim', 'kim@nacka.example'], 'actorId: kundkoordinator has one address, under the actor id "kundkoordinator"'],
      [['set', 'kvl', 'k 1', 'karin@nacka.example'], 'actorId: must be'],
      [['set', 'kvl', 'k1'], 'set takes 3 arguments, got 2'],
      [['remove', 'operator', 'someone'], 'actorId: operator has one address'],
      [['rename'], 'unknown command "rename"'],
      [[], 'no command'],
    ];
    for (const [args, reason] of cases) {
      const result = await contacts(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(reason);
      expect(result.stderr).toContain('usage:');
    }
    expect(await rows()).toEqual(before);
  });

  it('checks the input before it opens the database', async () => {
    const result = await contacts(['set', 'kvl', 'k1', 'nope'], 'postgresql://postgres@127.0.0.1:1/none');
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('email: must be an e-mail address') });
  });
});
