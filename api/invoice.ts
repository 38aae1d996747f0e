// The invoice basis of one anordnare for one payment run: lines, totals per insatstyp, and the
// same as CSV the way a Swedish spreadsheet opens it (UTF-8 with BOM, semicolons, decimal comma).
import { stringify } from 'csv-stringify/sync';
import { oreToKronor, type YearMonth } from '../domain';
import type { Database } from '../platform/database';

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

export async function invoiceBasis(database: Database, run: YearMonth, anordnare: string): Promise<InvoiceBasis | undefined> {
  const paymentRun = await database.paymentRun.findUnique({ where: { month: run } });
  if (!paymentRun) return undefined;
  const lines = await database.paymentLine.findMany({
    where: { runMonth: run, anordnareId: anordnare },
    orderBy: [{ insatstyp: 'asc' }, { insatsId: 'asc' }, { month: 'asc' }, { kind: 'asc' }],
  });
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.insatstyp, (totals.get(line.insatstyp) ?? 0) + line.amountOre);
  const held = (paymentRun.held as { insatsId: string; anordnareId: string; month: string; note: string }[])
    .filter((entry) => entry.anordnareId === anordnare)
    .map(({ insatsId, month, note }) => ({ insatsId, month, note }));
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
const kronor = (amount: number) => amount.toFixed(2).replace('.', ',');

export const CSV_COLUMNS = ['Utbetalning', 'Anordnare', 'Insats', 'Insatstyp', 'Typ', 'Avser månad', 'Aktiva dagar', 'Belopp (kr)', 'Regel', 'Anmärkning'];

export function invoiceCsv(basis: InvoiceBasis): string {
  const rows = [
    ...basis.lines.map((line) => [
      basis.run, basis.anordnare, line.insatsId, line.insatstyp, KIND_SV[line.kind] ?? line.kind, line.month,
      line.activeDays ?? '', kronor(line.amount), line.rule, line.note,
    ]),
    ...basis.totals.map((total) => [basis.run, basis.anordnare, '', total.insatstyp, 'Summa', '', '', kronor(total.amount), '', '']),
    [basis.run, basis.anordnare, '', '', 'Totalt', '', '', kronor(basis.total), '', ''],
    ...basis.held.map((held) => [basis.run, basis.anordnare, held.insatsId, '', 'Vilande', held.month, '', '', '', held.note]),
  ];
  return stringify(rows, { header: true, columns: CSV_COLUMNS, delimiter: ';', bom: true, record_delimiter: 'windows' });
}
