// Validation schemas for what enters an insats: the aktualisering that starts it and the events
// that move it. One schema each, shared by the API and the workflow's update validators.
import { z } from 'zod';
import { avslutSchema } from './avslut';
import { actorIdSchema as actorId, kundIdSchema, looksLikePersonnummer, recordedActorIdSchema } from './ids';
import { kundSchema } from './kund';
import { progressSchema } from './progress';
import { INSATSTYPER } from './insatstyp';

const localDate = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });
export const aktualiseringSchema = z
  .object({
    // The insats id is its workflow id, plain text in Temporal: never a personnummer either.
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: 'must be 1–64 letters, digits, _ or -', abort: true })
      .refine((value) => !looksLikePersonnummer(value), 'must be an opaque id, not a personnummer'),
    insatstyp: z.enum(INSATSTYPER),
    beslutsdatum: localDate,
    /** Defaults to today (Europe/Stockholm) when the API receives it. */
    aktualiseringsdatum: localDate.optional(),
    /** The granted end date, when the decision names one. */
    slutdatum: localDate.optional(),
    /** The uppdrag says a praktik is needed (2023 §2.1.1, 2024 §7.3). */
    praktikBehov: z.boolean().optional(),
    anordnare: actorId,
    kvl: actorId,
    kundId: kundIdSchema,
    /** The kund facts eligibility is checked on (RULEBOOK.md, Eligibility at aktualisering). */
    kund: kundSchema.omit({ id: true }),
    /** What an insats brought in late has already done (go-live, late registration). */
    progress: progressSchema.optional(),
  })
  .strict();
export type Aktualisering = z.infer<typeof aktualiseringSchema>;

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');
const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape }).strict();

/** The events, with the schema of the anordnare an avslut names. */
const eventSchemaWith = (anordnareId: typeof actorId) => z.discriminatedUnion('type', [
  event('bemannad', {}),
  event('uppdrag-inlagt', {}),
  event('plan-inlamnad', {}),
  event('plan-aterremitterad', {}),
  event('plan-godkand', {}),
  event('manadsrapport-klar', { month: yearMonth }),
  event('manadsrapport-aterremitterad', { month: yearMonth }),
  event('manadsrapport-godkand', { month: yearMonth }),
  /** `revideradPlanKravs: false` when the kvl waives the revised plan at the meeting (2023 §6.5). */
  event('trepart-hallet', { revideradPlanKravs: z.boolean().default(true) }),
  event('reviderad-plan-inlamnad', {}),
  event('arbetsplats-startad', {
    timmarPerVecka: z.number().positive().max(60),
    trepartsoverenskommelse: z.boolean(),
  }),
  event('sjukanmalan', {}),
  event('friskanmalan', {}),
  event('lakarintyg-inlamnat', {}),
  event('vab-anmalan', {}),
  event('vab-intyg-inlamnat', {}),
  event('tillaggscheck-ansokan', { belopp: z.union([z.literal(5000), z.literal(10000), z.literal(15000)]) }),
  event('tillaggscheck-beslut', { beviljad: z.boolean() }),
  event('ledighet', { from: localDate, to: localDate }),
  event('sfi-niva-start', { niva: z.string().min(1).max(20) }),
  event('sfi-niva-klar', { niva: z.string().min(1).max(20) }),
  event('omprovning-gjord', {}),
  event('slutrapport-inlamnad', {}),
  /** `nyAnordnare`: with byte-av-anordnare, the anordnare whose insats follows (2023 §7.3). */
  z
    .object({ type: z.literal('avslut'), nyAnordnare: anordnareId.optional(), ...avslutSchema.shape })
    .strict()
    .superRefine(({ type: _type, nyAnordnare: _nyAnordnare, ...avslut }, context) => {
      // The avslut's own rules (an avslut to arbete names the anstallning, …), stated once in avslut.ts.
      for (const issue of avslutSchema.safeParse(avslut).error?.issues ?? []) {
        context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    }),
  event('bonusrapport-inlamnad', {}),
  event('bonus-godkand', {}),
  event('snabbhetspremie-uppfoljning', { month: yearMonth, fortsatt: z.boolean() }),
  /** The teacher or the kvl signals that the kund will not reach the SFI level in time (2023 §2.3.2.1). */
  event('sfi-risk', {}),
  event('sfi-skolkontakt', {}),
  /** The kund declines work or a placement: an extra trepart (2023 §3.4, 2024 §3.2.1). */
  event('arbete-avbojt', {}),
  /** The uppdrag's ramp-up of a part-time plan, step by step (2023 §3.2, §2.3.1; 2024 §8.1). */
  event('upptrappning-plan', {
    steg: z.array(z.object({ datum: localDate, omfattning: z.number().gt(0).max(100) }).strict()).min(1).max(12),
  }),
  event('upptrappningssteg-uppnatt', { datum: localDate }),
  /** FJP: continued support after a job or study start, at most three months (2023 §2.2.2). */
  event('fortsatt-stod-start', { startdatum: localDate }),
  event('fortsatt-stod-avslutat', {}),
]);

/**
 * Every event that moves an insats, by its kebab-case type. `aktualiserad` is not among them: it
 * starts the insats (aktualiseringSchema). The API and the workflow's update validator check
 * every new event against it.
 */
export const insatsEventSchema = eventSchemaWith(actorId);

/**
 * The same events as a workflow history holds them: applyEvent parses each again on replay, and
 * an avslut an earlier release accepted may name a nyAnordnare the opaque-id pattern now refuses
 * (ids.ts recordedActorIdSchema). A replay must still apply it; the strict check stays at the
 * edges, the API and the update validator, which does not run on replay.
 */
export const recordedInsatsEventSchema = eventSchemaWith(recordedActorIdSchema);
export type InsatsEvent = z.infer<typeof insatsEventSchema>;
export type InsatsEventInput = z.input<typeof insatsEventSchema>;
export type InsatsEventType = InsatsEvent['type'];
export const INSATS_EVENT_TYPES = insatsEventSchema.options.map((option) => option.shape.type.value) as InsatsEventType[];
