// Identifiers that enter search attributes and the PostgreSQL projection, which stay plain text
// whatever the payload codec encrypts. The kund's personal data never enters a workflow
// (RULEBOOK.md, Actors): an actor id and the kund id are opaque tokens, never a personnummer, a
// samordningsnummer, an e-mail address or a name.
import { z } from 'zod';

/** The one pattern of an actor id and a kund id (README, "Identifiers"). */
export const OPAQUE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const OPAQUE_ID_RULE = 'must be an opaque id: 1–64 letters, digits or -, starting with a letter or digit';

/** Digit groups split by at most this many other characters are read as one number. */
const MAX_SEPARATOR = 2;

/**
 * Where a personnummer is written with separators, by the number of its digits: between the
 * date and the four last digits (YYMMDD-NNNN, YYYYMMDD-NNNN), or also inside the date
 * (YY-MM-DD-NNNN, YYYY-MM-DD-NNNN). Other splits (5808-914498) are not how anyone writes one,
 * and reading them as one would refuse ordinary ids that carry two numbers.
 */
const SPLITS: Record<number, readonly string[]> = { 10: ['', '6', '2,4,6'], 12: ['', '8', '4,6,8'] };

/** YYMMDDNNNN with a month 01–12 and a day 01–31, or 61–91 in a samordningsnummer (day + 60). */
function isDateAndSerial(tenDigits: string): boolean {
  const month = Number(tenDigits.slice(2, 4));
  const day = Number(tenDigits.slice(4, 6));
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

/** Whether consecutive digit groups, taken whole, spell a personnummer or samordningsnummer. */
function spellsPersonnummer(groups: readonly string[]): boolean {
  for (let first = 0; first < groups.length; first += 1) {
    let digits = '';
    const splits: number[] = [];
    for (const group of groups.slice(first)) {
      if (digits.length > 0) splits.push(digits.length);
      digits += group;
      if (digits.length > 12) break;
      if (!SPLITS[digits.length]?.includes(splits.join(','))) continue;
      // The twelve-digit form starts with the century.
      if (digits.length === 12 && !/^(18|19|20)/.test(digits)) continue;
      if (isDateAndSerial(digits.slice(-10))) return true;
    }
  }
  return false;
}

/**
 * Whether `value` carries a personnummer or samordningsnummer in any separator form:
 * 9001011234, 900101-1234, 19900101x1234, 1990-01-01--1234, 900161-1234. Digit groups split by
 * at most two other characters are one number; a run of them that makes ten digits (or twelve
 * from the century) split only where a personnummer is split, with a valid month and day, is one.
 */
export function looksLikePersonnummer(value: string): boolean {
  let groups: string[] = [];
  let lastEnd = -Infinity;
  for (const match of value.matchAll(/\d+/g)) {
    if (match.index - lastEnd > MAX_SEPARATOR) {
      if (spellsPersonnummer(groups)) return true;
      groups = [];
    }
    groups.push(match[0]);
    lastEnd = match.index + match[0].length;
  }
  return spellsPersonnummer(groups);
}

/**
 * An opaque id: the pattern refuses e-mail addresses (@ and .), spaces and names written with
 * them; the refinement refuses a personnummer or samordningsnummer in any separator form.
 */
const opaqueIdSchema = z
  .string()
  .regex(OPAQUE_ID_PATTERN, { message: OPAQUE_ID_RULE, abort: true })
  .refine((value) => !looksLikePersonnummer(value), { message: 'must be an opaque id, not a personnummer' });

/** An anordnare or a kvl: in API keys, contacts, the aktualisering and an avslut's nyAnordnare. */
export const actorIdSchema = opaqueIdSchema;

/** The kund: the only trace of the kund in the service. */
export const kundIdSchema = opaqueIdSchema;

/**
 * The actor ids an earlier release accepted (also `.`, `_` and `@`, up to 100 characters). Only
 * for events already in a workflow history, which the workflow parses again on replay
 * (domain/events.ts recordedInsatsEventSchema); never for anything new.
 */
export const recordedActorIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/);
