// Stores the workflow's projection writes in PostgreSQL. Every write is an upsert keyed by a
// natural id, so a retried activity changes nothing twice.
import { outboxItemKey } from '../domain';
import { dbDate, type Database } from '../platform/database';
import type { ProjectionWrite } from '../workflows/types';

export function createProjectionActivities(database: Database) {
  return {
    async recordProjection(writes: ProjectionWrite[]): Promise<void> {
      await database.$transaction(async (tx) => {
        for (const write of writes) {
          if (write.kind === 'insats') {
            const { insats } = write;
            const fields = {
              insatstyp: insats.insatstyp,
              rulebook: insats.rulebook,
              beslutsdatum: dbDate(insats.beslutsdatum),
              aktualiseringsdatum: dbDate(insats.aktualiseringsdatum),
              anordnareId: insats.anordnare,
              kvlId: insats.kvl,
              kundId: insats.kundId,
              phase: insats.phase,
              workflowId: insats.workflowId,
            };
            await tx.insats.upsert({ where: { id: insats.insatsId }, create: { id: insats.insatsId, ...fields }, update: fields });
          } else if (write.kind === 'event') {
            const { event } = write;
            await tx.insatsEvent.createMany({
              data: [
                {
                  id: event.id,
                  insatsId: write.insatsId,
                  type: event.type,
                  payload: event.payload,
                  occurredAt: new Date(event.occurredAt),
                  requestId: event.requestId ?? null,
                },
              ],
              skipDuplicates: true,
            });
          } else if (write.kind === 'deadline') {
            const { deadline } = write;
            const fields = {
              dueDate: dbDate(deadline.due),
              ownerRole: deadline.owner,
              openedOn: dbDate(deadline.openedOn),
              escalation: deadline.escalation,
              section: deadline.section ?? null,
              status: deadline.status,
              missed: deadline.missed ?? false,
              openedAt: new Date(write.openedAt),
              closedAt: deadline.closedOn ? dbDate(deadline.closedOn) : null,
            };
            await tx.deadline.upsert({
              where: {
                insatsId_rule_occurrence: { insatsId: write.insatsId, rule: deadline.rule, occurrence: deadline.occurrence },
              },
              create: { insatsId: write.insatsId, rule: deadline.rule, occurrence: deadline.occurrence, ...fields },
              // openedAt stays as first stored.
              update: { ...fields, openedAt: undefined },
            });
          } else if (write.kind === 'payable') {
            const { item } = write;
            await tx.payableItem.createMany({
              data: [
                {
                  insatsId: write.insatsId,
                  kind: item.kind,
                  month: item.month,
                  activeDays: item.activeDays ?? null,
                  amountOre: item.amountOre,
                  missingSetting: item.missingSetting ?? null,
                  rule: item.rule,
                  note: item.note,
                  payableOn: dbDate(item.payableOn),
                  runMonth: item.runMonth,
                },
              ],
              skipDuplicates: true,
            });
          } else if (write.kind === 'outbox-item') {
            const { item } = write;
            await tx.outboxItem.createMany({
              data: [
                {
                  idempotencyKey: outboxItemKey(item),
                  insatsId: item.insatsId,
                  insatstyp: item.insatstyp,
                  rule: item.rule,
                  occurrence: item.occurrence,
                  step: item.step,
                  kind: item.kind,
                  recipientRole: item.recipient.role,
                  recipientId: item.recipient.id ?? null,
                  ownerRole: item.owner.role,
                  ownerId: item.owner.id ?? null,
                  dueDate: item.due ? dbDate(item.due) : null,
                  section: item.section ?? null,
                  text: item.text ?? null,
                  decidedAt: new Date(item.decidedAt),
                },
              ],
              skipDuplicates: true,
            });
          } else {
            await tx.timelineEntry.createMany({
              data: [{ insatsId: write.insatsId, seq: write.seq, at: new Date(write.entry.at), kind: write.entry.kind, entry: { ...write.entry } }],
              skipDuplicates: true,
            });
          }
        }
      });
    },
  };
}
