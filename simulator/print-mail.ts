// The e-mails of a run as text a person reads: per recipient and day, each e-mail's time, kind and
// subject, and under it one line per item (insats, rule, step, due date), aligned across the list.
import { mailByRecipientAndDay, type MailEntry } from './mail-report';

export function formatMail(report: MailEntry[]): string {
  if (report.length === 0) return 'No e-mail was sent.';
  const cells = (item: MailEntry['items'][number]) => [item.insatsId, item.rule, item.step, item.due ? `due ${item.due}` : ''];
  const widths = [0, 1, 2].map((index) => Math.max(...report.flatMap((mail) => mail.items.map((item) => cells(item)[index]!.length))));
  const itemLine = (item: MailEntry['items'][number]) =>
    `      ${cells(item)
      .map((cell, index) => (index < widths.length ? cell.padEnd(widths[index]!) : cell))
      .join('  ')
      .trimEnd()}`;
  const kindWidth = Math.max(...report.map((mail) => mail.kind.length));
  return mailByRecipientAndDay(report)
    .flatMap(({ to, days }) => [
      to,
      ...days.flatMap(({ day, mails }) => [
        `  ${day}`,
        ...mails.flatMap((mail) => [`    ${mail.at.slice(11, 16)}  ${mail.kind.padEnd(kindWidth)}  ${mail.subject}`, ...mail.items.map(itemLine)]),
      ]),
    ])
    .join('\n');
}
