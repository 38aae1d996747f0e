// The text of a digest (activities/digest-mail.ts over domain/digest.ts): Swedish, grouped, the
// reader's own late items first, every value escaped in the HTML.
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { digestMail, immediateMail } from '../../activities/digest-mail';
import { defaultDigestSettings, type OutboxItem } from '../../domain';

const kvl = { role: 'kvl' as const, id: 'k1' };
const anordnare = { role: 'anordnare' as const, id: 'a1' };
const item = (overrides: Partial<OutboxItem>): OutboxItem => ({
  insatsId: 'J-1',
  insatstyp: 'JPG',
  rule: 'manadsrapport-granskning',
  occurrence: '2026-11',
  step: 'due-reminder',
  kind: 'reminder',
  recipient: kvl,
  owner: kvl,
  due: '2026-12-12',
  decidedAt: '2026-12-02T07:00:00.000Z',
  ...overrides,
});

// Wednesday 2026-12-02: the week ends on Sunday 2026-12-06.
const today = '2026-12-02';
const items: OutboxItem[] = [
  item({ insatsId: 'later', due: '2026-12-14' }),
  item({ insatsId: 'theirs-late', rule: 'manadsrapport', step: 'escalation-1', kind: 'escalation', owner: anordnare, due: '2026-11-07', occurrence: '2026-10' }),
  item({ insatsId: 'own-late', rule: 'plangranskning', occurrence: '1', step: 'late-notice', kind: 'escalation', due: '2026-11-30' }),
  item({ insatsId: 'today', rule: 'trepart', occurrence: '2', due: '2026-12-02', section: '2023 §6.5' }),
  item({ insatsId: 'A<b>&"', rule: 'uppdrag', occurrence: '1', due: '2026-12-04' }),
  item({ insatsId: 'notice', rule: 'slutrapport', occurrence: 'ledighet-2026-12-01', step: 'notice', kind: 'notice', due: undefined, text: 'Planerad frånvaro <20 dagar>' }),
];

describe('the digest e-mail', () => {
  const mail = digestMail(items, kvl, today, defaultDigestSettings);

  it('counts what is late and due in the subject', () => {
    expect(mail.subject).toBe('Kundval insatser: 2 försenade, 2 att göra denna vecka, 1 att göra senare, 1 meddelande');
  });

  it('groups Meddelanden · Försenat (own first, days late) · I dag · Kommande, with Swedish names and whose an escalated item is', () => {
    const order = ['notice', 'own-late', 'theirs-late', 'today', 'A<b>&"', 'later'].map((id) => mail.text.indexOf(`insats ${id} (`));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(mail.text).toContain('Granskning av genomförandeplan, insats own-late (JPG)\n  Försenad 2 dagar, skulle vara klar 2026-11-30');
    expect(mail.text).toContain('Månadsrapport oktober 2026, insats theirs-late (JPG)\n  Försenad 25 dagar, skulle vara klar 2026-11-07 · Ansvarig: anordnare a1');
    expect(mail.text).toContain('Trepartsmöte, insats today (JPG)\n  Ska vara klar i dag, 2026-12-02');
    expect(mail.text).toContain('Boka och håll trepartsmötet med kund och karriärvägledare (2023 §6.5, 2024 §7.2, §8.2).');
  });

  it('escapes every value in well-formed HTML, and links each item', () => {
    const errors: string[] = [];
    parse(mail.html, { onParseError: (error) => errors.push(error.code) });
    expect(errors).toEqual([]);
    expect(mail.html).not.toContain('A<b>');
    expect(mail.html).toContain('A&lt;b&gt;&amp;&quot;');
    expect(mail.html).toContain('Planerad frånvaro &lt;20 dagar&gt;');
    expect(mail.html).toContain('href="http://127.0.0.1:3000/api/insatser/A%3Cb%3E%26%22"');
    expect(mail.html.match(/<li /g)).toHaveLength(items.length);
  });

  it('names one item in the subject when sent on its own', () => {
    expect(immediateMail(items[2]!, kvl, today, defaultDigestSettings).subject).toBe('Försenad: Granskning av genomförandeplan, insats own-late');
  });
});
