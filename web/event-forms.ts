// The event forms of a role, generated from insatsEventSchema: one per event type the role records
// (EVENT_ACTORS), without the fields whose decision the rules give to another role
// (FIELD_DECISIONS). Posts are read with every field of the type, so a decision sent by hand
// still reaches the API's check and is refused there, with its reason.
import { FIELD_DECISIONS, insatsEventSchema, mayRecord, type InsatsEventType, type Role } from '../domain';
import { fieldLabel, roleLabel } from './labels';
import { fieldsOf, type Field } from './forms/schema-fields';

export interface EventForm {
  type: InsatsEventType;
  fields: Field[];
  /** The decisions left out of this role's form, in Swedish. */
  decidedByOthers: string[];
}

/** Every field of each event type, as a post is read. */
export const EVENT_FIELDS = new Map<string, Field[]>(insatsEventSchema.options.map((option) => [option.shape.type.value, fieldsOf(option, ['type'])]));

function formFor(type: InsatsEventType, role: Role): EventForm | undefined {
  const fields = EVENT_FIELDS.get(type) ?? [];
  const decisions = FIELD_DECISIONS.filter((decision) => decision.type === type && !decision.roles.includes(role));
  // An event whose required field another role decides cannot be recorded by this one at all.
  if (decisions.some((decision) => fields.find((field) => field.path === decision.field)?.required)) return undefined;
  return {
    type,
    fields: fields.filter((field) => !decisions.some((decision) => decision.field === field.path)),
    decidedByOthers: decisions.map(
      (decision) => `${fieldLabel(decision.field)} beslutas av ${decision.roles.map((other) => roleLabel(other).toLowerCase()).join(' eller ')} (${decision.section}).`,
    ),
  };
}

export function eventFormsFor(role: Role): EventForm[] {
  return [...EVENT_FIELDS.keys()]
    .map((type) => type as InsatsEventType)
    .filter((type) => mayRecord(role, type))
    .flatMap((type) => formFor(type, role) ?? []);
}
