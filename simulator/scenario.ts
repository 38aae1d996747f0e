// The scenario format of `npm run simulate` (README, "Simulating a case"): an insats, optional
// settings overrides, timed events in Europe/Stockholm local time, and the day to run until.
import { z } from 'zod';
import { INSATSTYPER, RULEBOOKS, applySettingsOverrides, defaultSettings, insatsEventSchema, kundSchema } from '../domain';

const localDate = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a local date-time, YYYY-MM-DDTHH:mm (Europe/Stockholm)');

const scenarioEventSchema = z
  .object({ at: localDateTime, type: z.string() })
  .passthrough()
  .superRefine((value, context) => {
    if (value.type === 'aktualiserad') return;
    const { at: _at, ...event } = value;
    for (const issue of insatsEventSchema.safeParse(event).error?.issues ?? []) {
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

export const scenarioSchema = z
  .object({
    insats: z
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
      .strict(),
    config: z.record(z.string(), z.unknown()).optional(),
    events: z
      .array(scenarioEventSchema)
      .min(1)
      .refine((events) => events[0]?.type === 'aktualiserad', 'the first event is aktualiserad')
      .refine((events) => events.every((event, index) => index === 0 || event.at >= events[index - 1]!.at), 'events are in time order'),
    until: localDate,
  })
  .strict()
  .refine((scenario) => scenario.until >= scenario.events.at(-1)!.at.slice(0, 10), { path: ['until'], message: 'is before the last event' })
  .superRefine((scenario, context) => {
    try {
      applySettingsOverrides(defaultSettings, scenario.config);
    } catch (error) {
      context.addIssue({ code: 'custom', path: ['config'], message: (error as Error).message });
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;

export class ScenarioError extends Error {}

/** Parses a scenario; a malformed one throws ScenarioError naming the path of every bad field. */
export function parseScenario(value: unknown): Scenario {
  const result = scenarioSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(scenario)'}: ${issue.message}`);
  throw new ScenarioError(`malformed scenario:\n${lines.join('\n')}`);
}
