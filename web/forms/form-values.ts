// A posted form back into the object its schema parses: each field's text as the type the schema
// expects, an empty field as absent. Only the fields the form has are read. What the text cannot
// become (a word in a number field) is passed on as it is, so the schema's own check names it.
import type { Field } from './schema-fields';

export type FormBody = Record<string, unknown>;

/** The text posted for `path`; the last one when a name came more than once. */
export function postedText(body: FormBody, path: string): string {
  const value = body[path];
  const text = Array.isArray(value) ? value.at(-1) : value;
  return typeof text === 'string' ? text.trim() : '';
}

function numberOf(text: string): number | string {
  // A decimal comma is how Swedish is written (7,5 timmar).
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : text;
}

function valueOf(field: Field, body: FormBody): unknown {
  const text = postedText(body, field.path);
  switch (field.kind) {
    case 'text':
    case 'date':
    case 'month':
      return text === '' ? undefined : text;
    case 'number':
    case 'integer':
      return text === '' ? undefined : numberOf(text);
    case 'choice': {
      if (text === '') return undefined;
      const option = field.options.find((candidate) => String(candidate) === text);
      return option ?? text;
    }
    case 'yes-no':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'group':
      // A required part left empty is parsed as empty, so each of its fields says what it lacks.
      return objectFrom(field.fields, body) ?? (field.required ? {} : undefined);
    case 'rows': {
      // Only the empty rows at the end are left out: a row's number stays the one its errors name.
      const rows = field.rows.map((row) => valueOf(row, body));
      while (rows.length > 0 && rows.at(-1) === undefined) rows.pop();
      return rows.length > 0 ? rows : undefined;
    }
    case 'json':
      if (text === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
  }
}

/** The object the fields make of `body`, or undefined when none of them was filled in. */
export function objectFrom(fields: readonly Field[], body: FormBody): Record<string, unknown> | undefined {
  const object: Record<string, unknown> = {};
  for (const field of fields) {
    const value = valueOf(field, body);
    if (value !== undefined) object[field.path.split('.').at(-1)!] = value;
  }
  return Object.keys(object).length > 0 ? object : undefined;
}
