// The invoice basis of one anordnare for one payment run: lines, totals per insatstyp, and the
// same as CSV the way a Swedish spreadsheet opens it (UTF-8 with BOM, semicolons, decimal comma).
// A kvl key scoped to one kvl sees the lines of that kvl's insatser only, here and in a run's totals.
import { stringify } from 'csv-stringify/sync';
import { oreToKronor, type YearMonth } from '../domain';
import { poolOf, type Database } from '../platform/database';

/** Whose lines a caller may see: one anordnare's, one kvl's insatser's, or (both absent) all. */
export interface PaymentScope {
  anordnare?: string;
  kvl?: string;
}

export interface InvoiceBasis {
  run: YearMonth;
  status: string;
  anordnare: string;
  lines: {
    insatsId: string;
    insatstyp: string;
    kind: string;
    month: YearMonth;
    activeDays: number | null;
    amount: number;
    rule: string;
    note: string;
  }[];
  totals: { insatstyp: string; amount: number }[];
  total: number;
  held: { insatsId: string; month: YearMonth; note: string }[];
}

// The kvl is the insats's, in the projection: a payment line does not carry it.
const KVL_OF_LINE = 'LEFT JOIN insats i ON i.id = l.insats_id';
const IN_SCOPE = '($2::text IS NULL OR l.anordnare_id = $2) AND ($3::text IS NULL OR i.kvl_id = $3)';

/** A run's amounts per anordnare and insatstyp, of the lines in `scope`. */
export async function runTotals(database: Database, run: YearMonth, scope: PaymentScope) {
  const { rows } = await poolOf(database).query<{ anordnare: string; insatstyp: string; lines: number; amountOre: string }>(
    `SELECT l.anordnare_id AS anordnare, l.insatstyp, count(*)::int AS lines, sum(l.amount_ore)::text AS "amountOre"
     FROM payment_line l ${KVL_OF_LINE} WHERE l.run_month = $1 AND ${IN_SCOPE}
     GROUP BY l.anordnare_id, l.insatstyp ORDER BY l.anordnare_id, l.insatstyp`,
    [run, scope.anordnare ?? null, scope.kvl ?? null],
  );
  return rows.map((row) => ({ anordnare: row.anordnare, insatstyp: row.insatstyp, lines: row.lines, amount: Number(row.amountOre) / 100 }));
}

export async function invoiceBasis(database: Database, run: YearMonth, anordnare: string, { kvl }: Pick<PaymentScope, 'kvl'> = {}): Promise<InvoiceBasis | undefined> {
  const paymentRun = await database.paymentRun.findUnique({ where: { month: run } });
  if (!paymentRun) return undefined;
  const pool = poolOf(database);
  const { rows: lines } = await pool.query<{ insatsId: string; insatstyp: string; kind: string; month: YearMonth; activeDays: number | null; amountOre: number; rule: string; note: string }>(
    `SELECT l.insats_id AS "insatsId", l.insatstyp, l.kind, l.month, l.active_days AS "activeDays", l.amount_ore AS "amountOre", l.rule, l.note
     FROM payment_line l ${KVL_OF_LINE} WHERE l.run_month = $1 AND ${IN_SCOPE}
     ORDER BY l.insatstyp, l.insats_id, l.month, l.kind`,
    [run, anordnare, kvl ?? null],
  );
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.insatstyp, (totals.get(line.insatstyp) ?? 0) + line.amountOre);
  const heldOfAnordnare = (paymentRun.held as { insatsId: string; anordnareId: string; month: string; note: string }[]).filter((entry) => entry.anordnareId === anordnare);
  const ofKvl = kvl
    ? new Set((await pool.query<{ id: string }>('SELECT id FROM insats WHERE kvl_id = $1 AND id = ANY($2::text[])', [kvl, heldOfAnordnare.map((entry) => entry.insatsId)])).rows.map((row) => row.id))
    : undefined;
  const held = heldOfAnordnare.filter((entry) => !ofKvl || ofKvl.has(entry.insatsId)).map(({ insatsId, month, note }) => ({ insatsId, month, note }));
  return {
    run,
    status: paymentRun.status,
    anordnare,
    lines: lines.map((line) => ({
      insatsId: line.insatsId,
      insatstyp: line.insatstyp,
      kind: line.kind,
      month: line.month,
      activeDays: line.activeDays,
      amount: oreToKronor(line.amountOre),
      rule: line.rule,
      note: line.note,
    })),
    totals: [...totals].map(([insatstyp, amountOre]) => ({ insatstyp, amount: oreToKronor(amountOre) })),
    total: oreToKronor(lines.reduce((sum, line) => sum + line.amountOre, 0)),
    held,
  };
}

const KIND_SV: Record<string, string> = { ersattning: 'Ersättning', snabbhetspremie: 'Snabbhetspremie', bonus: 'Bonus' };
/** A payment line's kind in Swedish, as the CSV and the Utbetalning page write it. */
export const paymentKindLabel = (kind: string) => KIND_SV[kind] ?? kind;
const kronor = (amount: number) => amount.toFixed(2).replace('.', ',');

export const CSV_COLUMNS = ['Utbetalning', 'Anordnare', 'Insats', 'Insatstyp', 'Typ', 'Avser månad', 'Aktiva dagar', 'Belopp (kr)', 'Regel', 'Anmärkning'];

/** The CSV's file name, as /api/payment-runs and the Utbetalning page send it. */
export const invoiceCsvName = (basis: Pick<InvoiceBasis, 'run' | 'anordnare'>) => `underlag-${basis.anordnare}-${basis.run}.csv`;

export function invoiceCsv(basis: InvoiceBasis): string {
  const rows = [
    ...basis.lines.map((line) => [
      basis.run, basis.anordnare, line.insatsId, line.insatstyp, paymentKindLabel(line.kind), line.month,
      line.activeDays ?? '', kronor(line.amount), line.rule, line.note,
    ]),
    ...basis.totals.map((total) => [basis.run, basis.anordnare, '', total.insatstyp, 'Summa', '', '', kronor(total.amount), '', '']),
    [basis.run, basis.anordnare, '', '', 'Totalt', '', '', kronor(basis.total), '', ''],
    ...basis.held.map((held) => [basis.run, basis.anordnare, held.insatsId, '', 'Vilande', held.month, '', '', '', held.note]),
  ];
  return stringify(rows, { header: true, columns: CSV_COLUMNS, delimiter: ';', bom: true, record_delimiter: 'windows' });
}
