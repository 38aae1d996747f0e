// Who sees which insats (README, A first session): an anordnare only its own; a kvl its own, or
// every insats when the key names no kvl; arbetsledare and operator all. To a party that may not
// see an insats, the insats does not exist.
import type { Role } from './roles';

export interface Party {
  role: Role;
  anordnare?: string;
  kvl?: string;
}

export function maySee(party: Party, insats: { anordnare: string; kvl: string }): boolean {
  if (party.role === 'anordnare') return insats.anordnare === party.anordnare;
  if (party.role === 'kvl') return party.kvl === undefined || insats.kvl === party.kvl;
  return true;
}
