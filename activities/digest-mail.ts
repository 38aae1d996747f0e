// The text of the day's e-mail to one recipient, in Swedish: a digest of their items grouped as
// Meddelanden · Försenat · I dag · Kommande (domain/digest.ts), or one item on its own. The HTML
// comes from a Handlebars template, which escapes every value; the plain text carries the same.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { DIGEST_GROUP_TITLES, digestLines, digestSubject, type ContactPreference, type DigestLine, type DigestSettings, type LocalDate, type OutboxItem, type Recipient } from '../domain';
import { FOOTER, ruleTitle, whatToDo } from './notification-text';

export interface DeliveryMail {
  subject: string;
  text: string;
  html: string;
}

const template = Handlebars.compile(readFileSync(new URL('./templates/digest.hbs', import.meta.url), 'utf8'), { strict: true });

interface LineView {
  link: string;
  title: string;
  insatsId: string;
  insatstyp: string;
  when: string;
  whose: string;
  whatToDo: string;
}

const partyLabel = (party: Recipient) => (party.id ? `${party.role} ${party.id}` : party.role);

function viewOf(line: DigestLine, settings: DigestSettings): LineView {
  const { item } = line;
  const when =
    line.group === 'meddelanden'
      ? 'Meddelande'
      : line.group === 'forsenat'
        ? `Försenad ${line.daysLate} ${line.daysLate === 1 ? 'dag' : 'dagar'}, skulle vara klar ${item.due}`
        : line.group === 'idag'
          ? `Ska vara klar i dag, ${item.due}`
          : `Ska vara klar senast ${item.due}`;
  return {
    link: `${settings.baseUrl.replace(/\/$/, '')}/api/insatser/${encodeURIComponent(item.insatsId)}`,
    title: ruleTitle(item.rule, item.occurrence),
    insatsId: item.insatsId,
    insatstyp: item.insatstyp,
    when,
    whose: line.own ? '' : `Ansvarig: ${partyLabel(item.owner)}`,
    whatToDo: item.kind === 'notice' ? (item.text ?? '') : [whatToDo(item.rule), item.section && !whatToDo(item.rule).includes(item.section) ? `(${item.section})` : ''].filter(Boolean).join(' '),
  };
}

function render(lines: DigestLine[], subject: string, heading: string, settings: DigestSettings): DeliveryMail {
  const groups = (Object.keys(DIGEST_GROUP_TITLES) as (keyof typeof DIGEST_GROUP_TITLES)[])
    .map((group) => ({ title: DIGEST_GROUP_TITLES[group], lines: lines.filter((line) => line.group === group).map((line) => viewOf(line, settings)) }))
    .filter((group) => group.lines.length > 0);
  const text = [
    heading,
    ...groups.flatMap((group) => [
      '',
      `${group.title} (${group.lines.length})`,
      ...group.lines.flatMap((line) => [
        `- ${line.title}, insats ${line.insatsId} (${line.insatstyp})`,
        `  ${line.when}${line.whose ? ` · ${line.whose}` : ''}`,
        `  ${line.whatToDo}`,
        `  ${line.link}`,
      ]),
    ]),
    '',
    FOOTER,
  ].join('\n');
  return { subject, text, html: template({ subject, heading, groups, footer: FOOTER }) };
}

/** One recipient's digest of `items` on `today`. */
export function digestMail(items: OutboxItem[], recipient: Recipient, today: LocalDate, settings: DigestSettings): DeliveryMail {
  const lines = digestLines(items, recipient, today);
  return render(lines, digestSubject(lines, today), `Att göra i kundval arbetsmarknadsinsatser, ${today}`, settings);
}

/** One item on its own, for a recipient who chose `immediate`. */
export function immediateMail(item: OutboxItem, recipient: Recipient, today: LocalDate, settings: DigestSettings): DeliveryMail {
  const [line] = digestLines([item], recipient, today);
  const title = ruleTitle(item.rule, item.occurrence);
  const prefix = line!.group === 'meddelanden' ? 'Meddelande' : line!.group === 'forsenat' ? 'Försenad' : 'Påminnelse';
  return render([line!], `${prefix}: ${title}, insats ${item.insatsId}`, `${prefix}: ${title}`, settings);
}

export interface PlannedDelivery<K> {
  /** Unique per recipient and day (a digest) or per item (immediate). */
  key: string;
  kind: 'digest' | 'immediate';
  items: K[];
  mail: DeliveryMail;
}

/**
 * The e-mails of one recipient's delivery on `day`: the items whose deadline is still open (a
 * notice always is) in one digest, or one e-mail each for a recipient who chose `immediate`.
 */
export function planDeliveries<K extends { key: string; item: OutboxItem }>(
  queued: K[],
  { recipient, preference, day, settings, live }: { recipient: Recipient; preference: ContactPreference; day: LocalDate; settings: DigestSettings; live: (entry: K) => boolean },
): { withdrawn: K[]; deliveries: PlannedDelivery<K>[] } {
  const withdrawn = queued.filter((entry) => entry.item.kind !== 'notice' && !live(entry));
  const kept = queued.filter((entry) => !withdrawn.includes(entry));
  if (kept.length === 0) return { withdrawn, deliveries: [] };
  if (preference === 'immediate') {
    return { withdrawn, deliveries: kept.map((entry) => ({ key: `item/${entry.key}`, kind: 'immediate', items: [entry], mail: immediateMail(entry.item, recipient, day, settings) })) };
  }
  const label = recipient.id ? `${recipient.role}:${recipient.id}` : recipient.role;
  return { withdrawn, deliveries: [{ key: `digest/${label}/${day}`, kind: 'digest', items: kept, mail: digestMail(kept.map((entry) => entry.item), recipient, day, settings) }] };
}
