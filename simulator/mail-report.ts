// The e-mails of a run as `npm run simulate -- --mail` shows them (README, "Simulating a case"):
// when, to whom, digest, immediate or urgent, the subject, and which insats, rule, step and due
// date each item is. The item's text and links stay in the recorded mail; this is what to check.
import { localDateOf, toLocalIso, type LocalDate } from '../domain';
import type { RecordedMail } from './recording-activities';

export interface MailItem {
  insatsId: string;
  rule: string;
  step: string;
  /** Absent for a notice, which has no due date. */
  due?: LocalDate;
}

export interface MailEntry {
  /** ISO-8601 with the Europe/Stockholm offset, whole seconds, as in the timeline. */
  at: string;
  to: string;
  subject: string;
  kind: RecordedMail['kind'];
  items: MailItem[];
}

const wholeSeconds = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000);

/**
 * In time order, and by recipient within an instant: the day's delivery serves several
 * recipients at once, so the order they were recorded in is not the same from run to run.
 */
export function mailReport(mails: RecordedMail[]): MailEntry[] {
  return mails
    .map((mail) => ({ instant: wholeSeconds(mail.at), mail }))
    .sort((a, b) => a.instant.getTime() - b.instant.getTime() || a.mail.to.localeCompare(b.mail.to))
    .map(({ instant, mail }) => ({
      at: toLocalIso(instant),
      to: mail.to,
      subject: mail.subject,
      kind: mail.kind,
      items: mail.items.map(({ insatsId, rule, step, due }) => ({ insatsId, rule, step, ...(due ? { due } : {}) })),
    }));
}

/** The recipient's e-mails, day by day: what one inbox shows. */
export function mailByRecipientAndDay(report: MailEntry[]): { to: string; days: { day: LocalDate; mails: MailEntry[] }[] }[] {
  const recipients = [...new Set(report.map((mail) => mail.to))].sort();
  return recipients.map((to) => {
    const theirs = report.filter((mail) => mail.to === to);
    const days = [...new Set(theirs.map((mail) => localDateOf(new Date(mail.at))))];
    return { to, days: days.map((day) => ({ day, mails: theirs.filter((mail) => localDateOf(new Date(mail.at)) === day) })) };
  });
}
