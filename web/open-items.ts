// The caller's open items for Att göra, from the PostgreSQL projection only: the API's own query
// of open deadlines within what the caller may see (api/queries.ts), with each deadline's rulebook
// section, which that query's answer does not carry.
import type { Caller } from '../api/caller';
import { listOpenDeadlines } from '../api/queries';
import type { Database } from '../platform/database';
import type { OpenItem } from './att-gora-list';

/** More than a day's work of anyone; the page says when a list was cut here. */
export const OPEN_ITEMS_LIMIT = 2_000;

const keyOf = (item: { insatsId: string; rule: string; occurrence: string }) => `${item.insatsId}/${item.rule}/${item.occurrence}`;

export async function openItemsOf(database: Database, caller: Caller): Promise<{ items: OpenItem[]; cut: boolean }> {
  const deadlines = await listOpenDeadlines(database, caller, { limit: OPEN_ITEMS_LIMIT });
  const sections = await database.deadline.findMany({
    where: { status: 'open', insatsId: { in: [...new Set(deadlines.map((deadline) => deadline.insatsId))] } },
    select: { insatsId: true, rule: true, occurrence: true, section: true },
  });
  const sectionOf = new Map(sections.map((row) => [keyOf(row), row.section]));
  return {
    items: deadlines.map((deadline) => ({
      insatsId: deadline.insatsId,
      insatstyp: deadline.insatstyp,
      rule: deadline.rule,
      occurrence: deadline.occurrence,
      due: deadline.due,
      owner: deadline.owner,
      anordnare: deadline.anordnare,
      kvl: deadline.kvl,
      section: sectionOf.get(keyOf(deadline)) ?? null,
    })),
    cut: deadlines.length === OPEN_ITEMS_LIMIT,
  };
}
