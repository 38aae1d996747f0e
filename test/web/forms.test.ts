// The pages' forms without a server: fields generated from the event schemas (and from a schema
// no page knows), a posted form read back into what insatsEventSchema parses, its refusals in
// Swedish beside the fields, the forms each role gets, and how Att göra groups what is due.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aktualiseringSchema, INSATS_EVENT_TYPES, insatsEventSchema, ROLES } from '../../domain';
import { arrange, groupOf, type OpenItem } from '../../web/att-gora-list';
import { EVENT_FIELDS, eventFormsFor } from '../../web/event-forms';
import { fieldErrors } from '../../web/forms/field-errors';
import { objectFrom } from '../../web/forms/form-values';
import { fieldsOf, type Field } from '../../web/forms/schema-fields';
import { eventLabel } from '../../web/labels';

const kinds = (fields: Field[]) => Object.fromEntries(fields.map((field) => [field.path, `${field.kind}${field.required ? '' : '?'}`]));
const fieldsOfEvent = (type: string) => EVENT_FIELDS.get(type)!;

/** What a browser posts for `form` of `type`, parsed as the page parses it. */
function posted(type: string, form: Record<string, string>) {
  const value = { ...objectFrom(fieldsOfEvent(type), form), type };
  const result = insatsEventSchema.safeParse(value);
  return { value, result, errors: result.success ? undefined : fieldErrors(result.error.issues, fieldsOfEvent(type), value) };
}

describe('fields generated from the event schemas', () => {
  it('gives each field the input its schema asks for', () => {
    expect(kinds(fieldsOfEvent('bemannad'))).toEqual({});
    expect(kinds(fieldsOfEvent('manadsrapport-klar'))).toEqual({ month: 'month' });
    expect(kinds(fieldsOfEvent('arbetsplats-startad'))).toEqual({ timmarPerVecka: 'number', trepartsoverenskommelse: 'yes-no' });
    expect(kinds(fieldsOfEvent('ledighet'))).toEqual({ from: 'date', to: 'date' });
    expect(fieldsOfEvent('tillaggscheck-ansokan')).toEqual([{ path: 'belopp', required: true, kind: 'choice', options: [5000, 10000, 15000] }]);
    expect(fieldsOfEvent('trepart-hallet')).toEqual([{ path: 'revideradPlanKravs', required: false, kind: 'yes-no', default: true }]);
    const avslut = fieldsOfEvent('avslut');
    expect(kinds(avslut)).toMatchObject({ orsak: 'choice', nyAnordnare: 'text?', anstallning: 'group?', studier: 'group?', tillfalligErsattning: 'choice?' });
    expect(kinds((avslut.find((field) => field.path === 'anstallning') as Extract<Field, { kind: 'group' }>).fields)).toEqual({
      'anstallning.form': 'choice', 'anstallning.omfattning': 'number', 'anstallning.manader': 'integer?',
    });
    const [steg] = fieldsOfEvent('upptrappning-plan') as Extract<Field, { kind: 'rows' }>[];
    expect(steg).toMatchObject({ path: 'steg', kind: 'rows', required: true });
    expect(steg!.rows).toHaveLength(12);
    expect(kinds((steg!.rows[3] as Extract<Field, { kind: 'group' }>).fields)).toEqual({ 'steg.3.datum': 'date', 'steg.3.omfattning': 'number' });
  });

  it('makes a form of a schema no page knows, so a new event type needs no page code', () => {
    const nyHandelse = z.object({
      type: z.literal('ny-handelse'),
      datum: z.iso.date(),
      antal: z.number().int().positive(),
      val: z.enum(['forsta', 'andra']),
      klar: z.boolean().optional(),
      taggar: z.array(z.string()),
    }).strict();
    expect(kinds(fieldsOf(nyHandelse, ['type']))).toEqual({ datum: 'date', antal: 'integer', val: 'choice', klar: 'yes-no?', taggar: 'json' });
  });

  it('has a Swedish name for every event type', () => {
    for (const type of INSATS_EVENT_TYPES) expect(eventLabel(type), type).not.toBe(type);
  });
});

