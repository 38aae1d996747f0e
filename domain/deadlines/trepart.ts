// Trepart: the three-party follow-up meeting of kund, anordnare and kvl, per insatstyp.
import { addMonths, type LocalDate } from '../calendar';
import type { Insats } from '../insats';
import { insatsMonthEnd } from '../insats-month';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { makeDeadline, type Deadline } from './deadline';

/**
 * The meetings known at beslut. AMI1: one meeting after 45 days, half the insatstid (2024 §7.2).
 * AMI2: insats months 3, 6, 9 and 12 (2024 §8.2; the uppstartsmöte before them has no time).
 * JPG: within 3 months, SAI within 6 (2023 §6.5); FJP: the uppstartsmöte within the first three
 * months (2023 §2.2). For JPG, FJP and SAI the next one follows from the meeting held.
 */
export function trepartDeadlines(insats: Insats, settings: Settings): Deadline[] {
  const trepart = settings.deadlines.trepart;
  const { beslutsdatum } = insats;
  switch (insats.insatstyp) {
    case 'AMI1':
      return [
        makeDeadline('trepart', { occurrence: 'halvtid', openedOn: beslutsdatum, due: addPeriod(beslutsdatum, trepart.ami1), section: '2024 §7.2' }),
      ];
    case 'AMI2':
      return trepart.ami2Months.map((month) =>
        makeDeadline('trepart', {
          occurrence: `manad-${month}`,
          openedOn: beslutsdatum,
          due: trepart.ami2Due === 'end-of-insats-month' ? insatsMonthEnd(beslutsdatum, month) : addMonths(beslutsdatum, month),
          section: '2024 §8.2',
        }),
      );
    case 'FJP':
      return [
        makeDeadline('trepart', { occurrence: 'uppstartsmote', openedOn: beslutsdatum, due: addPeriod(beslutsdatum, trepart.fjpUppstart), section: '2023 §2.2' }),
      ];
    case 'JPG':
    case 'SAI':
      return [
        makeDeadline('trepart', { occurrence: 'fran-beslut', openedOn: beslutsdatum, due: addPeriod(beslutsdatum, trepart[insats.insatstyp]), section: '2023 §6.5' }),
      ];
  }
}

/**
 * After a meeting is held: JPG at least every 3 months, FJP and SAI every 6, counted from the last
 * meeting held (2023 §6.5). AMI1 and AMI2 keep their fixed schedule: undefined.
 */
export function nextTrepartDeadline(insats: Insats, meetingHeldOn: LocalDate, settings: Settings): Deadline | undefined {
  if (insats.insatstyp === 'AMI1' || insats.insatstyp === 'AMI2') return undefined;
  return makeDeadline('trepart', {
    occurrence: `efter-${meetingHeldOn}`,
    openedOn: meetingHeldOn,
    due: addPeriod(meetingHeldOn, settings.deadlines.trepart[insats.insatstyp]),
    section: '2023 §6.5',
  });
}

export const EXTRA_TREPART_REASONS = ['avbojt-arbete', 'upprepad-sjukfranvaro', 'missat-upptrappningssteg'] as const;
export type ExtraTrepartReason = (typeof EXTRA_TREPART_REASONS)[number];

/** Where each reason opens an extra meeting; a rulebook missing from an entry opens none. */
const EXTRA_TREPART_SECTIONS: Record<ExtraTrepartReason, Partial<Record<Insats['rulebook'], string>>> = {
  // The kund declines work or a placement the anordnare found.
  'avbojt-arbete': { '2023': '2023 §3.4', '2024': '2024 §3.2.1' },
  // "Vid upprepad sjukfrånvaro ska anordnaren kontakta karriärvägledare för ett trepartsmöte" (inherited).
  'upprepad-sjukfranvaro': { '2023': '2023 §3.6.1', '2024': '2023 §3.6.1' },
  // 2023 books a meeting; 2024 AMI2 reports the deviation and the kvl decides (§8.1), so no deadline.
  'missat-upptrappningssteg': { '2023': '2023 §3.2, §2.3.1' },
};

/** An extra trepart opened by an event, due after the configured time; undefined where the rulebook opens none. */
export function extraTrepartDeadline(
  insats: Insats,
  reason: ExtraTrepartReason,
  openedOn: LocalDate,
  settings: Settings,
): Deadline | undefined {
  const section = EXTRA_TREPART_SECTIONS[reason][insats.rulebook];
  if (!section) return undefined;
  return makeDeadline('trepart', {
    occurrence: `${reason}-${openedOn}`,
    openedOn,
    due: addPeriod(openedOn, settings.deadlines.trepart.extra),
    section,
  });
}
