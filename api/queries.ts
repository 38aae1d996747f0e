// Reads of the PostgreSQL projection for the API, always within what the caller may see.
// Temporal's SQL visibility cannot sort, so "what is due" is served from here.
import { dbDate, localDateFromDb, type Database } from '../platform/database';
import type { Caller } from './caller';
import { visibleTo } from './caller';

export interface InsatsFilters {
  anordnare?: string;
  kvl?: string;
  insatstyp?: string;
  phase?: string;
  overdue?: boolean;
  dueBefore?: string;
  cursor?: string;
  limit: number;
}

export async function listInsatser(database: Database, caller: Caller, filters: InsatsFilters, today: string) {
  const scope = visibleTo(caller);
  const openDeadline = (due: { lt?: Date; lte?: Date }) => ({ deadlines: { some: { status: 'open', dueDate: due } } });
  const rows = await database.insats.findMany({
    where: {
      AND: [
        scope.anordnareId ? { anordnareId: scope.anordnareId } : {},
        scope.kvlId ? { kvlId: scope.kvlId } : {},
        filters.anordnare ? { anordnareId: filters.anordnare } : {},
        filters.kvl ? { kvlId: filters.kvl } : {},
        filters.insatstyp ? { insatstyp: filters.insatstyp } : {},
        filters.phase ? { phase: filters.phase } : {},
        filters.overdue === true ? openDeadline({ lt: dbDate(today) }) : {},
        filters.overdue === false ? { NOT: openDeadline({ lt: dbDate(today) }) } : {},
        filters.dueBefore ? openDeadline({ lte: dbDate(filters.dueBefore) }) : {},
        filters.cursor ? { id: { gt: filters.cursor } } : {},
      ],
    },
    orderBy: { id: 'asc' },
    take: filters.limit + 1,
  });
  const page = rows.slice(0, filters.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      insatstyp: row.insatstyp,
      rulebook: row.rulebook,
      phase: row.phase,
      beslutsdatum: localDateFromDb(row.beslutsdatum),
      anordnare: row.anordnareId,
      kvl: row.kvlId,
    })),
    nextCursor: rows.length > filters.limit ? page.at(-1)!.id : null,
  };
}

export async function listOpenDeadlines(database: Database, caller: Caller, filters: { owner?: string; dueBefore?: string; limit: number }) {
  const scope = visibleTo(caller);
  const rows = await database.deadline.findMany({
    where: {
      status: 'open',
      ...(filters.owner ? { ownerRole: filters.owner } : {}),
      ...(filters.dueBefore ? { dueDate: { lte: dbDate(filters.dueBefore) } } : {}),
      insats: { ...(scope.anordnareId ? { anordnareId: scope.anordnareId } : {}), ...(scope.kvlId ? { kvlId: scope.kvlId } : {}) },
    },
    include: { insats: { select: { anordnareId: true, kvlId: true, insatstyp: true } } },
    orderBy: [{ dueDate: 'asc' }, { insatsId: 'asc' }, { rule: 'asc' }],
    take: filters.limit,
  });
  return rows.map((row) => ({
    insatsId: row.insatsId,
    insatstyp: row.insats.insatstyp,
    rule: row.rule,
    occurrence: row.occurrence,
    due: localDateFromDb(row.dueDate),
    owner: row.ownerRole,
    section: row.section,
    overdue: row.missed,
    anordnare: row.insats.anordnareId,
    kvl: row.insats.kvlId,
  }));
}
