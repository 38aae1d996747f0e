// The caller's open items for Att göra, from the PostgreSQL projection only: the API's own query
// of open deadlines within what the caller may see (api/queries.ts).
import type { Caller } from '../api/caller';
import { listOpenDeadlines } from '../api/queries';
import type { Database } from '../platform/database';
import type { OpenItem } from './att-gora-list';

/** More than a day's work of anyone; the page says when a list was cut here. */
export const OPEN_ITEMS_LIMIT = 2_000;

export async function openItemsOf(database: Database, caller: Caller): Promise<{ items: OpenItem[]; cut: boolean }> {
  const deadlines = await listOpenDeadlines(database, caller, { limit: OPEN_ITEMS_LIMIT });
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
      section: deadline.section,
    })),
    cut: deadlines.length === OPEN_ITEMS_LIMIT,
  };
}
