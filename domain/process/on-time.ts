// What the passing of time does to an insats: a known deadline opens, a report period starts,
// a due date passes (and late reports become a brist, 2023 §7.6), the insatstid runs out.
import { addDays, type LocalDate } from '../calendar';
import { bristDecision, type ReportDeadline } from '../brist';
import { appliesTo, extraTrepartDeadline, manadsrapportDeadline, missedUpptrappningStep, planAvslut } from '../deadlines';
import { slutdatumOf } from '../insats';
import { addMonthsTo, firstDayOf, monthOf, type YearMonth } from '../months';
import { addPeriod } from '../period';
import type { Settings } from '../settings';
import { settingsWithDefaults } from '../settings-overrides';
import { liveDeadlines } from './lookup';
import type { Change, InsatsRecord } from './record';

/**
 * The last day of the insatstid. An open-ended insats (no slutdatum, no fixed insatstid) ends at the
 * longest insatstid on the bounded path, as no event may name a later day (domain/event-dates.ts).
 */
function lastDayOf(record: InsatsRecord, settings: Settings, options: TickOptions): { day: LocalDate; longest: boolean } | undefined {
  const slutdatum = slutdatumOf(record.insats, settings);
  if (slutdatum) return { day: slutdatum, longest: false };
  if (!options.bonusClaimCloses) return undefined;
  return { day: addDays(addPeriod(record.insats.beslutsdatum, settingsWithDefaults(settings).aktualisering.longestInsatstid), -1), longest: true };
}

/** The first report month not yet opened, and whether the insats still runs in it. */
function nextReportMonth(record: InsatsRecord, settings: Settings, options: TickOptions = {}): YearMonth | undefined {
  if (record.phase !== 'pagaende' || !appliesTo('manadsrapport', record.insats, settings)) return undefined;
  const opened = record.facts.reportMonthsOpenedThrough;
  const month = opened ? addMonthsTo(opened, 1) : monthOf(record.insats.beslutsdatum);
  const last = lastDayOf(record, settings, options);
  return last && month > monthOf(last.day) ? undefined : month;
}

function brist(record: InsatsRecord, today: LocalDate, settings: Settings): Change[] {
  if (record.facts.bristEscalatedOn) return [];
  const reports: ReportDeadline[] = record.deadlines
    .filter((deadline) => deadline.status !== 'cancelled' && deadline.status !== 'pending')
    .map(({ rule, occurrence, due, closedOn, status }) => ({ rule, occurrence, due, ...(status === 'open' ? {} : { metOn: closedOn }) }));
  const decision = bristDecision({ reports, asOf: today, noticeRaisedOn: record.facts.bristNoticeOn }, settings);
  if (decision.action === 'none') return [];
  const escalation = decision.action === 'brist-escalation';
  const grounds = decision.grounds.map((report) => `${report.rule} ${report.occurrence} (due ${report.due})`).join(', ');
  return [
    { type: 'facts', facts: escalation ? { bristEscalatedOn: today } : { bristNoticeOn: today } },
    { type: 'timeline', entry: { kind: 'brist', rule: decision.grounds[0]?.rule, reason: `${decision.reason}: ${grounds} (${decision.section})` } },
    {
      type: 'notice',
      notice: {
        rule: decision.grounds[0]?.rule ?? 'manadsrapport',
        occurrence: `brist-${today}`,
        to: escalation ? ['arbetsledare'] : ['anordnare'],
        text: escalation
          ? `Brist hos anordnare kvarstår efter påpekandet: ${grounds}. Underlag för att avsluta insatsen (2023 §7.6).`
          : `Brist hos anordnare: ${grounds}. Rapporterna ska lämnas i tid; upprepade brister kan leda till att insatsen avslutas (2023 §7.6).`,
      },
    },
  ];
}

/** Rules decided differently for insatser started before every insats was bound to end. */
export interface TickOptions {
  /**
   * Started after `patched('bounded-insats')`: a bonus claim closes as not claimed after its window
   * (settings `bonus.claimWindow`), and no report month opens past the longest insatstid.
   */
  bonusClaimCloses?: boolean;
  /** Started after `patched('open-ended-ends')`: an open-ended insats ends at the longest insatstid. */
  openEndedEnds?: boolean;
}

/** The last day a bonus claim stays open: its earliest date plus the claim window. */
function bonusClaimEnds(record: InsatsRecord, pinned: Settings): { occurrence: string; ends: LocalDate } | undefined {
  const claim = record.deadlines.find((deadline) => deadline.rule === 'bonus' && deadline.status === 'open');
  return claim ? { occurrence: claim.occurrence, ends: addPeriod(claim.due, settingsWithDefaults(pinned).bonus.claimWindow) } : undefined;
}

