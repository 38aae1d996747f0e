// Many open insatser on one worker, then a holiday morning: `dueTogether` bemanning reminders
// placed at one shared real instant. The burst's insatser are started first and the other open
// ones after them, so when the burst comes its insatser have slept longest (and, with more open
// insatser than the worker caches, have been evicted and must be replayed, as after a holiday).
// Measures the worker's memory with everything open (and its growth per cached insats over the
// open-insatser phase), the time from the due instant until every reminder is stored as sent and
// has reached the SMTP server, each one once, and how API reads answer meanwhile against the same
// reads before the burst's insatser start (reads come from PostgreSQL alone, so they need not wait
// for the last open ones, and a setup that overruns the due instant still leaves them a baseline).
import { readInsatser } from './api-reads';
import type { Figure } from './figures';
import { clockWithRemindersAt, insatsIdPrefix, quietClock } from './fixtures';
import { startInsatser } from './insatser';
import { oldInsatsIdPrefix } from './old-insatser';
import { percentile } from './load';
import { cpuSeconds, waitUntilQuiet, type MemorySampler } from './process-stats';
import type { Stack } from './stack';
import { sleep } from './wait';

/** Open insatser are started in chunks of about this long, so the budget can stop them between two. */
const CHUNK_SECONDS = 10;
const CALIBRATION = 50;
/** The due instant's margin over the estimate of what must happen before it; the 3 s the reads before the burst took here stay, as setups that ran late used them. */
const SAFETY_MS = 6_000;
/** Two case workers reading an insats every quarter second each. */
const READERS = { readers: 2, pauseMs: 250 };
const IDLE_READ_MS = 3_000;
/** After the last reminder, how long to keep listening for one sent twice. */
const DUPLICATE_WATCH_MS = 3_000;
/** Worker memory per cached insats the service aims for (the last runs measured about 1.8 MB). */
const RSS_PER_CACHED_TARGET_MB = 0.6;
const READ_P99_TARGET_MS = 250;

export interface BurstSizes {
  openInsatser: number;
  openBudgetSeconds: number;
  dueTogether: number;
  concurrency: number;
  /** How long to wait for the burst before reporting what is missing. */
  timeoutSeconds: number;
}

