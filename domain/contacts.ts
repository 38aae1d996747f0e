// Where an actor's notifications go (RULEBOOK.md, Actors): one e-mail address per role and actor.
// An insats names its anordnare and its kvl; the other roles act as one function each and get no
// id, so their one contact is keyed by the role itself.
import { z } from 'zod';
import { actorIdSchema } from './ids';
import { ROLES, type Recipient } from './roles';

/** The roles an insats names an actor of (workflows/insats-state.ts, `recipient`). */
const ROLES_WITH_ACTOR_ID: readonly string[] = ['anordnare', 'kvl'];

/** The contact row of a recipient: its actor id, or the role for a role without ids. */
export function contactActorId(recipient: Recipient): string {
  return recipient.id ?? recipient.role;
}

export const contactEmailSchema = z.email('must be an e-mail address');

const contactShape = {
  role: z.enum(ROLES),
  actorId: actorIdSchema,
};

/** A contact has no use unless a notification looks it up: the actor id of a role without ids is the role. */
function keyedAsLookedUp({ role, actorId }: { role: string; actorId: string }, context: z.RefinementCtx): void {
  if (!ROLES_WITH_ACTOR_ID.includes(role) && actorId !== role) {
    context.addIssue({ code: 'custom', path: ['actorId'], message: `${role} has one address, under the actor id "${role}"` });
  }
}

export const contactKeySchema = z.object(contactShape).strict().superRefine(keyedAsLookedUp);
/** digest: one e-mail a working day (the default); immediate: each item in an e-mail of its own (domain/digest.ts). */
export const contactPreferenceSchema = z.enum(['digest', 'immediate']);

export const contactSchema = z
  .object({ ...contactShape, email: contactEmailSchema, preference: contactPreferenceSchema.optional() })
  .strict()
  .superRefine(keyedAsLookedUp);
export type Contact = z.infer<typeof contactSchema>;