/** Everything that `today` (Europe/Stockholm) changes. Empty when nothing is due to change. */
export function decideTick(record: InsatsRecord, today: LocalDate, settings: Settings, options: TickOptions = {}): Change[] {
  if (record.phase === 'stangd') return [];
  const changes: Change[] = [];

  // (reading) the claim is the anordnare's to make; once its window has passed there is nothing left to wait for.
  const claimEnds = options.bonusClaimCloses ? bonusClaimEnds(record, settings) : undefined;
  if (claimEnds && claimEnds.ends < today) {
    const othersLive = liveDeadlines(record).some((deadline) => !(deadline.rule === 'bonus' && deadline.occurrence === claimEnds.occurrence));
    return [
      { type: 'cancel', rule: 'bonus', occurrence: claimEnds.occurrence, reason: `bonus-not-claimed: ingen bonusrapport till och med ${claimEnds.ends} (setting bonus.claimWindow)` },
      // Nothing left to wait for: no later tick would come to close it.
      ...(record.phase === 'avslutad' && !othersLive ? [{ type: 'phase', phase: 'stangd' } as Change] : []),
    ];
  }

  for (const deadline of record.deadlines) {
    if (deadline.status === 'pending' && deadline.openedOn <= today) changes.push({ type: 'open', deadline });
  }

  // 2023 §6.4: the report period for month M opens on the 1st of M+1.
  let opened = record.facts.reportMonthsOpenedThrough;
  for (let month = nextReportMonth(record, settings, options); month && firstDayOf(addMonthsTo(month, 1)) <= today; ) {
    changes.push({ type: 'open', deadline: manadsrapportDeadline(month, settings) });
    opened = month;
    month = nextReportMonth({ ...record, facts: { ...record.facts, reportMonthsOpenedThrough: opened } }, settings, options);
  }
  if (opened !== record.facts.reportMonthsOpenedThrough) changes.push({ type: 'facts', facts: { reportMonthsOpenedThrough: opened } });

  // The insatstid ran out without an avslut (2023 §6.6, 2024 §9.2): the slutrapport is due on the slutdatum.
  const last = lastDayOf(record, settings, options);
  if (record.phase === 'pagaende' && last && last.day < today && (!last.longest || options.openEndedEnds)) {
    const slutdatum = last.day;
    const plan = planAvslut({ insats: record.insats, avslutsdatum: slutdatum, bonusgrundande: false, open: liveDeadlines(record) }, settings);
    changes.push(
      ...plan.cancel.map((deadline): Change => ({ type: 'cancel', rule: deadline.rule, occurrence: deadline.occurrence })),
      ...plan.open.map((deadline): Change => ({ type: 'open', deadline })),
      { type: 'phase', phase: 'avslutad' },
      { type: 'facts', facts: { endedOn: slutdatum } },
      { type: 'timeline', entry: { kind: 'insats-ended', reason: last.longest ? `längsta insatstid slut ${slutdatum} (setting aktualisering.longestInsatstid)` : `insatstiden slut ${slutdatum}` } },
    );
  }

  for (const deadline of record.deadlines) {
    if (deadline.status === 'open' && !deadline.missed && deadline.due < today) {
      changes.push({ type: 'missed', rule: deadline.rule, occurrence: deadline.occurrence });
      // 2023 §3.2, §2.3.1: a missed ramp-up step books a meeting with the kvl; 2024 AMI2 reports it
      // in the månadsrapport and the kvl decides (§8.1).
      const extra = deadline.rule === 'upptrappning' && missedUpptrappningStep(record.insats) === 'extra-trepart'
        ? extraTrepartDeadline(record.insats, 'missat-upptrappningssteg', today, settings)
        : undefined;
      if (extra) changes.push({ type: 'open', deadline: extra });
    }
  }
  changes.push(...brist(record, today, settings));

  // Closed when nothing is left to wait for: no deadline, and no bonusrapport waiting for the kvl's approval.
  const bonusAwaitsApproval = record.facts.bonusrapportIn && !record.facts.bonusApproved;
  if (record.phase === 'avslutad' && liveDeadlines(record).length === 0 && !bonusAwaitsApproval && changes.length === 0) {
    changes.push({ type: 'phase', phase: 'stangd' });
  }
  return changes;
}

/** The next date after `today` on which decideTick may change something; undefined when none. */
export function nextTickDate(record: InsatsRecord, today: LocalDate, settings: Settings, options: TickOptions = {}): LocalDate | undefined {
  const dates: LocalDate[] = [];
  const claimEnds = options.bonusClaimCloses ? bonusClaimEnds(record, settings) : undefined;
  if (claimEnds) dates.push(addDays(claimEnds.ends, 1));
  for (const deadline of record.deadlines) {
    if (deadline.status === 'pending') dates.push(deadline.openedOn);
    if (deadline.status === 'open' && !deadline.missed) dates.push(addDays(deadline.due, 1));
  }
  const month = nextReportMonth(record, settings, options);
  if (month) dates.push(firstDayOf(addMonthsTo(month, 1)));
  const last = lastDayOf(record, settings, options);
  if (record.phase === 'pagaende' && last && (!last.longest || options.openEndedEnds)) dates.push(addDays(last.day, 1));
  return dates.filter((date) => date > today).sort()[0];
}
