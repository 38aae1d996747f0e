// The shapes GET /api/insatser/:id and …/timeline answer with, for the OpenAPI document and for
// the tests that check an answer against it. Field names are those of the workflow snapshot the
// route used to return, so clients written against it keep working.
import { z } from 'zod';
import { INSATSTYPER, ROLES, RULE_IDS, RULEBOOKS, TIMELINE_KINDS } from '../domain';

const localDate = z.iso.date();

const deadlineSchema = z.strictObject({
  rule: z.enum(RULE_IDS),
  occurrence: z.string(),
  due: localDate,
  openedOn: localDate.nullable().describe('Null on a deadline stored before migration 0006 and not written since'),
  owner: z.enum(ROLES),
  escalation: z.array(z.enum(ROLES)),
  section: z.string().nullable(),
});

export const timelineEntrySchema = z.strictObject({
  seq: z.int().min(1),
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  rule: z.enum(RULE_IDS).optional(),
  due: localDate.optional(),
  to: z.array(z.string()).optional(),
  month: z.string().optional(),
  amount: z.number().nullable().optional(),
  event: z.string().optional(),
  reason: z.string().optional(),
});

const nextCursor = z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page');

export const timelinePageSchema = z.strictObject({ items: z.array(timelineEntrySchema), nextCursor });

const eventSchema = z.strictObject({
  id: z.string(),
  type: z.string(),
  payload: z.unknown(),
  occurredAt: z.iso.datetime(),
  requestId: z.string().nullable(),
});

export const insatsReadSchema = z.strictObject({
  insatsId: z.string(),
  insatstyp: z.enum(INSATSTYPER),
  rulebook: z.enum(RULEBOOKS),
  phase: z.enum(['aktualiserad', 'pagaende', 'avslutad', 'stangd']),
  beslutsdatum: localDate,
  aktualiseringsdatum: localDate,
  anordnare: z.string(),
  kvl: z.string(),
  openDeadlines: z.array(deadlineSchema.extend({ overdue: z.boolean().describe('The due date is before today, Europe/Stockholm') })),
  pendingDeadlines: z.array(deadlineSchema),
  closedDeadlines: z.array(
    deadlineSchema.extend({
      status: z.enum(['met', 'met-late', 'cancelled']),
      missed: z.boolean(),
      closedOn: localDate.nullable(),
    }),
  ),
  events: z.array(eventSchema),
  lastEvents: z.array(eventSchema).describe('The latest 20 of `events`'),
  timeline: z.array(timelineEntrySchema).describe('The first page of GET /api/insatser/{id}/timeline'),
  timelineNextCursor: nextCursor,
});
