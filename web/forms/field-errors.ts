// The schema's refusals as Swedish sentences beside the fields they are about. The words come from
// each issue's code and bounds, not its message (the schemas speak English to the API); a rule's
// own refusal (a refinement) keeps its text, framed in Swedish.
import type { z } from 'zod';
import { allFields, type Field } from './schema-fields';

export interface FormErrors {
  /** By field path. */
  fields: Record<string, string>;
  /** What belongs to no one field: shown above the form. */
  general: string[];
}

export const noErrors = (): FormErrors => ({ fields: {}, general: [] });

function sentence(issue: z.core.$ZodIssue, field: Field | undefined, missing: boolean): string {
  if (missing && field) {
    if (field.kind === 'yes-no') return 'Välj ja eller nej.';
    if (field.kind === 'choice') return 'Välj ett alternativ.';
    return field.kind === 'group' || field.kind === 'rows' ? 'Fyll i uppgifterna i den här delen.' : 'Fyll i fältet.';
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? 'Skriv ett tal.' : issue.expected === 'boolean' ? 'Välj ja eller nej.' : 'Värdet har fel form.';
    case 'too_small':
      if (issue.origin === 'array') return `Fyll i minst ${issue.minimum} ${Number(issue.minimum) === 1 ? 'rad' : 'rader'}.`;
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Fyll i fältet.' : `Skriv minst ${issue.minimum} tecken.`;
      return issue.inclusive ? `Skriv ett tal som är minst ${issue.minimum}.` : `Skriv ett tal som är större än ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'array') return `Fyll i högst ${issue.maximum} rader.`;
      if (issue.origin === 'string') return `Skriv högst ${issue.maximum} tecken.`;
      return issue.inclusive ? `Skriv ett tal som är högst ${issue.maximum}.` : `Skriv ett tal som är mindre än ${issue.maximum}.`;
    case 'invalid_format':
      if (field?.kind === 'date') return 'Skriv ett datum som ÅÅÅÅ-MM-DD.';
      if (field?.kind === 'month') return 'Skriv en månad som ÅÅÅÅ-MM.';
      return 'Värdet har fel form: använd bara de tecken som anges vid fältet.';
    case 'invalid_value':
    case 'invalid_union':
      return 'Välj ett av alternativen.';
    case 'not_multiple_of':
      return `Skriv en multipel av ${issue.divisor}.`;
    case 'unrecognized_keys':
      return 'Formuläret innehåller fält som inte hör till händelsen.';
    default:
      return `Uppgiften godtas inte: ${issue.message}.`;
  }
}

/** Each issue beside the nearest field its path leads to; `value` is the object that was parsed. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], fields: readonly Field[], value: unknown): FormErrors {
  const byPath = new Map(allFields(fields).map((field) => [field.path, field]));
  const errors = noErrors();
  for (const issue of issues) {
    const segments = issue.path.map(String);
    let field: Field | undefined;
    for (let length = segments.length; length > 0 && !field; length -= 1) field = byPath.get(segments.slice(0, length).join('.'));
    const given = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], value);
    const text = sentence(issue, field, field?.path === segments.join('.') && given === undefined);
    if (field && !errors.fields[field.path]) errors.fields[field.path] = text;
    else if (!field) errors.general.push(text);
  }
  return errors;
}
