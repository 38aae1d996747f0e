// Who records each event and who takes the decisions it carries (domain/event-actors.ts): the
// decision fields, each with its section, and the one a role that records the event may not take.
import { describe, expect, it } from 'vitest';
import { EVENT_ACTORS, FIELD_DECISIONS, insatsEventSchema, recordRefusal, ROLES, type InsatsEvent } from '../../domain';

const event = (value: unknown) => insatsEventSchema.parse(value);

describe('decision fields', () => {
  it('are the ones the review of every event type found, each with its section', () => {
    expect(FIELD_DECISIONS.map(({ type, field, value, roles, section }) => [type, field, value, roles, section])).toEqual([
      ['trepart-hallet', 'revideradPlanKravs', false, ['kvl', 'arbetsledare'], '2023 §6.5'],
      ['tillaggscheck-beslut', 'beviljad', undefined, ['kvl', 'arbetsledare'], '2023 §9.3'],
      ['avslut', 'orsak', undefined, ['kvl', 'arbetsledare'], '2023 §7'],
      ['avslut', 'nyAnordnare', undefined, ['kvl', 'arbetsledare'], '2023 §7.3'],
      ['upptrappning-plan', 'steg', undefined, ['kvl', 'arbetsledare'], '2023 §3.2, 2024 §8.1'],
      ['fortsatt-stod-start', 'startdatum', undefined, ['kvl', 'arbetsledare'], '2023 §2.2.2'],
    ]);
  });

  it('name a field of their event, and roles that record that event', () => {
    for (const { type, field, roles } of FIELD_DECISIONS) {
      const option = insatsEventSchema.options.find((candidate) => candidate.shape.type.value === type)!;
      expect(Object.keys(option.shape)).toContain(field);
      expect(roles.every((role) => EVENT_ACTORS[type].includes(role))).toBe(true);
    }
  });
});

describe('recordRefusal', () => {
  it('an anordnare records a trepart but may not waive the revised plan (2023 §6.5)', () => {
    expect(recordRefusal('anordnare', event({ type: 'trepart-hallet' }))).toBeUndefined();
    expect(recordRefusal('anordnare', event({ type: 'trepart-hallet', revideradPlanKravs: true }))).toBeUndefined();
    expect(recordRefusal('anordnare', event({ type: 'trepart-hallet', revideradPlanKravs: false }))).toBe(
      'trepart-hallet with revideradPlanKravs: false is a decision of the kvl or arbetsledare (2023 §6.5); the role anordnare does not take it',
    );
  });

  it('the kvl, and the arbetsledare acting for the kvl, may waive it', () => {
    for (const role of ['kvl', 'arbetsledare'] as const) {
      expect(recordRefusal(role, event({ type: 'trepart-hallet', revideradPlanKravs: false }))).toBeUndefined();
    }
  });

  it('refuses an event type the role does not record, before its fields', () => {
    expect(recordRefusal('anordnare', event({ type: 'plan-godkand' }))).toBe('the role anordnare does not record plan-godkand');
    expect(recordRefusal('operator', event({ type: 'bemannad' }))).toBe('the role operator does not record bemannad');
  });

  it('a role that records an event takes every decision in it, except the trepart waiver for the anordnare', () => {
    const samples: InsatsEvent[] = [
      event({ type: 'trepart-hallet', revideradPlanKravs: false }),
      event({ type: 'tillaggscheck-beslut', beviljad: true }),
      event({ type: 'avslut', orsak: 'byte-av-anordnare', nyAnordnare: 'a2' }),
      event({ type: 'upptrappning-plan', steg: [{ datum: '2026-02-01', omfattning: 50 }] }),
      event({ type: 'fortsatt-stod-start', startdatum: '2026-02-01' }),
    ];
    const allowed = samples.flatMap((sample) => ROLES.filter((role) => recordRefusal(role, sample) === undefined).map((role) => `${sample.type}:${role}`));
    expect(allowed).toEqual([
      'trepart-hallet:kvl',
      'trepart-hallet:arbetsledare',
      'tillaggscheck-beslut:kvl',
      'tillaggscheck-beslut:arbetsledare',
      'avslut:kvl',
      'avslut:arbetsledare',
      'upptrappning-plan:kvl',
      'upptrappning-plan:arbetsledare',
      'fortsatt-stod-start:kvl',
      'fortsatt-stod-start:arbetsledare',
    ]);
  });

  it('the other fields are facts the recording party reports: a new field is reviewed here first', () => {
    const decided = new Set<string>(FIELD_DECISIONS.map((decision) => decision.type));
    const facts = Object.fromEntries(
      insatsEventSchema.options
        .map((option) => [option.shape.type.value, Object.keys(option.shape).filter((field) => field !== 'type')] as const)
        .filter(([type, fields]) => !decided.has(type) && fields.length > 0),
    );
    expect(facts).toEqual({
      'manadsrapport-klar': ['month'],
      'manadsrapport-aterremitterad': ['month'],
      'manadsrapport-godkand': ['month'],
      'arbetsplats-startad': ['timmarPerVecka', 'trepartsoverenskommelse'],
      'tillaggscheck-ansokan': ['belopp'],
      ledighet: ['from', 'to'],
      'sfi-niva-start': ['niva'],
      'sfi-niva-klar': ['niva'],
      'snabbhetspremie-uppfoljning': ['month', 'fortsatt'],
      'upptrappningssteg-uppnatt': ['datum'],
    });
  });
});
