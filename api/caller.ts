// Who is calling, and what they may see and do. An anordnare sees only its own insatser; a kvl
// key sees its kvl's, or every insats when it names no kvl; arbetsledare and operator see all.
import { mayRecord, type InsatsEventType } from '../domain';
import type { API_KEY_ROLES } from './api-keys';

export interface Caller {
  keyId: string;
  role: (typeof API_KEY_ROLES)[number];
  anordnare?: string;
  kvl?: string;
}

export function canSee(caller: Caller, insats: { anordnare: string; kvl: string }): boolean {
  if (caller.role === 'anordnare') return insats.anordnare === caller.anordnare;
  if (caller.role === 'kvl') return caller.kvl === undefined || insats.kvl === caller.kvl;
  return true;
}

/** Only a kvl starts an insats (the aktualisering), and only as itself when the key names one. */
export function mayAktualisera(caller: Caller, kvl: string): boolean {
  return caller.role === 'kvl' && (caller.kvl === undefined || caller.kvl === kvl);
}

export function mayRecordEvent(caller: Caller, type: InsatsEventType): boolean {
  return caller.role !== 'operator' && mayRecord(caller.role, type);
}

/** Filters for the insatser a caller may see, for database queries. */
export function visibleTo(caller: Caller): { anordnareId?: string; kvlId?: string } {
  if (caller.role === 'anordnare') return { anordnareId: caller.anordnare! };
  if (caller.role === 'kvl' && caller.kvl) return { kvlId: caller.kvl };
  return {};
}
