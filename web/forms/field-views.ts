// What the field templates print for each generated field: its label, hint, error, value and the
// ids that tie them together (aria-describedby), so every input has a label and every error is
// read out with its field.
import { fieldHint, fieldLabel, valueLabel } from '../labels';
import { postedText, type FormBody } from './form-values';
import type { Field } from './schema-fields';

interface OptionView {
  id: string;
  value: string;
  label: string;
  selected: boolean;
}

export interface FieldView {
  id: string;
  name: string;
  label: string;
  hint: string | null;
  error: string | null;
  describedBy: string | null;
  required: boolean;
  input: { type: string; value: string; inputMode: string | null; maxLength: number | null } | null;
  select: { options: OptionView[] } | null;
  radios: { options: OptionView[] } | null;
  group: { fields: FieldView[] } | null;
  textarea: { value: string } | null;
}

const HINTS: Partial<Record<Field['kind'], string>> = {
  date: 'Skriv som ÅÅÅÅ-MM-DD.',
  month: 'Skriv som ÅÅÅÅ-MM.',
  json: 'Skriv värdet som JSON.',
};

/** `steg.0.datum` is labelled as `steg.datum`: the row's number is in its legend. */
const labelPath = (path: string) => path.split('.').filter((segment) => !/^\d+$/.test(segment)).join('.');

function labelOf(field: Field): string {
  const last = field.path.split('.').at(-1)!;
  const label = /^\d+$/.test(last) ? `${fieldLabel(labelPath(field.path))} ${Number(last) + 1}` : fieldLabel(labelPath(field.path));
  return field.required || field.kind === 'rows' || /^\d+$/.test(last) ? label : `${label} (frivilligt)`;
}

export function fieldViews(fields: readonly Field[], { formId, posted, errors }: { formId: string; posted?: FormBody | undefined; errors: Record<string, string> }): FieldView[] {
  return fields.map((field) => {
    const id = `${formId}-${field.path.replaceAll('.', '-')}`;
    const text = posted ? postedText(posted, field.path) : '';
    const hintText = [fieldHint(labelPath(field.path)), HINTS[field.kind]].filter(Boolean).join(' ') || null;
    const error = errors[field.path] ?? null;
    const hint = hintText ? `${id}-hint` : null;
    const describedBy = [hint, error ? `${id}-error` : null].filter(Boolean).join(' ') || null;
    const view: FieldView = {
      id, name: field.path, label: labelOf(field), hint: hintText, error, describedBy, required: field.required,
      input: null, select: null, radios: null, group: null, textarea: null,
    };
    const option = (value: string, label: string, selected: boolean, index: number): OptionView => ({ id: `${id}-${index}`, value, label, selected });
    switch (field.kind) {
      case 'text':
      case 'date':
      case 'month':
      case 'number':
      case 'integer': {
        const numeric = field.kind === 'number' || field.kind === 'integer';
        view.input = {
          // A decimal comma is refused by type=number; text with a numeric keyboard takes it.
          type: numeric ? 'text' : field.kind,
          value: text,
          inputMode: field.kind === 'integer' ? 'numeric' : numeric ? 'decimal' : null,
          maxLength: field.kind === 'text' ? (field.maxLength ?? null) : null,
        };
        break;
      }
      case 'choice':
        view.select = {
          options: [option('', 'Välj', text === '', 0), ...field.options.map((value, index) => option(String(value), valueLabel(String(value)), text === String(value), index + 1))],
        };
        break;
      case 'yes-no': {
        // Nothing posted for it (the first view, or no choice made) shows the schema's default.
        const chosen = text !== '' ? text : field.default === undefined ? '' : String(field.default);
        view.radios = {
          options: [
            option('true', 'Ja', chosen === 'true', 0),
            option('false', 'Nej', chosen === 'false', 1),
            ...(field.required || field.default !== undefined ? [] : [option('', 'Inte angivet', chosen === '', 2)]),
          ],
        };
        break;
      }
      case 'group':
        view.group = { fields: fieldViews(field.fields, { formId, posted, errors }) };
        break;
      case 'rows':
        view.group = { fields: fieldViews(field.rows, { formId, posted, errors }) };
        break;
      case 'json':
        view.textarea = { value: text };
        break;
    }
    return view;
  });
}
