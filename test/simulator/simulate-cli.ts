// Shared by the tests of `npm run simulate` in a child process: running it, and the output formats
// README "Simulating a case" documents, as zod schemas that allow nothing else.
import { execFile } from 'node:child_process';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { RULE_IDS } from '../../domain/deadlines/rule-ids';
import { TIMELINE_KINDS } from '../../domain/process/record';
import { ROLES } from '../../domain/roles';

/** Runs `npm run simulate -- <args>` (what the script runs: tsx scripts/simulate.ts). */
export function simulate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/simulate.ts', ...args],
      { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
      },
    );
  });
}

export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((date) => DateTime.fromISO(date).isValid, 'a real date');

/** ISO-8601 with the Europe/Stockholm offset of that instant (+01:00 in winter, +02:00 in summer), whole seconds. */
export const localInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
  .refine((at) => DateTime.fromISO(at, { zone: 'Europe/Stockholm' }).toISO({ suppressMilliseconds: true }) === at, 'the Europe/Stockholm offset');

const role = `(${ROLES.join('|')})`;
/** `role:id`, or the bare role where the insats names nobody. */
export const recipient = z.string().regex(new RegExp(`^${role}(:[A-Za-z0-9][A-Za-z0-9_-]*)?$`));

export const insatsId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);

const entryFields = {
  at: localInstant,
  kind: z.enum(TIMELINE_KINDS),
  rule: z.enum(RULE_IDS).optional(),
  due: localDate.optional(),
  to: z.array(recipient).min(1).optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  amount: z.number().nullable().optional(),
  event: z.string().min(1).optional(),
  reason: z.string().min(1).optional(),
};

type Entry = { kind: string } & Partial<Record<keyof typeof entryFields, unknown>>;

/** Each kind carries the fields the README's table says it has. */
function kindFields(entry: Entry, context: z.RefinementCtx): void {
  const needs = (field: keyof typeof entryFields, kinds: string[]) => {
    if (kinds.includes(entry.kind) && entry[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: `${entry.kind} has a ${field}` });
  };
  needs('rule', ['deadline-set', 'reminder', 'escalation', 'deadline-met', 'deadline-missed', 'deadline-cancelled']);
  needs('due', ['deadline-set', 'reminder', 'escalation', 'deadline-met', 'deadline-missed', 'deadline-cancelled']);
  needs('to', ['deadline-set', 'reminder', 'escalation', 'deadline-missed']);
  needs('month', ['payment']);
  needs('amount', ['payment', 'bonus']);
  needs('event', ['event-rejected']);
  needs('reason', ['event-rejected', 'brist', 'insats-ended', 'payment', 'bonus']);
}

/** One timeline entry of a scenario with one insats; nothing else is allowed. */
export const timelineEntrySchema = z.object(entryFields).strict().superRefine(kindFields);
export const timelineSchema = z.array(timelineEntrySchema).min(1);

/** One timeline entry of a scenario with several insatser: the same, naming its insats. */
export const flerInsatserEntrySchema = z
  .object({ ...entryFields, insatsId })
  .strict()
  .superRefine(kindFields);

/** One e-mail of `--json --mail`; nothing else is allowed. */
export const mailEntrySchema = z
  .object({
    at: localInstant,
    to: recipient,
    subject: z.string().min(1),
    kind: z.enum(['digest', 'immediate', 'urgent']),
    items: z
      .array(
        z
          .object({
            insatsId,
            rule: z.enum(RULE_IDS),
            step: z.string().regex(/^(early-reminder|due-reminder|late-notice|escalation-\d+|repeat-\d+|notice)$/),
            // A notice has no due date.
            due: localDate.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/**
 * The whole of `--json --mail`: the timeline and the e-mails, in one object; the timeline's
 * entries name their insats exactly when the scenario has several.
 */
export const timelineAndMailSchema = <Entry extends typeof timelineEntrySchema | typeof flerInsatserEntrySchema>(entry: Entry) =>
  z.object({ timeline: z.array(entry).min(1), mail: z.array(mailEntrySchema) }).strict();
