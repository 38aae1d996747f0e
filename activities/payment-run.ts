// The monthly payment run in PostgreSQL (2023 §9): batch every payable item due in the run month
// into payment lines, once. Running a month again changes nothing; a line is never paid twice
// (unique per insats, kind and month); missing month amounts stop the run with the setting named.
import { ApplicationFailure } from '@temporalio/common';
import { dayOf, formatKronor, type YearMonth } from '../domain';
import { dbDate, type Database } from '../platform/database';

export const MISSING_SETTING = 'MissingSetting';

export interface PaymentRunResult {
  month: YearMonth;
  created: boolean;
  status: string;
  lines: number;
  totalOre: number;
  held: HeldMonth[];
  message: string;
}

export interface HeldMonth {
  insatsId: string;
  anordnareId: string;
  month: YearMonth;
  note: string;
}

export function createPaymentRunActivities(database: Database) {
  return {
    async computePaymentRun(month: YearMonth, approvalDay: number): Promise<PaymentRunResult> {
      return database.$transaction(
        async (tx) => {
          const existing = await tx.paymentRun.findUnique({ where: { month }, include: { lines: { select: { amountOre: true } } } });
          if (existing) {
            return {
              month,
              created: false,
              status: existing.status,
              lines: existing.lines.length,
              totalOre: existing.lines.reduce((sum, line) => sum + line.amountOre, 0),
              held: existing.held as unknown as HeldMonth[],
              message: `payment run ${month} was already computed (${existing.status}); nothing changed`,
            };
          }
          const items = await tx.payableItem.findMany({ where: { runMonth: { lte: month } }, include: { insats: true } });
          const paid = new Set(
            (await tx.paymentLine.findMany({ where: { insatsId: { in: items.map((item) => item.insatsId) } }, select: { insatsId: true, kind: true, month: true } })).map(
              (line) => `${line.insatsId}/${line.kind}/${line.month}`,
            ),
          );
          const due = items.filter((item) => !paid.has(`${item.insatsId}/${item.kind}/${item.month}`));
          const missing = [...new Set(due.filter((item) => item.amountOre === null).map((item) => item.missingSetting ?? 'a month amount'))];
          if (missing.length > 0) {
            throw ApplicationFailure.create({
              type: MISSING_SETTING,
              nonRetryable: true,
              message: `payment run ${month} stopped: configure ${missing.join(', ')} before a run that pays these insatser`,
            });
          }
          // 2023 §6.4, §9: a report not approved by the 15th waits for the run after its approval.
          const approvalDeadline = dbDate(dayOf(month, approvalDay));
          const unapproved = await tx.deadline.findMany({
            where: { rule: 'manadsrapport-godkand', status: 'open', dueDate: { lte: approvalDeadline } },
            include: { insats: { select: { anordnareId: true } } },
          });
          const approvedLate = await tx.payableItem.findMany({
            where: { runMonth: { gt: month }, month: { lt: month }, kind: 'ersattning' },
            include: { insats: { select: { anordnareId: true } } },
          });
          const held: HeldMonth[] = [
            ...unapproved.map((deadline) => ({
              insatsId: deadline.insatsId,
              anordnareId: deadline.insats.anordnareId,
              month: deadline.occurrence,
              note: `månadsrapporten är inte godkänd den ${approvalDay}:e: betalas i körningen efter godkännandet (2023 §9)`,
            })),
            ...approvedLate.map((item) => ({
              insatsId: item.insatsId,
              anordnareId: item.insats.anordnareId,
              month: item.month,
              note: `godkänd efter den ${approvalDay}:e: betalas i körningen ${item.runMonth} (2023 §9)`,
            })),
          ];
          await tx.paymentRun.create({ data: { month, status: 'draft', held: held as unknown as object } });
          await tx.paymentLine.createMany({
            data: due.map((item) => ({
              runMonth: month,
              insatsId: item.insatsId,
              anordnareId: item.insats.anordnareId,
              insatstyp: item.insats.insatstyp,
              kind: item.kind,
              month: item.month,
              activeDays: item.activeDays,
              amountOre: item.amountOre!,
              rule: item.rule,
              note: item.note,
            })),
          });
          const totalOre = due.reduce((sum, item) => sum + item.amountOre!, 0);
          return {
            month,
            created: true,
            status: 'draft',
            lines: due.length,
            totalOre,
            held,
            message: `payment run ${month}: ${due.length} lines, ${formatKronor(totalOre)}, ${held.length} held`,
          };
        },
        { isolationLevel: 'Serializable' },
      );
    },
  };
}

