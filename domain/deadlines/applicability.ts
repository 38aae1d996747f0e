// Which rules bind which insats: the 2023 rules for JPG, FJP and SAI; for AMI1 and AMI2 the 2024
// appendix's own rules plus the 2023 process rules it inherits (RULEBOOK.md "(inherited)").
import type { Insats } from '../insats';
import type { Insatstyp } from '../insatstyp';
import type { Settings } from '../settings';
import { RULE_IDS, type RuleId } from './rule-ids';

const RULES_2023: readonly RuleId[] = [
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
  'tillaggscheck',
  'lakarintyg',
  'vab-intyg',
  'upptrappning',
  'bonus',
];

// 2024 §3 (plan), §7.2/§8.2 (trepart), §9.2 (slutrapport), §9–§10 (bonus, snabbhetspremie).
const RULES_2024: readonly RuleId[] = ['genomforandeplan', 'trepart', 'slutrapport', 'bonus', 'snabbhetspremie-uppfoljning'];

const OWN_RULES: Record<Insatstyp, readonly RuleId[]> = {
  JPG: RULES_2023,
  FJP: [...RULES_2023, 'omprovning', 'fortsatt-stod'], // 2023 §7, §2.2.2
  SAI: [...RULES_2023, 'omprovning', 'sfi-niva'], // 2023 §7, §2.3.2
  AMI1: [...RULES_2024, 'arbetsplats'], // 2024 §7.3, only when configured
  AMI2: [...RULES_2024, 'arbetsplats', 'upptrappning'], // 2024 §8.3, §8.1
};

/** Whether `rule` can open a deadline for `insats`. */
export function appliesTo(rule: RuleId, insats: Insats, settings: Settings): boolean {
  const own = OWN_RULES[insats.insatstyp].includes(rule);
  const inherited = insats.rulebook === '2024' && settings.inheritedIn2024.includes(rule);
  if (!own && !inherited) return false;
  if (rule !== 'arbetsplats') return true;
  // JPG only "i de fall karriärvägledare bedömer att kunden har behov av en inledande praktik"
  // (2023 §2.1.1); AMI1 has no deadline unless one is configured (2024 §7.3, reading).
  if (insats.insatstyp === 'JPG') return insats.praktikBehov === true;
  if (insats.insatstyp === 'AMI1') return insats.praktikBehov === true && settings.deadlines.arbetsplats.AMI1 !== null;
  return true;
}

/** The rules that bind `insats`, in RULE_IDS order. */
export function rulesFor(insats: Insats, settings: Settings): RuleId[] {
  return RULE_IDS.filter((rule) => appliesTo(rule, insats, settings));
}
