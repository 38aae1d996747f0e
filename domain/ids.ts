// Identifiers that enter workflow histories and search attributes, which are not encrypted.
import { z } from 'zod';

export const actorIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/, 'must be 1–100 letters, digits or . _ @ -');

// The kund id must be opaque (RULEBOOK.md, Actors): anything shaped like a personnummer is refused.
const personnummerShape = /(^|\D)(\d{2})?\d{6}[-+]?\d{4}(\D|$)/;

/** An opaque kund id: never a personnummer. */
export const kundIdSchema = actorIdSchema.refine((value) => !personnummerShape.test(value), {
  message: 'must be an opaque id, not a personnummer',
});
