// Who records which event, and who takes the decisions an event carries: the party the rulebook
// makes responsible (RULEBOOK.md, owner column). The API refuses an event from any other role with
// 403, e.g. an anordnare approving its own plan, or waiving the revised plan of a trepart it may
// itself record. The arbetsledare may act for the kvl (2023 §9.3: tilläggscheck "tillsammans med").
import type { InsatsEvent, InsatsEventType } from './events';
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

type EventOf<T extends InsatsEventType> = Extract<InsatsEvent, { type: T }>;
type FieldOf<T extends InsatsEventType> = Exclude<keyof EventOf<T>, 'type'> & string;

/**
 * A field of an event that carries a decision: who may set it, to `value` when only that value is
 * the decision (any value otherwise), with the rule's section.
 */
export type FieldDecision = {
  [T in InsatsEventType]: {
    [F in FieldOf<T>]: { type: T; field: F; value?: EventOf<T>[F]; roles: readonly Role[]; section: string };
  }[FieldOf<T>];
}[InsatsEventType];

/**
 * Every field that carries a decision the rules give to the kvl (README, "Who decides what"). The
 * one a role that records the event may not take is the trepart's waiver; the others belong to
 * kvl events and stay the kvl's should those events ever be opened to others. Facts an anordnare
 * reports (ledighet dates, hours at the workplace, a snabbhetspremie follow-up) are not here.
 */
export const FIELD_DECISIONS: readonly FieldDecision[] = [
  // "om karriärvägledare bedömer att ny genomförande inte är nödvändig"
  { type: 'trepart-hallet', field: 'revideradPlanKravs', value: false, roles: KVL, section: '2023 §6.5' },
  // "Beslut om tilläggscheck fattar karriärvägledare i samråd arbetsledare"
  { type: 'tillaggscheck-beslut', field: 'beviljad', roles: KVL, section: '2023 §9.3' },
  // "Beslut om att insats ska avslutas fattas av karriärvägledare"
  { type: 'avslut', field: 'orsak', roles: KVL, section: '2023 §7' },
  // "om orsak bedöms skälig av karriärvägledare"
  { type: 'avslut', field: 'nyAnordnare', roles: KVL, section: '2023 §7.3' },
  // The kvl states the ramp-up in the uppdrag.
  { type: 'upptrappning-plan', field: 'steg', roles: KVL, section: '2023 §3.2, 2024 §8.1' },
  // "beslutas av ansvarig karriärvägledare i samråd med arbetsledare"
  { type: 'fortsatt-stod-start', field: 'startdatum', roles: KVL, section: '2023 §2.2.2' },
];

export function mayRecord(role: Role, type: InsatsEventType): boolean {
  return EVENT_ACTORS[type].includes(role);
}

/** The decisions `event` takes: each decision field it sets, to the deciding value where there is one. */
function decisionsIn(event: InsatsEvent): FieldDecision[] {
  const fields = event as unknown as Record<string, unknown>;
  return FIELD_DECISIONS.filter(
    (decision) => decision.type === event.type && fields[decision.field] !== undefined && (decision.value === undefined || fields[decision.field] === decision.value),
  );
}

/** Why `role` may not record `event`, or undefined when it may: the event's type, then every decision it takes. */
export function recordRefusal(role: Role, event: InsatsEvent): string | undefined {
  if (!mayRecord(role, event.type)) return `the role ${role} does not record ${event.type}`;
  const taken = decisionsIn(event).find((decision) => !decision.roles.includes(role));
  if (!taken) return undefined;
  const setting = taken.value === undefined ? taken.field : `${taken.field}: ${JSON.stringify(taken.value)}`;
  return `${event.type} with ${setting} is a decision of the ${taken.roles.join(' or ')} (${taken.section}); the role ${role} does not take it`;
}
