// Generated insatser for the bounded-insats properties: an aktualisering the API would accept
// (dates within checkAktualisering's bounds, sometimes late or with progress, sometimes other
// reminder settings) and a sequence of events, each resolved against the state it arrives at.
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addMonthsTo,
  atLocalTime,
  checkAktualisering,
  daysBetween,
  kundSchema,
  localDateOf,
  monthOf,
  monthsFromTo,
  progressProblems,
  rulebookFor,
  settingsWithDefaults,
  type InsatsRecord,
  type Insatstyp,
  type LocalDate,
  type Progress,
  type Settings,
  type TrackedDeadline,
} from '../../domain';
import type { InsatsWorkflowInput } from '../../workflows/types';
import { settingsWith } from './fixtures';

/** When a planned event arrives: exactly at the next notification's send instant, or some minutes after the step it is planned at. */
export type EventTiming = { kind: 'at-send' } | { kind: 'after'; minutes: number };

export interface EventPlan {
  timing: EventTiming;
  /** At a send instant: the timer fires (and the notification goes) before the event is handled. */
  sendFirst: boolean;
  /** `meet`: the event that closes one of the live deadlines; `other`: any event, often refused. */
  mode: 'meet' | 'other';
  pick: number;
  flag: boolean;
}

export interface Scenario {
  input: InsatsWorkflowInput;
  start: Date;
  events: EventPlan[];
  /** Continue as new every this many loop steps (the workflow does at 1 000 history events); never when undefined. */
  continueEvery?: number;
}

const RULEBOOK_2023_TYPES: Insatstyp[] = ['JPG', 'FJP', 'SAI'];

const fraction = fc.integer({ min: 0, max: 1000 });
const dateBetween = (from: LocalDate, to: LocalDate, at: number) => addDays(from, Math.floor((daysBetween(from, to) * at) / 1000));

const reminderSettings = fc.option(
  fc
    .record({
      repeatMax: fc.integer({ min: 0, max: 5 }),
      repeatEveryWeeks: fc.integer({ min: 1, max: 6 }),
      escalationIntervalDays: fc.integer({ min: 1, max: 14 }),
      catchUpWithinMinutes: fc.constantFrom(0, 15, 60, 240),
      time: fc.constantFrom('08:00', '07:30', '09:15'),
      lateAfterDays: fc.constantFrom(0, 7, 30),
    })
    .map(({ lateAfterDays, ...reminders }) =>
      settingsWith((settings) => {
        Object.assign(settings.reminders, reminders);
        settings.aktualisering.lateAfterDays = lateAfterDays;
      }),
    ),
  { nil: undefined, freq: 2 },
);

const progressParts = fc.record({
  bemannadOn: fraction,
  uppdragInlagtOn: fc.option(fraction, { nil: undefined }),
  planGodkandOn: fc.option(fraction, { nil: undefined }),
  reportedThrough: fc.option(fraction, { nil: undefined }),
  lastTrepartOn: fc.option(fraction, { nil: undefined }),
  arbetsplatsStartadOn: fc.option(fraction, { nil: undefined }),
  omprovningOn: fc.option(fraction, { nil: undefined }),
});

type ProgressParts = typeof progressParts extends fc.Arbitrary<infer T> ? T : never;

/** A progress that progressProblems accepts: every date from beslut to aktualisering, the month reported before the aktualisering's. */
function progressOf(parts: ProgressParts, beslut: LocalDate, aktualisering: LocalDate): Progress | undefined {
  const on = (at: number | undefined) => (at === undefined ? undefined : dateBetween(beslut, aktualisering, at));
  const months = monthsFromTo(monthOf(beslut), addMonthsTo(monthOf(aktualisering), -1));
  const reportedThrough = parts.reportedThrough === undefined || months.length === 0 ? undefined : months[Math.floor((parts.reportedThrough * (months.length - 1)) / 1000)];
  const progress: Progress = { bemannadOn: on(parts.bemannadOn) };
  for (const field of ['uppdragInlagtOn', 'planGodkandOn', 'lastTrepartOn', 'arbetsplatsStartadOn', 'omprovningOn'] as const) {
    const date = on(parts[field]);
    if (date) progress[field] = date;
  }
  if (reportedThrough) progress.reportedThrough = reportedThrough;
  return progressProblems(progress, beslut, aktualisering).length === 0 ? progress : undefined;
}

const aktualiseringDelay = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 7 }), weight: 3 },
  { arbitrary: fc.integer({ min: 8, max: 120 }), weight: 2 },
  { arbitrary: fc.integer({ min: 121, max: 1800 }), weight: 1 },
);

const eventTiming: fc.Arbitrary<EventTiming> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'at-send' as const }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 180 }).map((minutes) => ({ kind: 'after' as const, minutes })), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 72 }).map((hours) => ({ kind: 'after' as const, minutes: hours * 60 })), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 45 }).map((days) => ({ kind: 'after' as const, minutes: days * 1440 })), weight: 3 },
);

