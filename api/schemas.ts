// The API's request schemas beside the domain's (aktualiseringSchema, insatsEventSchema): parsed
// by the routes and published in the OpenAPI document from the same objects.
import { z } from 'zod';
import { INSATSTYPER, aktualiseringSchema, actorIdSchema, contactEmailSchema, contactPreferenceSchema } from '../domain';

export const insatsIdParamSchema = z.object({ id: aktualiseringSchema.shape.id }).strict();

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');
const limit = z.coerce.number().int().min(1).max(200).default(50);

export const listInsatserQuerySchema = z
  .object({
    anordnare: actorIdSchema.optional(),
    kvl: actorIdSchema.optional(),
    insatstyp: z.enum(INSATSTYPER).optional(),
    phase: z.enum(['aktualiserad', 'pagaende', 'avslutad', 'stangd']).optional(),
    overdue: booleanQuery.optional(),
    dueBefore: z.iso.date().optional(),
    cursor: aktualiseringSchema.shape.id.optional(),
    limit,
  })
  .strict();

/** Timeline entries per page when the caller names no limit, also the first page in GET /api/insatser/:id. */
export const TIMELINE_PAGE = 100;

export const timelineQuerySchema = z
  .object({
    // The seq of the last entry of the previous page, as its nextCursor gave it.
    cursor: z
      .string()
      .regex(/^\d{1,9}$/, 'must be a nextCursor of this timeline')
      .transform(Number)
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(TIMELINE_PAGE),
  })
  .strict();

export const listDeadlinesQuerySchema = z
  .object({
    owner: z.enum(['anordnare', 'kvl', 'arbetsledare', 'kundkoordinator']).optional(),
    dueBefore: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();

export const calendarParamSchema = z.object({ token: z.string().regex(/^kvcal_[A-Za-z0-9_-]{20,100}$/, 'not a calendar token') }).strict();

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');
export const paymentRunMonthSchema = z.object({ month: yearMonth }).passthrough();
export const startPaymentRunSchema = z.object({ month: yearMonth }).strict();

/** Where a page of notifications ends: the last item's claim time and id, opaque to the client. */
export interface NotificationCursor {
  createdAt: Date;
  id: string;
}

export const encodeNotificationCursor = ({ createdAt, id }: NotificationCursor) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');

const notificationCursor = z
  .string()
  .max(200)
  .transform((value, context): NotificationCursor => {
    const [createdAt = '', id = ''] = Buffer.from(value, 'base64url').toString('utf8').split('|');
    if (!z.iso.datetime().safeParse(createdAt).success || !z.uuid().safeParse(id).success) {
      context.addIssue({ code: 'custom', message: 'not a cursor from an earlier page' });
      return z.NEVER;
    }
    return { createdAt: new Date(createdAt), id };
  });

export const listNotificationsQuerySchema = z
  .object({
    status: z.enum(['pending', 'sent', 'failed']).optional(),
    insatsId: aktualiseringSchema.shape.id.optional(),
    cursor: notificationCursor.optional(),
    limit,
  })
  .strict();

export const listOutboxQuerySchema = z
  .object({
    status: z.enum(['queued', 'delivered', 'withdrawn', 'failed']).optional(),
    insatsId: aktualiseringSchema.shape.id.optional(),
    cursor: notificationCursor.optional(),
    limit,
  })
  .strict();

export const putContactBodySchema = z.object({ email: contactEmailSchema, preference: contactPreferenceSchema.optional() }).strict();
