// The one pattern of an actor id and a kund id (domain/ids.ts): an opaque token of letters, digits
// and -, never a personnummer, a samordningsnummer, an e-mail address or anything with spaces.
import { describe, expect, it } from 'vitest';
import { actorIdSchema, insatsEventSchema, kundIdSchema, looksLikePersonnummer, recordedInsatsEventSchema } from '../../domain';
import { OPAQUE_ID_RULE, REFUSED_IDS } from '../helpers/identifier-variants';

/** Beyond the shared table: the pattern's own edges. */
const REFUSED_BY_PATTERN = ['-kund', '', 'a'.repeat(65)].map((id): [string, string] => [id, OPAQUE_ID_RULE]);

/** Ids the codebase, its tests, scenarios and bench use, and opaque ids that only look numeric. */
const ACCEPTED_IDS = [
  'A-1',
  'a1',
  'k1',
  'kund-1',
  'kund-ami2-8',
  'bench-k12',
  'S-AMI2-1',
  'insats-2024-000123',
  'insats-2024-01-01',
  'kund-19900101', // a date alone is not a personnummer
  'kund-x-mf0x3k2a-914498-12', // test/helpers/temporal.ts uniqueInsatsId
  'kund-5808-914498', // two numbers, not split where a personnummer is
  'kund-1718000000000', // a millisecond timestamp
  '901301-1234', // month 13
  '900100-1234', // day 00
  '900132-1234', // day 32, neither a day nor a samordningsnummer day
  '21900101-1234', // no century 21
  'a'.repeat(64),
];

describe('actor ids and kund ids: one pattern', () => {
  it.each([...REFUSED_IDS, ...REFUSED_BY_PATTERN])('refuses %j: %s', (id, reason) => {
    for (const schema of [actorIdSchema, kundIdSchema]) {
      const result = schema.safeParse(id);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([reason]);
    }
  });

  it.each(ACCEPTED_IDS)('accepts %j', (id) => {
    expect(actorIdSchema.safeParse(id)).toEqual({ success: true, data: id });
    expect(kundIdSchema.safeParse(id)).toEqual({ success: true, data: id });
  });

  it('reads digit groups split by one or two other characters as one number, by three as two', () => {
    expect(looksLikePersonnummer('19900101ab1234')).toBe(true);
    expect(looksLikePersonnummer('19900101abc1234')).toBe(false);
  });
});

describe('nyAnordnare in an avslut', () => {
  const avslut = (nyAnordnare: string) => ({ type: 'avslut', orsak: 'byte-av-anordnare', nyAnordnare });

  it('a new event names it by the same pattern', () => {
    expect(insatsEventSchema.safeParse(avslut('a2')).success).toBe(true);
    expect(insatsEventSchema.safeParse(avslut('karin.andersson@nacka.se')).success).toBe(false);
    expect(insatsEventSchema.safeParse(avslut('900101-1234')).success).toBe(false);
  });

  it('an avslut already in a history replays with the id an earlier release accepted', () => {
    expect(recordedInsatsEventSchema.parse(avslut('anordnare.ab'))).toEqual(avslut('anordnare.ab'));
    expect(recordedInsatsEventSchema.safeParse(avslut('a b')).success).toBe(false);
  });
});
