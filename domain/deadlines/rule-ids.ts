// The stable rule ids of RULEBOOK.md's deadline table: used in code, data, notifications and the timeline.
export const RULE_IDS = [
  'bemanning',
  'uppdrag',
  'genomforandeplan',
  'plangranskning',
  'manadsrapport',
  'manadsrapport-granskning',
  'manadsrapport-godkand',
  'trepart',
  'reviderad-plan',
  'arbetsplats',
  'slutrapport',
  'omprovning',
  'tillaggscheck',
  'lakarintyg',
  'vab-intyg',
  'sfi-niva',
  'upptrappning',
  'fortsatt-stod',
  'bonus',
  'snabbhetspremie-uppfoljning',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
