// `npm run import` as an operator runs it, in a child process against the Temporal dev server: a
// CSV file and a JSON file of running insatser, one printed line per row and a summary; a second
// run says `exists` and changes nothing; exit 0 with no refused line, 1 with some, 2 on a file it
// cannot read. Asserted through the Temporal client: the start itself needs no worker.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insatsWorkflowId } from '../../workflows/ids';
import { TEST_PAYLOAD_KEYS, testDataConverter } from '../helpers/payload-keys';
import { startDevServer, uniqueInsatsId } from '../helpers/temporal';
import { startInputOf } from '../helpers/workflow-input';

let env: TestWorkflowEnvironment;
let folder: string;

beforeAll(async () => {
  env = await startDevServer({ dataConverter: testDataConverter });
  folder = mkdtempSync(join(tmpdir(), 'kundval-import-'));
});
afterAll(async () => {
  await env?.teardown();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Runs `npm run import -- <file>` (what the script runs: tsx scripts/import.ts). */
function runImport(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/import.ts', file],
      { env: { ...process.env, TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default', SETTINGS_FILE: '', PAYLOAD_KEYS: TEST_PAYLOAD_KEYS }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const runId = async (id: string) => (await env.client.workflow.getHandle(insatsWorkflowId(id)).describe()).runId;
const notStarted = (id: string) => expect(env.client.workflow.getHandle(insatsWorkflowId(id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

describe('npm run import -- file.csv', () => {
  it('prints one line per row and a summary, exits 1 for the refused rows, and says exists on a second run', async () => {
    const running = uniqueInsatsId('csv-fjp');
    const wrongYear = uniqueInsatsId('csv-1978');
    const badCell = uniqueInsatsId('csv-bad');
    const file = write(
      'insatser.csv',
      [
        'id,insatstyp,beslutsdatum,aktualiseringsdatum,slutdatum,praktikBehov,anordnare,kvl,kundId,kund.alder,kund.ekonomisktBistand,kund.arbetsformaga,kund.nackabo,progress.bemannadOn,progress.uppdragInlagtOn,progress.planGodkandOn,progress.reportedThrough,progress.lastTrepartOn,progress.arbetsplatsStartadOn,progress.omprovningOn',
        `${running},FJP,2023-10-02,2025-12-01,,false,a1,k1,kund-1,30,true,50,true,2023-10-04,2023-10-05,2023-10-30,2025-10,2025-09-15,,`,
        `${wrongYear},FJP,1978-03-17,2025-12-01,,,a1,k1,kund-2,30,true,,,,,,,,,`,
        '',
        `${badCell},AMI2,2025-11-03,2025-12-01,,,a1,k1,kund-3,30,ja,,,,,,,,,`,
      ].join('\n'),
    );

    const first = await runImport(file);
    expect(first.stderr).toBe('');
    expect(first.stdout.trim().split('\n')).toEqual([
      `line 2 ${running} created`,
      expect.stringMatching(new RegExp(`^line 3 ${wrongYear} refused: beslutsdatum 1978-03-17 is before 2023-01-01`)),
      expect.stringMatching(new RegExp(`^line 5 ${badCell} refused: kund\\.ekonomisktBistand: `)),
      '3 lines: 1 created, 0 exists, 2 refused',
    ]);
    expect(first.code).toBe(1);
    // Empty cells are absent (no slutdatum, no arbetsplatsStartadOn); booleans and numbers are read as such.
    const input = await startInputOf(env.client, running);
    expect(input).toMatchObject({ insatstyp: 'FJP', rulebook: '2023', beslutsdatum: '2023-10-02', aktualiseringsdatum: '2025-12-01', praktikBehov: false, anordnare: 'a1', kvl: 'k1' });
    expect(input.kund).toEqual({ ekonomisktBistand: true, arbetsformaga: 50 });
    expect(input.progress).toEqual({ bemannadOn: '2023-10-04', uppdragInlagtOn: '2023-10-05', planGodkandOn: '2023-10-30', reportedThrough: '2025-10', lastTrepartOn: '2025-09-15' });
    expect(input).not.toHaveProperty('slutdatum');
    await notStarted(wrongYear);
    await notStarted(badCell);
    const before = await runId(running);

    const second = await runImport(file);
    expect(second.stdout.trim().split('\n')).toEqual([
      `line 2 ${running} exists`,
      expect.stringMatching(new RegExp(`^line 3 ${wrongYear} refused: `)),
      expect.stringMatching(new RegExp(`^line 5 ${badCell} refused: `)),
      '3 lines: 0 created, 1 exists, 2 refused',
    ]);
    expect(second.code).toBe(1);
    expect(await runId(running)).toBe(before);
    await notStarted(wrongYear);
  });

  it('reads a spreadsheet’s semicolons, byte-order mark and decimal comma; a row with cells missing is refused on its own', async () => {
    const id = uniqueInsatsId('csv-semi');
    const short = uniqueInsatsId('csv-short');
    const file = write(
      'excel.csv',
      `\uFEFFid;insatstyp;beslutsdatum;aktualiseringsdatum;anordnare;kvl;kundId;kund.alder;kund.ekonomisktBistand;kund.arbetsformaga\r\n` +
        `${id};AMI2;2025-11-03;2025-12-01;a1;k1;kund-4;30;TRUE;37,5\r\n` +
        `${short};AMI2;2025-11-03\r\n`,
    );
    const result = await runImport(file);
    expect(result.stdout.trim().split('\n')).toEqual([`line 2 ${id} created`, `line 3 ${short} refused: the row has 3 cells, the header 10`, '2 lines: 1 created, 0 exists, 1 refused']);
    expect(result.code).toBe(1);
    expect((await startInputOf(env.client, id)).kund).toEqual({ ekonomisktBistand: true, arbetsformaga: 37.5 });
    await notStarted(short);
  });
});

describe('npm run import -- file.json', () => {
  it('creates every line, exits 0, and a second run says exists for each', async () => {
    const ids = [uniqueInsatsId('json-a'), uniqueInsatsId('json-b')];
    const lines = ids.map((id, index) => ({
      id, insatstyp: 'FJP', beslutsdatum: '2023-10-02', aktualiseringsdatum: '2025-12-01', anordnare: 'a1', kvl: `k${index + 1}`, kundId: `kund-${id}`,
      kund: { alder: 30, ekonomisktBistand: true }, progress: { bemannadOn: '2023-10-04', reportedThrough: '2025-11' },
    }));
    const file = write('insatser.json', JSON.stringify(lines));

    const first = await runImport(file);
    expect(first.stdout.trim().split('\n')).toEqual([`line 1 ${ids[0]} created`, `line 2 ${ids[1]} created`, '2 lines: 2 created, 0 exists, 0 refused']);
    expect(first.code).toBe(0);
    expect((await startInputOf(env.client, ids[1]!)).progress).toEqual({ bemannadOn: '2023-10-04', reportedThrough: '2025-11' });
    const before = await Promise.all(ids.map(runId));

    const second = await runImport(file);
    expect(second.stdout.trim().split('\n')).toEqual([`line 1 ${ids[0]} exists`, `line 2 ${ids[1]} exists`, '2 lines: 0 created, 2 exists, 0 refused']);
    expect(second.code).toBe(0);
    expect(await Promise.all(ids.map(runId))).toEqual(before);
  });
});

describe('a file it cannot read', () => {
  it('exits 2 with the reason and starts nothing: no file, not JSON, not an array, an unknown column, another extension', async () => {
    const id = uniqueInsatsId('unreadable');
    const cases: [string, RegExp][] = [
      [join(folder, 'missing.csv'), /cannot read .*missing\.csv: ENOENT/],
      [write('broken.json', `[{"id": "${id}",`), /not JSON/],
      [write('object.json', `{"id": "${id}"}`), /must be an array/],
      [write('unknown.csv', `id,insatstyp,kund.name\n${id},AMI2,Anna\n`), /unknown column "kund\.name"; the columns are id, insatstyp, /],
      [write('insatser.txt', `id\n${id}\n`), /must end in \.csv or \.json/],
    ];
    for (const [file, reason] of cases) {
      const result = await runImport(file);
      expect(result.code, file).toBe(2);
      expect(result.stderr, file).toMatch(reason);
      expect(result.stdout, file).toBe('');
    }
    await notStarted(id);
  });
});
