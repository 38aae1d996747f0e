// One insats as the API shows it, read from the PostgreSQL projection only: a workflow query
// costs a replay when the insats is not cached (p99 28 s under load), a read here does not.
import { maySee, type LocalDate, type Party } from '../domain';
import { localDateFromDb, type Database } from '../platform/database';
import type { Deadline as DeadlineRow, Insats as InsatsRow } from '../prisma/generated/client';

/** How many of the latest events `lastEvents` repeats, as the workflow's snapshot did. */
const LAST_EVENTS = 20;

/** The stored insats row, or undefined when it does not exist or `caller` may not see it. */
export async function visibleInsatsRow(database: Database, caller: Party, insatsId: string): Promise<InsatsRow | undefined> {
  const row = await database.insats.findUnique({ where: { id: insatsId } });
  if (!row || !maySee(caller, { anordnare: row.anordnareId, kvl: row.kvlId })) return undefined;
  return row;
}

/** Timeline entries after `cursor` (a seq) in seq order; `nextCursor` is null on the last page. */
export async function timelinePage(database: Database, insatsId: string, { cursor, limit }: { cursor?: number; limit: number }) {
  const rows = await database.timelineEntry.findMany({
    where: { insatsId, ...(cursor !== undefined ? { seq: { gt: cursor } } : {}) },
    orderBy: { seq: 'asc' },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({ seq: row.seq, ...(row.entry as Record<string, unknown>) })),
    nextCursor: rows.length > limit ? String(page.at(-1)!.seq) : null,
  };
}

export async function storedEvents(database: Database, insatsId: string) {
  const rows = await database.insatsEvent.findMany({ where: { insatsId }, orderBy: [{ occurredAt: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }] });
  return rows.map((row) => ({ id: row.id, type: row.type, payload: row.payload, occurredAt: row.occurredAt.toISOString(), requestId: row.requestId }));
}

/**
 * The insats with its deadlines split as the workflow splits them (open, pending, closed), its
 * events and the first timeline page. `today` (Europe/Stockholm) decides `overdue`: due before today.
 */
export async function readInsats(
  database: Database,
  row: InsatsRow,
  { today, timelineLimit }: { today: LocalDate; timelineLimit: number },
) {
  const [deadlines, events, timeline] = await Promise.all([
    database.deadline.findMany({ where: { insatsId: row.id }, orderBy: [{ dueDate: 'asc' }, { rule: 'asc' }, { occurrence: 'asc' }] }),
    storedEvents(database, row.id),
    timelinePage(database, row.id, { limit: timelineLimit }),
  ]);
  return {
    insatsId: row.id,
    insatstyp: row.insatstyp,
    rulebook: row.rulebook,
    phase: row.phase,
    beslutsdatum: localDateFromDb(row.beslutsdatum),
    aktualiseringsdatum: localDateFromDb(row.aktualiseringsdatum),
    anordnare: row.anordnareId,
    kvl: row.kvlId,
    openDeadlines: deadlines.filter((deadline) => deadline.status === 'open').map((deadline) => {
      const shown = deadlineOf(deadline);
      return { ...shown, overdue: shown.due < today };
    }),
    pendingDeadlines: deadlines.filter((deadline) => deadline.status === 'pending').map(deadlineOf),
    closedDeadlines: deadlines
      .filter((deadline) => deadline.status !== 'open' && deadline.status !== 'pending')
      .map((deadline) => ({
        ...deadlineOf(deadline),
        status: deadline.status,
        missed: deadline.missed,
        closedOn: deadline.closedAt ? localDateFromDb(deadline.closedAt) : null,
      })),
    events,
    lastEvents: events.slice(-LAST_EVENTS),
    timeline: timeline.items,
    timelineNextCursor: timeline.nextCursor,
  };
}

function deadlineOf(row: DeadlineRow) {
  return {
    rule: row.rule,
    occurrence: row.occurrence,
    due: localDateFromDb(row.dueDate),
    openedOn: row.openedOn ? localDateFromDb(row.openedOn) : null,
    owner: row.ownerRole,
    escalation: row.escalation,
    section: row.section,
  };
}
