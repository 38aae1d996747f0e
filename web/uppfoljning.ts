// The figures of Uppföljning, per anordnare, from the PostgreSQL projection only (tables deadline,
// timeline_entry and insats), for the yearly quality follow-up and 2023 §7.6:
// - deadlines met in the follow-up year, on time (`met`) and late (`met-late`: the workflow's own
//   verdict when it closed them, workflows/insats-state.ts), by rule;
// - reports late within the brist window (settings `brist.window` and `brist.reportRules`, the
//   reports 2023 §7.6 counts): met after their due date, or still open after it, as
//   domain/brist.ts judges a report late;
// - the brister the insatser raised (timeline entries of kind `brist`, domain/process/on-time.ts).
// The windows end on `today`, the service clock's day, and start the day after `since`.
import { addDays, months, subtractPeriod, TIME_ZONE, type LocalDate, type Settings } from '../domain';
import { poolOf, type Database } from '../platform/database';

/** The follow-up year: the yearly quality follow-up looks back twelve months. */
export const FOLLOW_UP_YEAR = months(12);
/** More brister than a follow-up reads one by one; the page says when the list was cut. */
export const BRISTER_LIMIT = 500;

export interface Window {
  /** The first day in the window. */
  from: LocalDate;
  /** The last day in the window. */
  through: LocalDate;
}

export interface Uppfoljning {
  year: Window;
  reportWindow: Window;
  reportRules: readonly string[];
  /** Per anordnare and rule: deadlines met in the year. */
  met: { anordnare: string; rule: string; onTime: number; late: number }[];
  /** Per anordnare and report rule: reports due in the report window and late, and of those still not in. */
  lateReports: { anordnare: string; rule: string; late: number; stillOpen: number }[];
  /** Per anordnare: the brister raised in the year. */
  bristCounts: { anordnare: string; brister: number }[];
  /** The brister raised in the year, newest first, at most BRISTER_LIMIT. */
  brister: { anordnare: string; insatsId: string; raisedOn: LocalDate; rule: string | null }[];
  bristerCut: boolean;
}

const windowOf = (today: LocalDate, length: Parameters<typeof subtractPeriod>[1]): Window => ({ from: addDays(subtractPeriod(today, length), 1), through: today });

export async function uppfoljningOf(database: Database, { today, settings }: { today: LocalDate; settings: Settings }): Promise<Uppfoljning> {
  const pool = poolOf(database);
  const year = windowOf(today, FOLLOW_UP_YEAR);
  const reportWindow = windowOf(today, settings.brist.window);
  const reportRules = settings.brist.reportRules;

  // closed_at holds the day a deadline was met, at midnight UTC (activities/projection.ts).
  const met = await pool.query<{ anordnare: string; rule: string; onTime: number; late: number }>(
    `SELECT i.anordnare_id AS anordnare, d.rule,
            count(*) FILTER (WHERE d.status = 'met')::int AS "onTime",
            count(*) FILTER (WHERE d.status = 'met-late')::int AS late
     FROM deadline d JOIN insats i ON i.id = d.insats_id
     WHERE d.status IN ('met', 'met-late') AND (d.closed_at AT TIME ZONE 'UTC')::date BETWEEN $1::date AND $2::date
     GROUP BY i.anordnare_id, d.rule ORDER BY i.anordnare_id, d.rule`,
    [year.from, year.through],
  );
  const lateReports = await pool.query<{ anordnare: string; rule: string; late: number; stillOpen: number }>(
    `SELECT i.anordnare_id AS anordnare, d.rule, count(*)::int AS late, count(*) FILTER (WHERE d.status = 'open')::int AS "stillOpen"
     FROM deadline d JOIN insats i ON i.id = d.insats_id
     WHERE d.rule = ANY($1::text[]) AND d.due_date >= $2::date AND d.due_date < $3::date AND d.status IN ('met-late', 'open')
     GROUP BY i.anordnare_id, d.rule ORDER BY i.anordnare_id, d.rule`,
    [reportRules, reportWindow.from, today],
  );
  const inYear = `t.kind = 'brist' AND (t.at AT TIME ZONE $3)::date BETWEEN $1::date AND $2::date`;
  const bristCounts = await pool.query<{ anordnare: string; brister: number }>(
    `SELECT i.anordnare_id AS anordnare, count(*)::int AS brister FROM timeline_entry t JOIN insats i ON i.id = t.insats_id
     WHERE ${inYear} GROUP BY i.anordnare_id ORDER BY i.anordnare_id`,
    [year.from, year.through, TIME_ZONE],
  );
  const brister = await pool.query<{ anordnare: string; insatsId: string; raisedOn: LocalDate; rule: string | null }>(
    `SELECT i.anordnare_id AS anordnare, t.insats_id AS "insatsId", (t.at AT TIME ZONE $3)::date::text AS "raisedOn", t.entry->>'rule' AS rule
     FROM timeline_entry t JOIN insats i ON i.id = t.insats_id
     WHERE ${inYear} ORDER BY t.at DESC, t.insats_id LIMIT $4`,
    [year.from, year.through, TIME_ZONE, BRISTER_LIMIT + 1],
  );
  return {
    year,
    reportWindow,
    reportRules,
    met: met.rows,
    lateReports: lateReports.rows,
    bristCounts: bristCounts.rows,
    brister: brister.rows.slice(0, BRISTER_LIMIT),
    bristerCut: brister.rows.length > BRISTER_LIMIT,
  };
}
