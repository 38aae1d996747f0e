// An insats aktualiserad late, or brought in at go-live with what it has already done: it owes only
// what falls due from its aktualiseringsdatum on (2023 §6.4 "varje månad som en kund är aktuell i en
// insats"), and its periodic clocks run from the last occurrence given, else from beslutsdatum.
import { daysBetween, type LocalDate } from '../calendar';
import type { Insats } from '../insats';
import { addMonthsTo, dayOf, maxMonth, monthOf, type YearMonth } from '../months';
import { addPeriod, type Period } from '../period';
import type { Progress } from '../progress';
import type { Settings } from '../settings';
import { settingsWithDefaults } from '../settings-overrides';
import { appliesTo } from './applicability';
import { arbetsplatsDeadline } from './arbetsplats';
import { bemanningDeadline } from './bemanning';
import { makeDeadline, type Deadline } from './deadline';
import { deadlinesOnBemanning } from './start';
import { slutrapportDeadline } from './slutrapport';
import { trepartDeadlines } from './trepart';

/** Whether the insats is brought in with its progress or aktualiserad more than `lateAfterDays` after its beslut. */
export function isLateAktualisering(insats: Insats, aktualiseringsdatum: LocalDate, progress: Progress | undefined, pinned: Settings): boolean {
  return progress !== undefined || daysBetween(insats.beslutsdatum, aktualiseringsdatum) > settingsWithDefaults(pinned).aktualisering.lateAfterDays;
}

/** The first of `anchor` + k × `period` (k ≥ 1) that falls on or after `from`, counted from the anchor so months never drift. */
function firstOnOrAfter(anchor: LocalDate, period: Period, from: LocalDate): LocalDate {
  let due = addPeriod(anchor, period);
  for (let k = 2; due < from; k += 1) due = addPeriod(anchor, { count: period.count * k, unit: period.unit });
  return due;
}

function periodicTrepart(insats: Insats, aktualiseringsdatum: LocalDate, progress: Progress, settings: Settings): Deadline[] {
  const trepart = settings.deadlines.trepart;
  const { insatstyp, beslutsdatum } = insats;
  if (insatstyp === 'AMI1' || insatstyp === 'AMI2') return trepartDeadlines(insats, settings).filter((deadline) => deadline.due >= aktualiseringsdatum);
  const interval = trepart[insatstyp];
  const make = (anchor: LocalDate, due: LocalDate) => makeDeadline('trepart', { occurrence: `efter-${anchor}`, openedOn: aktualiseringsdatum, due, section: '2023 §6.5' });
  if (progress.lastTrepartOn) return [make(progress.lastTrepartOn, firstOnOrAfter(progress.lastTrepartOn, interval, aktualiseringsdatum))];
  if (insatstyp !== 'FJP') return [make(beslutsdatum, firstOnOrAfter(beslutsdatum, interval, aktualiseringsdatum))];
  // FJP: the uppstartsmöte within three months (2023 §2.2), then every six months (2023 §6.5).
  const uppstart = addPeriod(beslutsdatum, trepart.fjpUppstart);
  return uppstart >= aktualiseringsdatum ? trepartDeadlines(insats, settings) : [make(uppstart, firstOnOrAfter(uppstart, interval, aktualiseringsdatum))];
}

function periodicOmprovning(insats: Insats, aktualiseringsdatum: LocalDate, progress: Progress, settings: Settings): Deadline[] {
  if (!appliesTo('omprovning', insats, settings)) return [];
  const anchor = progress.omprovningOn ?? insats.beslutsdatum;
  const due = firstOnOrAfter(anchor, settings.deadlines.omprovning, aktualiseringsdatum);
  return [makeDeadline('omprovning', { occurrence: progress.omprovningOn ? `efter-${progress.omprovningOn}` : '1', openedOn: aktualiseringsdatum, due, section: '2023 §7' })];
}

export interface LateStart {
  deadlines: Deadline[];
  /** When the insats was already staffed. */
  bemannadOn?: LocalDate;
  /** The last report month the insats does not owe: the next one is the first whose report falls due on or after aktualiseringsdatum. */
  reportMonthsOpenedThrough?: YearMonth;
}

/** What an insats brought in late opens: only deadlines due on or after `aktualiseringsdatum`, and none it has already met. */
export function lateStart(insats: Insats, aktualiseringsdatum: LocalDate, progress: Progress, settings: Settings): LateStart {
  const owed = (deadline: Deadline | undefined): deadline is Deadline =>
    deadline !== undefined && deadline.due >= aktualiseringsdatum && appliesTo(deadline.rule, insats, settings);
  const onBemanning = progress.bemannadOn
    ? deadlinesOnBemanning(insats, progress.bemannadOn, settings).filter(
        (deadline) => !(deadline.rule === 'uppdrag' && progress.uppdragInlagtOn) && !(deadline.rule === 'genomforandeplan' && progress.planGodkandOn),
      )
    : [bemanningDeadline(aktualiseringsdatum)];
  const deadlines = [
    ...onBemanning,
    ...periodicTrepart(insats, aktualiseringsdatum, progress, settings),
    ...(progress.arbetsplatsStartadOn ? [] : [arbetsplatsDeadline(insats, settings)]),
    ...periodicOmprovning(insats, aktualiseringsdatum, progress, settings),
    slutrapportDeadline(insats, settings),
  ].filter(owed);
  // 2023 §6.4: the report for month M is due on day klarDay of M+1; months already reported, or due before aktualisering, are not owed.
  let first = maxMonth(monthOf(insats.beslutsdatum), progress.reportedThrough ? addMonthsTo(progress.reportedThrough, 1) : monthOf(insats.beslutsdatum));
  while (dayOf(addMonthsTo(first, 1), settings.deadlines.manadsrapport.klarDay) < aktualiseringsdatum) first = addMonthsTo(first, 1);
  const timelyReports = first === monthOf(insats.beslutsdatum);
  return {
    deadlines,
    ...(progress.bemannadOn ? { bemannadOn: progress.bemannadOn } : {}),
    ...(timelyReports ? {} : { reportMonthsOpenedThrough: addMonthsTo(first, -1) }),
  };
}