export async function measureBurst(
  stack: Stack,
  sizes: BurstSizes,
  memory: MemorySampler,
  /** The worker's RSS right after it started, before any insats. */
  idleRss: number | undefined,
  /** The worker's RSS and the insatser open when the open-insatser phase began (before the old ones were brought in). */
  openPhaseStart: { rss: number | undefined; open: number },
  log: (line: string) => void,
): Promise<Figure[]> {
  const { openInsatser, dueTogether, concurrency } = sizes;
  const quiet = quietClock();
  await waitUntilQuiet(5_000);
  const openIds = (await stack.database.insats.findMany({ select: { id: true } })).map((row) => row.id);
  const idleUntil = Date.now() + IDLE_READ_MS;
  const idleReads = await readInsatser(stack, openIds, { ...READERS, until: () => Date.now() >= idleUntil });
  let open = openIds.length;
  let chunks = 0;
  const startChunk = async (size: number) => {
    const group = await startInsatser(stack, `open-${chunks++}`, size, concurrency, quiet);
    open += size - group.starts.failures;
    return size / group.recordedSeconds;
  };

  // A first chunk tells how fast insatser start on this machine now. The due instant leaves time
  // for the burst's insatser at two thirds of that rate and the open ones' budget when more are to
  // be opened after them.
  const calibration = Math.min(CALIBRATION, openInsatser - dueTogether - open);
  let rate = calibration > 0 ? await startChunk(calibration) : 10;
  const slow = (count: number) => (count / rate) * 1_500;
  const budgetMs = open + dueTogether < openInsatser ? sizes.openBudgetSeconds * 1_000 : 0;
  const dueAt = Date.now() + slow(dueTogether) + budgetMs + SAFETY_MS;
  await startInsatser(stack, 'burst', dueTogether, concurrency, clockWithRemindersAt(dueAt));
  open += dueTogether;
  const openUntil = dueAt - SAFETY_MS;
  const chunk = Math.max(20, Math.round(rate * CHUNK_SECONDS));
  while (open < openInsatser && Date.now() + slow(Math.min(chunk, openInsatser - open)) < openUntil) {
    // Starts slow down as more insatser are open (one run overran the due instant by 0.5 s):
    // the next chunk is planned at the slowest rate seen so far.
    rate = Math.min(rate, await startChunk(Math.min(chunk, openInsatser - open)));
    log(`${open} insatser open`);
  }
  await waitUntilQuiet(Math.max(0, openUntil - Date.now()));
  const rssOpen = memory.now();
  const spareSeconds = (dueAt - Date.now()) / 1000;
  log(`${open} insatser open, ${dueTogether} of them with reminders due in ${spareSeconds.toFixed(0)} s`);

  const allOpenIds = (await stack.database.insats.findMany({ select: { id: true } })).map((row) => row.id);
  await sleep(dueAt - Date.now());

  const cpuBefore = cpuSeconds(stack.workerPid);
  const prefix = insatsIdPrefix('burst');
  const burstMails = () => stack.smtp.received.filter((mail) => mail.subject?.includes(prefix));
  let finished = false;
  const burstReads = readInsatser(stack, allOpenIds, { ...READERS, until: () => finished });
  const deadline = dueAt + sizes.timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    const sent = await stack.database.notification.count({ where: { insatsId: { startsWith: prefix }, sentAt: { not: null } } });
    if (sent >= dueTogether && new Set(burstMails().map((mail) => mail.messageId)).size >= dueTogether) break;
    await sleep(250);
  }
  finished = true;
  const readsDuring = await burstReads;
  const burstCpu = cpuSeconds(stack.workerPid) - cpuBefore;
  await sleep(DUPLICATE_WATCH_MS);

  const rows = await stack.database.notification.findMany({ where: { insatsId: { startsWith: prefix } }, select: { sentAt: true, messageId: true, attempts: true } });
  const mails = burstMails();
  const firstArrival = new Map<string, number>();
  for (const mail of mails) firstArrival.set(mail.messageId ?? '', Math.min(stack.smtp.arrivedAt(mail), firstArrival.get(mail.messageId ?? '') ?? Infinity));
  const sentRows = rows.filter((row) => row.sentAt && row.messageId && firstArrival.has(row.messageId));
  const arrivedAfter = (row: (typeof sentRows)[number]) => Math.max(row.sentAt!.getTime(), firstArrival.get(row.messageId!)!) - dueAt;
  const lateness = sentRows.map((row) => arrivedAfter(row) / 1000);
  const complete = sentRows.length >= dueTogether;
  const duplicates = mails.length - firstArrival.size + Math.max(0, rows.length - dueTogether);
  // The insatser brought in three years late live on the real clock: a reminder of theirs may fall due while the bench runs.
  const outside = await stack.database.notification.count({ where: { AND: [{ NOT: { insatsId: { startsWith: prefix } } }, { NOT: { insatsId: { startsWith: oldInsatsIdPrefix } } }] } });
  if (!complete) log(`only ${sentRows.length} of ${dueTogether} reminders stored as sent and received within ${sizes.timeoutSeconds} s`);

  const cached = Math.min(open, stack.maxCachedWorkflows);
  const perCached = rssOpen !== undefined && idleRss !== undefined ? (rssOpen - idleRss) / cached : undefined;
  const cachedInPhase = cached - Math.min(openPhaseStart.open, stack.maxCachedWorkflows);
  const perCachedInPhase = rssOpen !== undefined && openPhaseStart.rss !== undefined && cachedInPhase > 0 ? (rssOpen - openPhaseStart.rss) / cachedInPhase : undefined;
  const readCounts = `${idleReads.latenciesMs.length + idleReads.failures} reads before, ${readsDuring.latenciesMs.length + readsDuring.failures} during`;
  return [
    { measurement: 'open insatser reached within the budget', value: open, unit: 'insatser', target: { on: 'value', atLeast: openInsatser } },
    { measurement: `worker RSS with ${open} insatser open`, value: rssOpen, unit: 'MB', baseline: idleRss, baselineLabel: 'the worker before any insats' },
    { measurement: `worker RSS per cached insats (${cached} cached)`, value: perCached, unit: 'MB' },
    {
      // Growth over the phase alone, so the starts' and events' warm-up (JIT, pools) is not charged to the insatser.
      measurement: `worker RSS growth per cached insats over the open-insatser phase (+${cachedInPhase} cached)`,
      value: perCachedInPhase,
      unit: 'MB',
      target: { on: 'value', atMost: RSS_PER_CACHED_TARGET_MB },
    },
    {
      // The worker caches at most maxCachedWorkflows insatser; past that, memory stops growing.
      measurement: `worker RSS projected for ${openInsatser} open (cache ${stack.maxCachedWorkflows})`,
      value: perCached !== undefined ? idleRss! + perCached * Math.min(openInsatser, stack.maxCachedWorkflows) : undefined,
      unit: 'MB',
    },
    {
      measurement: `time from the due instant until ${dueTogether} reminders are stored and sent`,
      value: complete ? Math.max(...lateness) : undefined,
      unit: 's',
      target: { on: 'value', below: 60 },
    },
    { measurement: 'reminders stored as sent and received', value: sentRows.length, unit: `of ${dueTogether}`, target: { on: 'value', atLeast: dueTogether } },
    { measurement: 'reminder lateness p50', value: percentile(lateness, 50), unit: 's' },
    { measurement: 'reminder lateness p99', value: percentile(lateness, 99), unit: 's' },
    { measurement: 'reminders sent twice', value: duplicates, unit: 'e-mails', target: { on: 'value', below: 1 } },
    { measurement: 'reminder send retries', value: rows.reduce((sum, row) => sum + row.attempts, 0) - rows.length, unit: 'attempts' },
    { measurement: 'notifications outside the burst (expected none)', value: outside, unit: 'rows', target: { on: 'value', below: 1 } },
    { measurement: 'worker CPU per reminder (reads included)', value: (burstCpu / dueTogether) * 1000, unit: 'ms' },
    {
      measurement: `API read latency during the burst p99 (${READERS.readers} readers; ${readCounts})`,
      value: percentile(readsDuring.latenciesMs, 99),
      unit: 'ms',
      baseline: percentile(idleReads.latenciesMs, 99),
      baselineLabel: 'the same reads before the burst',
      target: { on: 'value', below: READ_P99_TARGET_MS },
    },
    { measurement: 'API reads failed during the burst', value: readsDuring.failures, unit: 'reads', baseline: idleReads.failures, baselineLabel: 'before the burst', target: { on: 'value', below: 1 } },
    { measurement: 'worker RSS peak, whole run', value: memory.peak(), unit: 'MB' },
    { measurement: 'spare time before the due instant (setup check)', value: spareSeconds, unit: 's', target: { on: 'value', atLeast: 0 } },
  ];
}
