// Who records which event: the party the rulebook makes responsible for it (RULEBOOK.md, owner
// column). The API refuses an event from any other role with 403, e.g. an anordnare approving
// its own plan. The arbetsledare may act for the kvl (2023 §9.3: tilläggscheck "tillsammans med").
import type { InsatsEventType } from './events';
import type { Role } from './roles';

const ANORDNARE: Role[] = ['anordnare'];
const KVL: Role[] = ['kvl', 'arbetsledare'];
const BOTH: Role[] = ['anordnare', 'kvl', 'arbetsledare'];

export const EVENT_ACTORS: Record<InsatsEventType, Role[]> = {
  bemannad: ANORDNARE, // 2023 §6.2.1
  'uppdrag-inlagt': KVL, // 2023 §6.2.1
  'plan-inlamnad': ANORDNARE, // 2023 §6.3.1
  'plan-aterremitterad': KVL,
  'plan-godkand': KVL,
  'manadsrapport-klar': ANORDNARE, // 2023 §6.4
  'manadsrapport-aterremitterad': KVL,
  'manadsrapport-godkand': KVL,
  'trepart-hallet': BOTH, // 2023 §6.5: any party may initiate; 2024 §7.2, §8.2: the anordnare books
  'reviderad-plan-inlamnad': ANORDNARE,
  'arbetsplats-startad': ANORDNARE, // 2023 §5.2
  sjukanmalan: ANORDNARE, // 2023 §3.6.1
  friskanmalan: ANORDNARE,
  'lakarintyg-inlamnat': BOTH,
  'vab-anmalan': ANORDNARE, // 2023 §3.6.2
  'vab-intyg-inlamnat': BOTH,
  'tillaggscheck-ansokan': ANORDNARE, // 2023 §9.3
  'tillaggscheck-beslut': KVL,
  ledighet: BOTH, // 2023 §3.5
  'sfi-niva-start': BOTH, // 2023 §2.3.2
  'sfi-niva-klar': BOTH,
  'omprovning-gjord': KVL, // 2023 §7
  'slutrapport-inlamnad': ANORDNARE, // 2023 §6.6
  avslut: KVL, // 2023 §7: the kvl decides the avslut
  'bonusrapport-inlamnad': ANORDNARE, // 2023 §9.2
  'bonus-godkand': KVL,
  'snabbhetspremie-uppfoljning': ANORDNARE, // 2024 §10.1
  'sfi-risk': BOTH, // 2023 §2.3.2.1: the teacher or the kvl signals
  'sfi-skolkontakt': ANORDNARE,
  'arbete-avbojt': ANORDNARE, // 2023 §3.4: the anordnare contacts the kvl promptly
  'upptrappning-plan': KVL, // the steps are in the uppdrag
  'upptrappningssteg-uppnatt': ANORDNARE,
  'fortsatt-stod-start': KVL, // 2023 §2.2.2: decided by the kvl with the arbetsledare
  'fortsatt-stod-avslutat': KVL,
};

export function mayRecord(role: Role, type: InsatsEventType): boolean {
  return EVENT_ACTORS[type].includes(role);
}
