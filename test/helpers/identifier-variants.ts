// Identifiers that must never be taken as an actor id or a kund id (domain/ids.ts), with the reason
// the schema gives: every variant an outside tester got through before (issue 16), the plain forms,
// e-mail addresses, names and whitespace. Shared by the schema's unit table and the HTTP table.
export const OPAQUE_ID_RULE = 'must be an opaque id: 1–64 letters, digits or -, starting with a letter or digit';
export const NOT_A_PERSONNUMMER = 'must be an opaque id, not a personnummer';

export const REFUSED_IDS: [id: string, reason: string][] = [
  ['900101.1234', OPAQUE_ID_RULE],
  ['19900101.1234', OPAQUE_ID_RULE],
  ['1990-01-01-1234', NOT_A_PERSONNUMMER],
  ['19900101--1234', NOT_A_PERSONNUMMER],
  ['p19900101x1234', NOT_A_PERSONNUMMER],
  ['19900101_1234', OPAQUE_ID_RULE],
  ['anna.svensson@example.se', OPAQUE_ID_RULE],
  ['Anna_Svensson_19900101', OPAQUE_ID_RULE],
  ['karin.andersson@nacka.se', OPAQUE_ID_RULE],
  ['199001011234', NOT_A_PERSONNUMMER],
  ['9001011234', NOT_A_PERSONNUMMER],
  ['900101-1234', NOT_A_PERSONNUMMER],
  ['19900101-1234', NOT_A_PERSONNUMMER],
  ['900161-1234', NOT_A_PERSONNUMMER], // samordningsnummer: day 01 + 60
  ['19900191-1234', NOT_A_PERSONNUMMER], // samordningsnummer: day 31 + 60
  ['90-01-01-1234', NOT_A_PERSONNUMMER],
  ['kund-900101-1234', NOT_A_PERSONNUMMER],
  ['Anna-19900101-1234', NOT_A_PERSONNUMMER],
  ['anna svensson', OPAQUE_ID_RULE],
  ['kund\t1', OPAQUE_ID_RULE],
  [' kund-1', OPAQUE_ID_RULE],
  ['kund-1 ', OPAQUE_ID_RULE],
  ['kund+1', OPAQUE_ID_RULE],
];
