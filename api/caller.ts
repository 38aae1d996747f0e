// Who is calling, and what they may do and see (what each party sees: domain/visibility.ts).
import { recordRefusal, type InsatsEvent, type Party } from '../domain';
import type { API_KEY_ROLES } from './api-keys';
import { HttpProblem } from './problem';

export interface Caller extends Party {
  keyId: string;
  role: (typeof API_KEY_ROLES)[number];
}

/** The caller as the workflow sees the sender of an event: who it is, not which key. */
export function partyOf({ role, anordnare, kvl }: Caller): Party {
  return { role, ...(anordnare ? { anordnare } : {}), ...(kvl ? { kvl } : {}) };
}

/** Only a kvl starts an insats (the aktualisering), and only as itself when the key names one. */
export function mayAktualisera(caller: Caller, kvl: string): boolean {
  return caller.role === 'kvl' && (caller.kvl === undefined || caller.kvl === kvl);
}

/**
 * Bringing running insatser in (go-live, late registration): a kvl for its own insatser, or the
 * operator for anyone's. The kvl a line must name, when the key is scoped to one; null when the
 * caller may not import at all.
 */
export function importScopeOf(caller: Caller): { onlyKvl?: string } | null {
  if (caller.role === 'operator') return {};
  if (caller.role === 'kvl') return caller.kvl ? { onlyKvl: caller.kvl } : {};
  return null;
}

/**
 * Why the caller may not record `event`, or undefined when it may: its role records the event's
 * type and takes every decision the event carries (domain/event-actors.ts). The operator records none.
 */
export function eventRefusal(caller: Caller, event: InsatsEvent): string | undefined {
  if (caller.role === 'operator') return `the role operator does not record ${event.type}`;
  return recordRefusal(caller.role, event);
}

/** Filters for the insatser a caller may see, for database queries. */
export function visibleTo(caller: Caller): { anordnareId?: string; kvlId?: string } {
  if (caller.role === 'anordnare') return { anordnareId: caller.anordnare! };
  if (caller.role === 'kvl' && caller.kvl) return { kvlId: caller.kvl };
  return {};
}

/** 403 unless the caller has one of `roles`; `action` says what was refused. */
export function requireRole(caller: Caller, roles: Caller['role'][], action: string): void {
  if (!roles.includes(caller.role)) throw new HttpProblem(403, 'Forbidden', `the role ${caller.role} does not ${action}`);
}
