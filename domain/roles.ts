// Actors of RULEBOOK.md (Actors (roles)).
export const ROLES = ['anordnare', 'kvl', 'arbetsledare', 'kundkoordinator', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** A notification recipient: a role, and the actor's id when the insats names one. */
export interface Recipient {
  role: Role;
  id?: string;
}

export function recipientLabel(recipient: Recipient): string {
  return recipient.id ? `${recipient.role}:${recipient.id}` : recipient.role;
}
