// Form fields generated from a zod schema, read through its JSON Schema (the document the OpenAPI
// page shows too): literals and enums become choices, booleans yes/no, dates and months their own
// inputs, objects fieldsets, arrays of objects repeated fieldsets, and anything else a JSON text
// area. So a new event type, or a new field of one, needs no page code.
import { z } from 'zod';

interface JsonNode {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonNode[];
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonNode>;
  required?: string[];
  items?: JsonNode;
  maxItems?: number;
  minItems?: number;
  maxLength?: number;
  default?: unknown;
}

interface FieldBase {
  /** The value's path in the parsed object, dotted: `anstallning.form`, `steg.0.datum`. */
  path: string;
  required: boolean;
}

export type Field =
  | (FieldBase & { kind: 'text' | 'date' | 'month'; maxLength?: number })
  | (FieldBase & { kind: 'number' | 'integer' })
  | (FieldBase & { kind: 'choice'; options: (string | number)[] })
  | (FieldBase & { kind: 'yes-no'; default?: boolean })
  | (FieldBase & { kind: 'group'; fields: Field[] })
  | (FieldBase & { kind: 'rows'; rows: Field[] })
  | (FieldBase & { kind: 'json' });

/** Rows a repeated fieldset offers at most: a form without script cannot add more. */
const MAX_ROWS = 12;
const MONTH_SAMPLE = '2025-01';
const DATE_SAMPLE = '2025-01-31';

function stringField(node: JsonNode, base: FieldBase): Field {
  if (node.format === 'date') return { ...base, kind: 'date' };
  const pattern = node.pattern ? new RegExp(node.pattern) : undefined;
  if (pattern?.test(MONTH_SAMPLE) && !pattern.test(DATE_SAMPLE)) return { ...base, kind: 'month' };
  return { ...base, kind: 'text', ...(node.maxLength !== undefined ? { maxLength: node.maxLength } : {}) };
}

function fieldOf(node: JsonNode, path: string, required: boolean): Field {
  const base = { path, required };
  if (node.anyOf?.every((option) => option.const !== undefined)) return { ...base, kind: 'choice', options: node.anyOf.map((option) => option.const as string | number) };
  if (node.enum) return { ...base, kind: 'choice', options: node.enum as (string | number)[] };
  if (node.const !== undefined) return { ...base, kind: 'choice', options: [node.const as string | number] };
  switch (node.type) {
    case 'boolean':
      return { ...base, kind: 'yes-no', ...(typeof node.default === 'boolean' ? { default: node.default } : {}) };
    case 'integer':
    case 'number':
      return { ...base, kind: node.type };
    case 'string':
      return stringField(node, base);
    case 'object':
      return node.properties ? { ...base, kind: 'group', fields: fieldsOfObject(node, path) } : { ...base, kind: 'json' };
    case 'array': {
      if (node.items?.type !== 'object') return { ...base, kind: 'json' };
      const count = Math.min(node.maxItems ?? MAX_ROWS, MAX_ROWS);
      const rows = Array.from({ length: count }, (_, index) => fieldOf(node.items!, `${path}.${index}`, false));
      return { ...base, required: required && (node.minItems ?? 0) > 0, kind: 'rows', rows };
    }
    default:
      return { ...base, kind: 'json' };
  }
}

function fieldsOfObject(node: JsonNode, prefix: string, skip: readonly string[] = []): Field[] {
  return Object.entries(node.properties ?? {})
    .filter(([name]) => !skip.includes(name))
    .map(([name, child]) => fieldOf(child, prefix ? `${prefix}.${name}` : name, (node.required ?? []).includes(name)));
}

/** The fields of an object schema, leaving out `skip` (an event's `type`, which the form carries hidden). */
export function fieldsOf(schema: z.ZodType, skip: readonly string[] = []): Field[] {
  const node = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonNode;
  return fieldsOfObject(node, '', skip);
}

/** Every field of the tree, groups and rows included, depth first. */
export function allFields(fields: readonly Field[]): Field[] {
  return fields.flatMap((field) => [
    field,
    ...(field.kind === 'group' ? allFields(field.fields) : field.kind === 'rows' ? allFields(field.rows) : []),
  ]);
}
