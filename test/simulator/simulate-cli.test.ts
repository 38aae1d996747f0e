// `npm run simulate` as a user runs it, in a child process: the --json timeline of the 12-month
// AMI2 follows the documented entry format exactly (its run time is a figure of `npm run bench`,
// bench/measure-simulate.ts, not a wall-clock assertion here); a malformed scenario exits with code 2 naming the bad field; an unconfigured AMI month amount
// gives `amount: null` and a warning on stderr.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate, timelineSchema } from './simulate-cli';

/** stdout as the one JSON array it is. */
function timelineJson(stdout: string): unknown {
  return JSON.parse(stdout);
}

describe('npm run simulate -- scenarios/ami2-happy-path.yaml --json', () => {
  let result: Awaited<ReturnType<typeof simulate>>;

  it('prints one JSON array of timeline entries that follow the format exactly, in time order', async () => {
    result = await simulate('scenarios/ami2-happy-path.yaml', '--json');
    expect(result.stderr).not.toContain('warning:');
    expect(result.code).toBe(0);
    const timeline = timelineSchema.parse(timelineJson(result.stdout));
    const instants = timeline.map((entry) => Date.parse(entry.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    // The whole twelve months and the month after: from the aktualisering to the last payment.
    expect(timeline[0]!.at.slice(0, 10)).toBe('2025-01-13');
    expect(timeline.at(-1)).toMatchObject({ kind: 'payment', month: '2026-01', amount: 2800 });
    expect(timeline.filter((entry) => entry.kind === 'payment')).toHaveLength(13);
  });

  it('prints nothing but the JSON array on stdout, so it can be piped', () => {
    expect(result, 'the run above').toBeDefined();
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });
});

describe('npm run simulate with a malformed scenario', () => {
  const folder = mkdtempSync(join(tmpdir(), 'simulate-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('exits with code 2 and names the path of each bad field on stderr', async () => {
    const file = join(folder, 'bad.yaml');
    writeFileSync(
      file,
      [
        'insats:',
        '  id: BAD-1',
        '  typ: AMI3',
        '  beslutsdatum: "2025-01-13"',
        '  anordnare: a1',
        '  kvl: k1',
        '  kund: { id: kund-1, alder: 30, ekonomisktBistand: true }',
        'events:',
        '  - { at: "2025-01-13T09:00", type: aktualiserad }',
        '  - { at: "2025-01-14T10:00", type: bemannad }',
        '  - { at: "2025-02-05T10:00", type: manadsrapport-klar, month: "2025-13" }',
        'until: "2025-03-01"',
        '',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await simulate(file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('malformed scenario');
    expect(stderr).toMatch(/^\s*insats\.typ: /m);
    expect(stderr).toMatch(/^\s*events\.2\.month: must be a month, YYYY-MM$/m);
  });

  it('exits with code 2 for a misspelt setting under config, naming it', async () => {
    const file = join(folder, 'bad-config.yaml');
    writeFileSync(
      file,
      [
        'insats: { id: BAD-2, typ: AMI2, beslutsdatum: "2025-01-13", anordnare: a1, kvl: k1, kund: { id: kund-1, alder: 30, ekonomisktBistand: true } }',
        'config: { payments: { monthAmount: { AMI2: 7000 } } }',
        'events: [{ at: "2025-01-13T09:00", type: aktualiserad }]',
        'until: "2025-01-14"',
        '',
      ].join('\n'),
    );
    const { code, stderr } = await simulate(file);
    expect(stderr).toContain('payments.monthAmount');
    expect(code).toBe(2);
  });

  it('exits with code 2 for a file that is not YAML', async () => {
    const file = join(folder, 'not-yaml.yaml');
    writeFileSync(file, 'insats: [unclosed\n');
    const { code, stderr } = await simulate(file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file} is not valid YAML`);
  });
});

describe('npm run simulate without an AMI month amount (scenarios/ami1-utan-manadsbelopp.yaml)', () => {
  it('prints amount null for the payment and a warning naming the setting on stderr (2024: amounts from the authorisation terms)', async () => {
    const { code, stdout, stderr } = await simulate('scenarios/ami1-utan-manadsbelopp.yaml', '--json');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^warning: .*settings\.payments\.monthAmounts\.AMI1/m);
    const payments = timelineSchema.parse(timelineJson(stdout)).filter((entry) => entry.kind === 'payment');
    expect(payments).toEqual([expect.objectContaining({ month: '2025-09', amount: null })]);
  });
});