const eventPlan: fc.Arbitrary<EventPlan> = fc.record({
  timing: eventTiming,
  sendFirst: fc.boolean(),
  mode: fc.oneof({ arbitrary: fc.constant('meet' as const), weight: 3 }, { arbitrary: fc.constant('other' as const), weight: 2 }),
  pick: fc.nat(10_000),
  flag: fc.boolean(),
});

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    insatstyp: fc.constantFrom<Insatstyp>('JPG', 'FJP', 'SAI', 'AMI1', 'AMI2'),
    beslut: fraction,
    delay: aktualiseringDelay,
    startLagDays: fc.integer({ min: 0, max: 2 }),
    startMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    slutdatumMonths: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined, freq: 2 }),
    praktikBehov: fc.option(fc.boolean(), { nil: undefined }),
    progress: fc.option(progressParts, { nil: undefined, freq: 3 }),
    ekonomisktBistand: fc.boolean(),
    arbetsformaga: fc.constantFrom(100, 100, 50),
    settings: reminderSettings,
    events: fc.array(eventPlan, { maxLength: 80, size: 'max' }),
    continueEvery: fc.option(fc.integer({ min: 2, max: 150 }), { nil: undefined }),
  })
  .map((parts) => {
    const in2023 = RULEBOOK_2023_TYPES.includes(parts.insatstyp);
    const beslutsdatum = in2023 ? dateBetween('2023-01-01', '2023-12-31', parts.beslut) : dateBetween('2024-01-01', '2026-12-31', parts.beslut);
    const aktualiseringsdatum = addDays(beslutsdatum, parts.delay);
    const time = `${String(Math.floor(parts.startMinute / 60)).padStart(2, '0')}:${String(parts.startMinute % 60).padStart(2, '0')}`;
    const start = atLocalTime(addDays(aktualiseringsdatum, parts.startLagDays), time);
    const settings: Settings | undefined = parts.settings;
    const pinned = settings ?? settingsWith(() => undefined);
    // Full arbetsförmåga where the insatstyp asks for it (2023 §2.1, 2024 §7.1); aged 20 with Swedish a barrier fits every target group.
    const fullTime = parts.insatstyp === 'JPG' || parts.insatstyp === 'AMI1';
    const kund = kundSchema.parse({ alder: 20, ekonomisktBistand: parts.ekonomisktBistand, arbetsformaga: fullTime ? 100 : parts.arbetsformaga, svenskaHinder: true });
    const slutdatum = parts.slutdatumMonths === undefined ? undefined : addDays(addMonths(beslutsdatum, parts.slutdatumMonths + 1), -1);
    const progress = parts.progress && progressOf(parts.progress, beslutsdatum, aktualiseringsdatum);
    const input: InsatsWorkflowInput = {
      insatsId: 'P-1',
      insatstyp: parts.insatstyp,
      rulebook: rulebookFor(beslutsdatum, pinned),
      beslutsdatum,
      aktualiseringsdatum,
      ...(slutdatum ? { slutdatum } : {}),
      ...(parts.praktikBehov !== undefined ? { praktikBehov: parts.praktikBehov } : {}),
      anordnare: 'a1',
      kvl: 'k1',
      kundId: 'kund-1',
      kund: { ekonomisktBistand: kund.ekonomisktBistand, arbetsformaga: kund.arbetsformaga },
      ...(progress ? { progress } : {}),
      ...(settings ? { settings } : {}),
    };
    const check = checkAktualisering({ insatstyp: input.insatstyp, beslutsdatum, aktualiseringsdatum, ...(slutdatum ? { slutdatum } : {}), kund, ...(progress ? { progress } : {}) }, localDateOf(start), pinned);
    return { input, start, events: parts.events, ...(parts.continueEvery ? { continueEvery: parts.continueEvery } : {}), accepted: check.problems.length === 0 };
  })
  .filter((scenario) => scenario.accepted)
  .map(({ accepted: _accepted, ...scenario }) => scenario);

/** The reminder settings the bounded insats follows. */
export const remindersOf = (settings: Settings) => settingsWithDefaults(settings).reminders;

