// The scenario format of `npm run simulate` (README, "Simulating a case"): one insats (`insats:`)
// or several (`insatser:`), optional settings overrides, timed events in Europe/Stockholm local
// time, and the day to run until. Parsed into one form: a list of insatser, each event naming its.
import { z } from 'zod';
import { INSATSTYPER, RULEBOOKS, applySettingsOverrides, defaultSettings, insatsEventSchema, kundSchema } from '../domain';
import { insatserIssues } from './scenario-insatser';

const localDate = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a local date-time, YYYY-MM-DDTHH:mm (Europe/Stockholm)');

const scenarioEventSchema = z
  .object({ at: localDateTime, type: z.string(), insats: z.string().optional() })
  .passthrough()
  .superRefine((value, context) => {
    if (value.type === 'aktualiserad') return;
    const { at: _at, insats: _insats, ...event } = value;
    for (const issue of insatsEventSchema.safeParse(event).error?.issues ?? []) {
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

const scenarioInsatsSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1–64 letters, digits, _ or -'),
    typ: z.enum(INSATSTYPER),
    beslutsdatum: localDate,
    rulebook: z.enum(RULEBOOKS).optional(),
    slutdatum: localDate.optional(),
    anordnare: z.string().min(1),
    kvl: z.string().min(1),
    kund: kundSchema.extend({ id: z.string().min(1) }),
    praktikBehov: z.boolean().optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    insats: scenarioInsatsSchema.optional(),
    insatser: z.array(scenarioInsatsSchema).min(1).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    events: z
      .array(scenarioEventSchema)
      .min(1)
      .refine((events) => events.every((event, index) => index === 0 || event.at >= events[index - 1]!.at), 'events are in time order'),
    until: localDate,
  })
  .strict()
  .superRefine((scenario, context) => {
    for (const { path, message } of insatserIssues(scenario)) context.addIssue({ code: 'custom', path, message });
  })
  .refine((scenario) => scenario.until >= scenario.events.at(-1)!.at.slice(0, 10), { path: ['until'], message: 'is before the last event' })
  .superRefine((scenario, context) => {
    try {
      applySettingsOverrides(defaultSettings, scenario.config);
    } catch (error) {
      context.addIssue({ code: 'custom', path: ['config'], message: (error as Error).message });
    }
  })
  .transform(({ insats, insatser, events, ...rest }) => {
    const all = insatser ?? [insats!];
    // The single form's events name no insats: they all go to the one there is.
    return { insatser: all, ...rest, events: events.map((event) => ({ ...event, insats: event.insats ?? all[0]!.id })) };
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInsats = Scenario['insatser'][number];
export type ScenarioEvent = Scenario['events'][number];

export class ScenarioError extends Error {}

/** Parses a scenario; a malformed one throws ScenarioError naming the path of every bad field. */
export function parseScenario(value: unknown): Scenario {
  const result = scenarioSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(scenario)'}: ${issue.message}`);
  throw new ScenarioError(`malformed scenario:\n${lines.join('\n')}`);
}
