// `arbetsplats`: the kund starts at a workplace (praktik, arbetsträning, språkträning) with a
// signed trepartsöverenskommelse, or AF's praktikunderlag in the etableringsprogram (2023 §5.2.1).
import type { Insats } from '../insats';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

const SECTIONS = {
  JPG: '2023 §2.1.1, §5.2.2',
  FJP: '2023 §5.2.3',
  SAI: '2023 §5.2.4',
  AMI1: '2024 §7.3',
  AMI2: '2024 §8.3',
} as const;

/**
 * Counted from beslutsdatum: JPG within 1 month only when the uppdrag says praktik is needed;
 * FJP 3 months; SAI 2 months; AMI2 4 weeks; AMI1 has no deadline unless one is configured, and
 * then only with praktikBehov. Undefined when no deadline applies.
 */
export function arbetsplatsDeadline(insats: Insats, settings: Settings): Deadline | undefined {
  const { insatstyp, beslutsdatum } = insats;
  const needsPraktik = insatstyp === 'JPG' || insatstyp === 'AMI1';
  if (needsPraktik && !insats.praktikBehov) return undefined;
  const period = settings.deadlines.arbetsplats[insatstyp];
  if (!period) return undefined;
  return makeDeadline('arbetsplats', {
    openedOn: beslutsdatum,
    due: addPeriod(beslutsdatum, period),
    section: SECTIONS[insatstyp],
  });
}
