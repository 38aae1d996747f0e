// The daily digest: what a recipient's e-mail of the day holds, in which order, and when the day's
// delivery runs. An insats stores each reminder, escalation or notice the rules decide as an
// outbox item; once a working day the delivery puts a recipient's items in one e-mail (or, for a
// recipient who chose `immediate`, one e-mail each). Pure: the delivery activity and the simulator
// share it.
import { addDays, atLocalTime, daysBetween, isWorkingDay, localDateOf, nextWorkingDay, weekdayOf, type LocalDate } from './calendar';
import type { Notice } from './process';
import type { Recipient } from './roles';

export type ContactPreference = 'digest' | 'immediate';

export interface DigestSettings {
  /**
   * Insatser started with this on store their notifications for the daily delivery; with it off
   * they send each one themselves, as insatser started before the digest still do.
   */
  enabled: boolean;
  /** The day's delivery, on working days (Europe/Stockholm). */
  time: string;
  /** No e-mail outside these hours: a delivery woken later (the worker was down) waits for the next working day. */
  windowFrom: string;
  windowUntil: string;
  /**
   * An insats stores an item up to this long before its instant, at an offset chosen from its id,
   * so that ten thousand insatser do not all wake at 08:00.
   */
  storeAheadMinutes: number;
  /** Where an item's link points; the API resource until the web task list exists. */
  baseUrl: string;
}

export const defaultDigestSettings: DigestSettings = {
  enabled: true,
  time: '08:00',
  windowFrom: '07:00',
  windowUntil: '18:00',
  storeAheadMinutes: 360,
  baseUrl: 'http://127.0.0.1:3000',
};

/** One reminder, escalation or notice stored for delivery. */
export interface OutboxItem {
  insatsId: string;
  insatstyp: string;
  rule: string;
  occurrence: string;
  step: string;
  kind: 'reminder' | 'escalation' | 'notice';
  recipient: Recipient;
  /** Who must act; differs from the recipient in an escalation. */
  owner: Recipient;
  due?: LocalDate;
  section?: string;
  /** The message of a notice. */
  text?: string;
  /** The instant the rules decided it, ISO-8601. */
  decidedAt: string;
}

export function outboxItemKey(item: Pick<OutboxItem, 'insatsId' | 'rule' | 'occurrence' | 'step' | 'recipient'>): string {
  const recipient = item.recipient.id ? `${item.recipient.role}:${item.recipient.id}` : item.recipient.role;
  return [item.insatsId, item.rule, item.occurrence, item.step, recipient].join('/');
}

/**
 * Sent at once to its recipients, whatever their preference: a brist that remains after the
 * påpekande, escalated to the arbetsledare as grounds for ending the insats (2023 §7.6).
 */
export function isUrgent(notice: Pick<Notice, 'occurrence' | 'to'>): boolean {
  return notice.occurrence.startsWith('brist-') && notice.to.includes('arbetsledare');
}

/**
 * How long before its instant an insats stores an item: a fixed offset within the store-ahead
 * window, from a hash (FNV-1a) of the insats id, so wake-ups spread evenly and replay the same.
 */
export function storeAheadMs(insatsId: string, settings: DigestSettings): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < insatsId.length; index += 1) {
    hash ^= insatsId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const windowMs = Math.max(0, settings.storeAheadMinutes) * 60_000;
  return windowMs === 0 ? 0 : hash % windowMs;
}

/** The first delivery instant after `after`: the digest time of a working day. */
export function nextDeliveryInstant(after: Date, settings: DigestSettings): Date {
  const today = localDateOf(after);
  const todayAt = atLocalTime(today, settings.time);
  if (isWorkingDay(today) && todayAt > after) return todayAt;
  return atLocalTime(nextWorkingDay(today), settings.time);
}

/** A delivery may send now: a working day, within the window. */
export function withinDeliveryWindow(now: Date, settings: DigestSettings): boolean {
  const today = localDateOf(now);
  return isWorkingDay(today) && now >= atLocalTime(today, settings.windowFrom) && now < atLocalTime(today, settings.windowUntil);
}

export type DigestGroup = 'meddelanden' | 'forsenat' | 'idag' | 'kommande';

export const DIGEST_GROUP_TITLES: Record<DigestGroup, string> = {
  meddelanden: 'Meddelanden',
  forsenat: 'Försenat',
  idag: 'I dag',
  kommande: 'Kommande',
};

export interface DigestLine<T extends OutboxItem = OutboxItem> {
  item: T;
  group: DigestGroup;
  /** Calendar days past the due date, for a late item. */
  daysLate?: number;
  /** The recipient is the one who must act (not told as the next level of an escalation chain). */
  own: boolean;
}

const sameParty = (a: Recipient, b: Recipient) => a.role === b.role && (a.id ?? '') === (b.id ?? '');

const GROUP_ORDER: DigestGroup[] = ['meddelanden', 'forsenat', 'idag', 'kommande'];

/**
 * The lines of one recipient's digest on `today`: notices first, then what is late (the
 * recipient's own first, then others' they are told of as the next level of the chain), what is
 * due today, and what is coming, each by due date.
 */
export function digestLines<T extends OutboxItem>(items: T[], recipient: Recipient, today: LocalDate): DigestLine<T>[] {
  const lines = items.map((item): DigestLine<T> => {
    const own = sameParty(item.owner, recipient);
    if (item.kind === 'notice' || !item.due) return { item, group: 'meddelanden', own };
    if (item.due < today) return { item, group: 'forsenat', daysLate: daysBetween(item.due, today), own };
    return { item, group: item.due === today ? 'idag' : 'kommande', own };
  });
  const rank = (line: DigestLine<T>) => GROUP_ORDER.indexOf(line.group) * 2 + (line.own ? 0 : 1);
  return lines.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.item.due ?? '').localeCompare(b.item.due ?? '') ||
      a.item.insatsId.localeCompare(b.item.insatsId) ||
      a.item.rule.localeCompare(b.item.rule),
  );
}

/** The end of the week `today` lies in (Sunday). */
function endOfWeek(today: LocalDate): LocalDate {
  return addDays(today, 7 - weekdayOf(today));
}

/** "3 försenade, 5 att göra denna vecka": what the reader most needs, counted. */
export function digestSubject(lines: DigestLine[], today: LocalDate): string {
  const late = lines.filter((line) => line.group === 'forsenat').length;
  const dueThisWeek = lines.filter((line) => (line.group === 'idag' || line.group === 'kommande') && line.item.due! <= endOfWeek(today)).length;
  const later = lines.filter((line) => line.group === 'kommande' && line.item.due! > endOfWeek(today)).length;
  const notices = lines.filter((line) => line.group === 'meddelanden').length;
  const parts = [
    late > 0 ? `${late} ${late === 1 ? 'försenad' : 'försenade'}` : undefined,
    dueThisWeek > 0 ? `${dueThisWeek} att göra denna vecka` : undefined,
    later > 0 ? `${later} att göra senare` : undefined,
    notices > 0 ? `${notices} ${notices === 1 ? 'meddelande' : 'meddelanden'}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return `Kundval insatser: ${parts.join(', ')}`;
}
