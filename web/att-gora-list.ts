// Att göra, arranged: the caller's own items (those whose owner is the caller's role) apart from
// the others of the insatser they see, each grouped Försenat · I dag · Denna vecka · Senare and
// ordered by due date. Pure: `today` is passed in (Europe/Stockholm).
import { addDays, daysBetween, weekdayOf, type LocalDate } from '../domain';

export const ATT_GORA_GROUPS = ['forsenat', 'idag', 'denna-vecka', 'senare'] as const;
export type AttGoraGroup = (typeof ATT_GORA_GROUPS)[number];

export const GROUP_TITLES: Record<AttGoraGroup, string> = {
  forsenat: 'Försenat',
  idag: 'I dag',
  'denna-vecka': 'Denna vecka',
  senare: 'Senare',
};

export interface OpenItem {
  insatsId: string;
  insatstyp: string;
  rule: string;
  occurrence: string;
  due: LocalDate;
  owner: string;
  anordnare: string;
  kvl: string;
  section: string | null;
}

export interface ArrangedItem extends OpenItem {
  group: AttGoraGroup;
  /** Calendar days past the due date, in Försenat. */
  daysLate: number | null;
}

export type Grouped = Record<AttGoraGroup, ArrangedItem[]>;

export function groupOf(due: LocalDate, today: LocalDate): AttGoraGroup {
  if (due < today) return 'forsenat';
  if (due === today) return 'idag';
  // The week ends on Sunday (ISO weekday 7).
  return due <= addDays(today, 7 - weekdayOf(today)) ? 'denna-vecka' : 'senare';
}

function grouped(items: readonly OpenItem[], today: LocalDate): Grouped {
  const groups: Grouped = { forsenat: [], idag: [], 'denna-vecka': [], senare: [] };
  const ordered = [...items].sort((a, b) => a.due.localeCompare(b.due) || a.insatsId.localeCompare(b.insatsId) || a.rule.localeCompare(b.rule));
  for (const item of ordered) {
    const group = groupOf(item.due, today);
    groups[group].push({ ...item, group, daysLate: group === 'forsenat' ? daysBetween(item.due, today) : null });
  }
  return groups;
}

export function arrange(items: readonly OpenItem[], role: string, today: LocalDate): { own: Grouped; others: Grouped } {
  return {
    own: grouped(items.filter((item) => item.owner === role), today),
    others: grouped(items.filter((item) => item.owner !== role), today),
  };
}
