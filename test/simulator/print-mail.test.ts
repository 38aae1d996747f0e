// The --mail text and its JSON entries from recorded e-mails (simulator/mail-report.ts,
// simulator/print-mail.ts): per recipient and day, in time order, items aligned, a notice
// without a due date, the instant in Stockholm time to the second.
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../domain';
import { mailReport } from '../../simulator/mail-report';
import { formatMail } from '../../simulator/print-mail';
import type { RecordedMail } from '../../simulator/recording-activities';

const item = (insatsId: string, rule: string, step: string, due?: string): OutboxItem => ({
  insatsId,
  insatstyp: 'AMI1',
  rule,
  occurrence: due ? 'main' : 'brist-1',
  step,
  kind: due ? 'reminder' : 'notice',
  recipient: { role: 'anordnare', id: 'a1' },
  owner: { role: 'anordnare', id: 'a1' },
  ...(due ? { due } : {}),
  decidedAt: '2025-03-04T07:00:00.000Z',
});

const mails: RecordedMail[] = [
  { at: '2025-03-05T07:00:00.412Z', to: 'kvl:k1', kind: 'digest', subject: 'Kundval insatser: 1 försenad', items: [item('B', 'bemanning', 'escalation-1', '2025-03-04')] },
  { at: '2025-03-04T07:00:00.100Z', to: 'anordnare:a1', kind: 'digest', subject: 'Kundval insatser: 2 att göra denna vecka', items: [item('A', 'bemanning', 'due-reminder', '2025-03-04'), item('LONG-ID', 'genomforandeplan', 'early-reminder', '2025-03-17')] },
  { at: '2025-03-04T13:15:09.900Z', to: 'anordnare:a1', kind: 'urgent', subject: 'Meddelande: manadsrapport för insats A', items: [item('A', 'manadsrapport', 'notice')] },
];

describe('mailReport', () => {
  it('gives each e-mail in time order, in Stockholm time to the second, with its items as insats, rule, step and due', () => {
    expect(mailReport(mails)).toEqual([
      {
        at: '2025-03-04T08:00:00+01:00',
        to: 'anordnare:a1',
        subject: 'Kundval insatser: 2 att göra denna vecka',
        kind: 'digest',
        items: [
          { insatsId: 'A', rule: 'bemanning', step: 'due-reminder', due: '2025-03-04' },
          { insatsId: 'LONG-ID', rule: 'genomforandeplan', step: 'early-reminder', due: '2025-03-17' },
        ],
      },
      { at: '2025-03-04T14:15:09+01:00', to: 'anordnare:a1', subject: 'Meddelande: manadsrapport för insats A', kind: 'urgent', items: [{ insatsId: 'A', rule: 'manadsrapport', step: 'notice' }] },
      { at: '2025-03-05T08:00:00+01:00', to: 'kvl:k1', subject: 'Kundval insatser: 1 försenad', kind: 'digest', items: [{ insatsId: 'B', rule: 'bemanning', step: 'escalation-1', due: '2025-03-04' }] },
    ]);
  });
});

describe('formatMail', () => {
  it('prints per recipient and day each e-mail and its items, aligned', () => {
    expect(formatMail(mailReport(mails))).toBe(
      [
        'anordnare:a1',
        '  2025-03-04',
        '    08:00  digest  Kundval insatser: 2 att göra denna vecka',
        '      A        bemanning         due-reminder    due 2025-03-04',
        '      LONG-ID  genomforandeplan  early-reminder  due 2025-03-17',
        '    14:15  urgent  Meddelande: manadsrapport för insats A',
        '      A        manadsrapport     notice',
        'kvl:k1',
        '  2025-03-05',
        '    08:00  digest  Kundval insatser: 1 försenad',
        '      B        bemanning         escalation-1    due 2025-03-04',
      ].join('\n'),
    );
  });

  it('says so when no e-mail was sent', () => {
    expect(formatMail([])).toBe('No e-mail was sent.');
  });
});
