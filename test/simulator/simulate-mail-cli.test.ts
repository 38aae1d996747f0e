// `npm run simulate -- <file> --mail` as a user runs it, in a child process, on the digest over
// several insatser (scenarios/digest-flera-insatser.yaml): the text lists each recipient's
// e-mails day by day with their items; `--json --mail` prints the timeline and the e-mails in one
// object that follows the documented format exactly.
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../domain/calendar';
import { flerInsatserEntrySchema, simulate, timelineAndMailSchema, timelineEntrySchema } from './simulate-cli';

const FILE = 'scenarios/digest-flera-insatser.yaml';
const INSATSER = ['D-AMI1-A', 'D-AMI1-B', 'D-AMI1-C', 'D-AMI2-D'];

describe(`npm run simulate -- ${FILE} --json --mail`, () => {
  it('prints the timeline, each entry naming its insats, and the e-mails, in the documented format', { timeout: 120_000 }, async () => {
    const { code, stdout, stderr } = await simulate(FILE, '--json', '--mail');
    expect(stderr).not.toContain('warning:');
    expect(code).toBe(0);
    const { timeline, mail } = timelineAndMailSchema(flerInsatserEntrySchema).parse(JSON.parse(stdout));
    expect(new Set(timeline.map((entry) => entry.insatsId))).toEqual(new Set(INSATSER));
    const instants = timeline.map((entry) => Date.parse(entry.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));

    // With the digest on: one e-mail per recipient and working day, at 08:00, in time order.
    expect(mail.map((entry) => entry.kind)).toEqual(mail.map(() => 'digest'));
    for (const entry of mail) {
      expect(entry.at.slice(11, 19), `${entry.to} ${entry.at}`).toBe('08:00:00');
      expect(isWorkingDay(entry.at.slice(0, 10)), entry.at).toBe(true);
    }
    const perRecipientAndDay = mail.map((entry) => `${entry.to} ${entry.at.slice(0, 10)}`);
    expect(new Set(perRecipientAndDay).size).toBe(perRecipientAndDay.length);
    const mailInstants = mail.map((entry) => Date.parse(entry.at));
    expect(mailInstants).toEqual([...mailInstants].sort((a, b) => a - b));

    expect(mail.find((entry) => entry.to === 'anordnare:a1' && entry.at === '2025-03-04T08:00:00+01:00')).toEqual({
      at: '2025-03-04T08:00:00+01:00',
      to: 'anordnare:a1',
      subject: 'Kundval insatser: 2 att göra denna vecka',
      kind: 'digest',
      items: expect.arrayContaining([
        { insatsId: 'D-AMI1-A', rule: 'bemanning', step: 'due-reminder', due: '2025-03-04' },
        { insatsId: 'D-AMI1-B', rule: 'bemanning', step: 'due-reminder', due: '2025-03-04' },
      ]),
    });
    // Every reminder and escalation of the timeline reached its recipient in that day's e-mail.
    const sent = new Set(mail.flatMap((entry) => entry.items.map((item) => `${entry.to} ${entry.at.slice(0, 10)} ${item.insatsId} ${item.rule} ${item.due}`)));
    const told = timeline
      .filter((entry) => entry.kind === 'reminder' || entry.kind === 'escalation')
      .map((entry) => `${entry.to!.join(',')} ${entry.at.slice(0, 10)} ${entry.insatsId} ${entry.rule} ${entry.due}`);
    expect(told.length).toBeGreaterThan(0);
    expect(told.filter((line) => !sent.has(line))).toEqual([]);
  });
});

describe(`npm run simulate -- ${FILE} --mail`, () => {
  it('prints the timeline with an insats column, then each recipient\'s e-mails day by day with their items', { timeout: 120_000 }, async () => {
    const { code, stdout } = await simulate(FILE, '--mail');
    expect(code).toBe(0);
    const [table, mail] = stdout.split('\n\nE-mails, per recipient and day:\n\n');
    expect(table!.split('\n')[0]).toMatch(/^at\s+insats\s+kind\s+rule\s+due\s+to/);
    expect(table).toMatch(/^2025-03-04T08:00:00\+01:00\s+D-AMI1-A\s+reminder\s+bemanning\s+2025-03-04\s+anordnare:a1$/m);
    expect(mail, 'the e-mail section').toBeDefined();

    const lines = mail!.trimEnd().split('\n');
    // The recipients in order, unindented; each one's days under it; each e-mail under its day.
    expect(lines.filter((line) => !line.startsWith(' '))).toEqual(['anordnare:a1', 'arbetsledare', 'kvl:k1']);
    const anordnare = lines.slice(1, lines.indexOf('arbetsledare'));
    const firstDay = anordnare.slice(anordnare.indexOf('  2025-03-04'), anordnare.indexOf('  2025-03-05'));
    expect(firstDay[0]).toBe('  2025-03-04');
    expect(firstDay[1]).toMatch(/^ {4}08:00 {2}digest {2}Kundval insatser: 2 att göra denna vecka$/);
    expect(firstDay.slice(2).map((line) => line.trim().split(/\s+/)).sort()).toEqual([
      ['D-AMI1-A', 'bemanning', 'due-reminder', 'due', '2025-03-04'],
      ['D-AMI1-B', 'bemanning', 'due-reminder', 'due', '2025-03-04'],
    ]);
    // No e-mail at the weekend: the days listed are working days only.
    const days = lines.filter((line) => /^ {2}\d{4}-\d{2}-\d{2}$/.test(line)).map((line) => line.trim());
    expect(days.filter((day) => day === '2025-03-08' || day === '2025-03-09' || day === '2025-03-15' || day === '2025-03-16')).toEqual([]);
    expect(days).toContain('2025-03-24');
  });
});

describe('npm run simulate -- scenarios/jpg-brist.yaml --json --mail (one insats, on the daily digest)', () => {
  it('keeps the timeline as before, naming no insats, and mails each thing told of at most once, in digests', { timeout: 120_000 }, async () => {
    const { code, stdout } = await simulate('scenarios/jpg-brist.yaml', '--json', '--mail');
    expect(code).toBe(0);
    const { timeline, mail } = timelineAndMailSchema(timelineEntrySchema).parse(JSON.parse(stdout));
    expect(timeline.some((entry) => 'insatsId' in entry)).toBe(false);
    const toldOf = timeline.filter((entry) => entry.kind === 'reminder' || entry.kind === 'escalation');
    const mailed = mail.flatMap((entry) => entry.items.filter((item) => item.step !== 'notice'));
    expect(mailed.length).toBeGreaterThan(0);
    // Each mailed item is one the rules decided (on the timeline), and none is mailed twice.
    expect(mailed.every((item) => toldOf.some((entry) => entry.rule === item.rule && entry.due === item.due))).toBe(true);
    const keys = mailed.map((item) => `${item.rule}/${item.due}/${item.step}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(mail.every((entry) => entry.kind === 'digest' || entry.kind === 'urgent')).toBe(true);
    expect(mail.find((entry) => entry.items.some((item) => item.step === 'notice' && item.rule === 'manadsrapport'))).toBeDefined();
  });
});
