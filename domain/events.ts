// Validation schemas for what enters an insats: the aktualisering that starts it and the events
// that move it. One schema each, shared by the API and the workflow's update validators.
import { z } from 'zod';
import { INSATSTYPER } from './insatstyp';

const localDate = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });
const actorId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/, 'must be 1–100 letters, digits or . _ @ -');

// Workflow histories and search attributes are not encrypted: the kund id must be opaque
// (RULEBOOK.md, Actors), so anything shaped like a personnummer is refused.
const personnummerShape = /(^|\D)(\d{2})?\d{6}[-+]?\d{4}(\D|$)/;

/** An opaque kund id: never a personnummer. */
export const kundIdSchema = actorId.refine((value) => !personnummerShape.test(value), {
  message: 'must be an opaque id, not a personnummer',
});

export const aktualiseringSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1–64 letters, digits, _ or -'),
    insatstyp: z.enum(INSATSTYPER),
    beslutsdatum: localDate,
    /** Defaults to today (Europe/Stockholm) when the API receives it. */
    aktualiseringsdatum: localDate.optional(),
    anordnare: actorId,
    kvl: actorId,
    kundId: kundIdSchema,
  })
  .strict();
export type Aktualisering = z.infer<typeof aktualiseringSchema>;

export const bemannadSchema = z.object({ type: z.literal('bemannad') }).strict();

export const insatsEventSchema = z.discriminatedUnion('type', [bemannadSchema]);
export type InsatsEvent = z.infer<typeof insatsEventSchema>;
export type InsatsEventType = InsatsEvent['type'];