describe('a posted form, read back', () => {
  it('becomes the event the API would get: types from the schema, decimal comma, empty optional parts left out', () => {
    const { result } = posted('avslut', {
      orsak: 'arbete', 'anstallning.form': 'visstid', 'anstallning.omfattning': '87,5', 'anstallning.manader': '6',
      'studier.form': '', 'studier.omfattning': '', hushallsstod: '', ekonomisktBistand: 'false', nyAnordnare: '',
    });
    expect(result.success && result.data).toEqual({ type: 'avslut', orsak: 'arbete', anstallning: { form: 'visstid', omfattning: 87.5, manader: 6 }, ekonomisktBistand: false });
    expect(posted('tillaggscheck-ansokan', { belopp: '10000' }).result.data).toEqual({ type: 'tillaggscheck-ansokan', belopp: 10000 });
    const plan = posted('upptrappning-plan', { 'steg.0.datum': '2026-01-12', 'steg.0.omfattning': '50', 'steg.1.datum': '2026-02-09', 'steg.1.omfattning': '75', 'steg.2.datum': '' });
    expect(plan.result.data).toEqual({ type: 'upptrappning-plan', steg: [{ datum: '2026-01-12', omfattning: 50 }, { datum: '2026-02-09', omfattning: 75 }] });
    expect(posted('trepart-hallet', {}).result.data).toEqual({ type: 'trepart-hallet', revideradPlanKravs: true });
  });

  it('is refused in Swedish, beside the field each refusal is about', () => {
    expect(posted('arbetsplats-startad', { timmarPerVecka: 'tio' }).errors).toEqual({
      fields: { timmarPerVecka: 'Skriv ett tal.', trepartsoverenskommelse: 'Välj ja eller nej.' }, general: [],
    });
    expect(posted('arbetsplats-startad', { timmarPerVecka: '0', trepartsoverenskommelse: 'true' }).errors?.fields).toEqual({ timmarPerVecka: 'Skriv ett tal som är större än 0.' });
    expect(posted('arbetsplats-startad', { timmarPerVecka: '61', trepartsoverenskommelse: 'true' }).errors?.fields).toEqual({ timmarPerVecka: 'Skriv ett tal som är högst 60.' });
    expect(posted('manadsrapport-klar', { month: 'december' }).errors?.fields).toEqual({ month: 'Skriv en månad som ÅÅÅÅ-MM.' });
    expect(posted('manadsrapport-klar', {}).errors?.fields).toEqual({ month: 'Fyll i fältet.' });
    expect(posted('ledighet', { from: '2026-13-01', to: '2026-01-05' }).errors?.fields).toEqual({ from: 'Skriv ett datum som ÅÅÅÅ-MM-DD.' });
    expect(posted('tillaggscheck-ansokan', { belopp: '7000' }).errors?.fields).toEqual({ belopp: 'Välj ett av alternativen.' });
    expect(posted('avslut', { orsak: 'arbete' }).errors?.fields).toEqual({ anstallning: 'Fyll i uppgifterna i den här delen.' });
    expect(posted('upptrappning-plan', { 'steg.1.datum': '2026-01-12' }).errors?.fields).toEqual({ 'steg.0': 'Fyll i uppgifterna i den här delen.', 'steg.1.omfattning': 'Fyll i fältet.' });
    expect(posted('upptrappning-plan', {}).errors?.fields).toEqual({ steg: 'Fyll i uppgifterna i den här delen.' });
  });

  it('names each missing field of a required part left empty, not only the part', () => {
    const fields = fieldsOf(aktualiseringSchema);
    const value = objectFrom(fields, { id: 'A-1', insatstyp: 'AMI2', beslutsdatum: '2025-12-22', anordnare: 'a1', kvl: 'k1', kundId: 'kund-1' });
    const result = aktualiseringSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!.issues, fields, value)).toEqual({ fields: { 'kund.alder': 'Fyll i fältet.', 'kund.ekonomisktBistand': 'Välj ja eller nej.' }, general: [] });
  });
});

describe('the forms of each role', () => {
  const typesOf = (role: (typeof ROLES)[number]) => eventFormsFor(role).map((form) => form.type);

  it('offers the anordnare its events and the kvl theirs, the operator none', () => {
    expect(typesOf('anordnare')).toEqual(expect.arrayContaining(['bemannad', 'manadsrapport-klar', 'trepart-hallet']));
    expect(typesOf('anordnare')).not.toContain('plan-godkand');
    expect(typesOf('kvl')).toEqual(expect.arrayContaining(['plan-godkand', 'uppdrag-inlagt', 'avslut', 'trepart-hallet']));
    expect(typesOf('kvl')).not.toContain('bemannad');
    expect(typesOf('operator')).toEqual([]);
  });

  it('leaves out of a role’s form the decisions another role takes, and says who takes them', () => {
    const forAnordnare = eventFormsFor('anordnare').find((form) => form.type === 'trepart-hallet')!;
    expect(forAnordnare.fields).toEqual([]);
    expect(forAnordnare.decidedByOthers).toEqual(['Krävs en reviderad genomförandeplan efter mötet? beslutas av karriärvägledare eller arbetsledare (2023 §6.5).']);
    const forKvl = eventFormsFor('kvl').find((form) => form.type === 'trepart-hallet')!;
    expect(forKvl.fields.map((field) => field.path)).toEqual(['revideradPlanKravs']);
    expect(forKvl.decidedByOthers).toEqual([]);
  });

  it('lets some role record every event type from the pages', () => {
    const offered = new Set(ROLES.flatMap(typesOf));
    expect(INSATS_EVENT_TYPES.filter((type) => !offered.has(type))).toEqual([]);
  });
});

describe('Att göra’s groups', () => {
  const today = '2025-12-23'; // a Tuesday
  it('puts what is due before today in Försenat, today in I dag, to Sunday in Denna vecka, and after in Senare', () => {
    expect(['2025-12-22', '2025-12-23', '2025-12-24', '2025-12-28', '2025-12-29'].map((due) => groupOf(due, today))).toEqual(['forsenat', 'idag', 'denna-vecka', 'denna-vecka', 'senare']);
  });

  it('keeps the caller’s own items apart from others’, each by due date, with the days late', () => {
    const item = (insatsId: string, due: string, owner: string): OpenItem => ({ insatsId, insatstyp: 'AMI2', rule: 'bemanning', occurrence: '1', due, owner, anordnare: 'a1', kvl: 'k1', section: '2023 §6.2.1' });
    const { own, others } = arrange([item('B', '2025-12-19', 'anordnare'), item('A', '2025-12-16', 'anordnare'), item('C', '2025-12-10', 'kvl')], 'anordnare', today);
    expect(own.forsenat.map(({ insatsId, daysLate }) => [insatsId, daysLate])).toEqual([['A', 7], ['B', 4]]);
    expect(others.forsenat.map(({ insatsId }) => insatsId)).toEqual(['C']);
    expect(own.idag).toEqual([]);
  });
});