/** The event that meets `deadline`, as its owner would send it. */
function meeting(deadline: TrackedDeadline, flag: boolean): unknown {
  const month = deadline.occurrence;
  switch (deadline.rule) {
    case 'bemanning':
      return { type: 'bemannad' };
    case 'uppdrag':
      return { type: 'uppdrag-inlagt' };
    case 'genomforandeplan':
      return { type: 'plan-inlamnad' };
    case 'plangranskning':
      return { type: flag ? 'plan-godkand' : 'plan-aterremitterad' };
    case 'manadsrapport':
      return { type: 'manadsrapport-klar', month };
    case 'manadsrapport-granskning':
    case 'manadsrapport-godkand':
      return { type: flag ? 'manadsrapport-godkand' : 'manadsrapport-aterremitterad', month };
    case 'trepart':
      return { type: 'trepart-hallet', revideradPlanKravs: flag };
    case 'reviderad-plan':
      return { type: 'reviderad-plan-inlamnad' };
    case 'arbetsplats':
      return { type: 'arbetsplats-startad', timmarPerVecka: 20, trepartsoverenskommelse: true };
    case 'slutrapport':
      return { type: 'slutrapport-inlamnad' };
    case 'omprovning':
      return { type: 'omprovning-gjord' };
    case 'tillaggscheck':
      return { type: 'tillaggscheck-beslut', beviljad: flag };
    case 'lakarintyg':
      return { type: 'lakarintyg-inlamnat' };
    case 'vab-intyg':
      return { type: 'vab-intyg-inlamnat' };
    case 'sfi-niva':
      return deadline.occurrence.startsWith('kontakt-') ? { type: 'sfi-skolkontakt' } : { type: 'sfi-niva-klar', niva: deadline.occurrence };
    case 'upptrappning':
      return { type: 'upptrappningssteg-uppnatt', datum: deadline.occurrence };
    case 'fortsatt-stod':
      return { type: 'fortsatt-stod-avslutat' };
    case 'bonus':
      return { type: 'bonusrapport-inlamnad' };
    case 'snabbhetspremie-uppfoljning':
      return { type: 'snabbhetspremie-uppfoljning', month, fortsatt: flag };
  }
}

const AVSLUT = [
  { orsak: 'arbete', anstallning: { form: 'tillsvidare', omfattning: 100 } },
  { orsak: 'studier', studier: { form: 'csn', omfattning: 100 } },
  { orsak: 'avbrott' },
  { orsak: 'byte-av-anordnare', nyAnordnare: 'a2' },
  { orsak: 'svag-progression' },
];

/** Any event, with dates and months near `today`; many are refused, some are malformed. */
function anyEvent(record: InsatsRecord, today: LocalDate, pick: number, flag: boolean): unknown {
  const n = Math.floor(pick / 64);
  const month = addMonthsTo(monthOf(today), -(n % 3));
  const sentBack = record.facts.reportsSentBack[n % Math.max(1, record.facts.reportsSentBack.length)];
  const events: (() => unknown)[] = [
    () => ({ type: 'bemannad' }),
    () => ({ type: 'uppdrag-inlagt' }),
    () => ({ type: 'plan-inlamnad' }),
    () => ({ type: 'reviderad-plan-inlamnad' }),
    () => ({ type: 'manadsrapport-klar', month: sentBack ?? month }),
    () => ({ type: 'manadsrapport-godkand', month }),
    () => ({ type: 'manadsrapport-aterremitterad', month }),
    () => ({ type: 'trepart-hallet', revideradPlanKravs: flag }),
    () => ({ type: 'arbetsplats-startad', timmarPerVecka: flag ? 20 : 5, trepartsoverenskommelse: true }),
    () => ({ type: 'sjukanmalan' }),
    () => ({ type: 'friskanmalan' }),
    () => ({ type: 'vab-anmalan' }),
    () => ({ type: 'tillaggscheck-ansokan', belopp: 5000 }),
    () => ({ type: 'ledighet', from: addDays(today, 1), to: addDays(today, 1 + (n % 30)) }),
    () => ({ type: 'sfi-niva-start', niva: `N${n % 4}` }),
    () => ({ type: 'sfi-risk' }),
    () => ({ type: 'arbete-avbojt' }),
    () => ({ type: 'upptrappning-plan', steg: [{ datum: addDays(today, 5 + (n % 20)), omfattning: 50 }, { datum: addDays(today, 40 + (n % 20)), omfattning: 100 }] }),
    () => ({ type: 'fortsatt-stod-start', startdatum: today }),
    () => ({ type: 'fortsatt-stod-avslutat' }),
    () => ({ type: 'omprovning-gjord' }),
    () => ({ type: 'slutrapport-inlamnad' }),
    () => ({ type: 'bonusrapport-inlamnad' }),
    () => ({ type: 'bonus-godkand' }),
    () => ({ type: 'snabbhetspremie-uppfoljning', month, fortsatt: flag }),
    // An avslut in one of four picks of its slot, so most insatser run on for a while.
    () => (n % 4 === 0 ? { type: 'avslut', ...AVSLUT[n % AVSLUT.length] } : { type: 'omprovning-gjord' }),
    // Refused by the schema or the insats's bounds.
    () => ({ type: 'manadsrapport-klar', month: flag ? '2099-01' : '2023-13' }),
    () => ({ type: 'ledighet', from: '1999-01-01', to: '1999-01-02' }),
  ];
  return events[pick % events.length]!();
}

/**
 * The event `plan` stands for, given the insats as it is when the event arrives, and the open
 * deadline it is meant to meet (`meets`, rule/occurrence) when it is one.
 */
export function eventFor(plan: EventPlan, record: InsatsRecord, now: Date): { event: unknown; meets?: TrackedDeadline } {
  const live = record.deadlines.filter((deadline) => deadline.status === 'open' || deadline.status === 'pending');
  if (plan.mode === 'meet' && live.length > 0) {
    const deadline = live[plan.pick % live.length]!;
    return { event: meeting(deadline, plan.flag), meets: deadline };
  }
  return { event: anyEvent(record, localDateOf(now), plan.pick, plan.flag) };
}
