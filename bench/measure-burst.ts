// Many open insatser on one worker, then a holiday morning: `dueTogether` bemanning reminders
// placed at one shared real instant (08:00 of their clock), of insatser spread over 40 anordnare and
// 60 kvl, stored ahead in the outbox and sent by the day's delivery as one digest per anordnare. The burst's insatser are started first and the other open
// ones after them, so when the burst comes its insatser have slept longest (and, with more open
// insatser than the worker caches, have been evicted and must be replayed, as after a holiday).
// Measures the worker's memory with everything open (and its growth per cached insats over the
// open-insatser phase), the time from 08:00 until the last digest is stored as sent and has reached
// the SMTP server (against the platform's own timer burst: as many minimal workflows sleeping to one
// instant and storing a row each), e-mails against items, and how API reads answer meanwhile against the same
// reads before the burst's insatser start (reads come from PostgreSQL alone, so they need not wait
// for the last open ones, and a setup that overruns the due instant still leaves them a baseline).
import { readInsatser } from './api-reads';
import type { Figure } from './figures';
import { ensureDeliveryWorkflow } from '../client/delivery-client';
import { defaultDigestSettings, storeAheadMs } from '../domain';
import { insatsWorkflowId } from '../workflows/ids';
import { busiestMinuteOfTasks } from './measure-workflow-tasks';
import { TASK_QUEUE } from '../workflows/ids';
import { BENCH_MARKER_TABLE, createBenchMarkerTable } from './bench-activities';
import { ANORDNARE, BURST_ANORDNARE, burstInsatsStart, clockWithRemindersAt, insatsIdPrefix, quietClock } from './fixtures';
import { startInsatser } from './insatser';
import { percentile, runAtConcurrency } from './load';
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
/** The day's delivery may take at most this many times the platform's own timer burst (under a second in quick mode, where a quarter second of jitter moves the ratio by 0.4). */
const DELIVERY_RATIO_TARGET = 5;

/**
 * The baseline: `count` minimal workflows that sleep to one instant and store a row each
 * (bench/workflows.ts timerBurstWorkflow); seconds from that instant until the last row.
 */
async function measureTimerBurst(stack: Stack, count: number, concurrency: number, log: (line: string) => void): Promise<{ seconds: number | undefined; workflowIds: string[]; startedAt: number }> {
  await createBenchMarkerTable(stack.database);
  const group = insatsIdPrefix('timer');
  const started = Date.now();
  const workflowIds = Array.from({ length: count }, (_, index) => `${group}${index}`);
  const at = started + Math.max(5_000, count * 20);
  await runAtConcurrency(count, concurrency, async (index) => {
    await stack.client.workflow.start('timerBurstWorkflow', { workflowId: `${group}${index}`, taskQueue: TASK_QUEUE, args: [`${group}${index}`, at] });
  });
  if (Date.now() > at) log('timer burst: the starts overran the instant');
  await waitUntilQuiet(Math.max(0, at - Date.now() - 1_000));
  const deadline = at + 120_000;
  for (;;) {
    const rows = await stack.database.$queryRawUnsafe<{ count: bigint; last: Date | null }[]>(
      `SELECT count(*) AS count, max(stored_at) AS last FROM ${BENCH_MARKER_TABLE} WHERE id LIKE $1`,
      `${group}%`,
    );
    const { count: stored, last } = rows[0]!;
    if (Number(stored) >= count && last) return { seconds: (last.getTime() - at) / 1000, workflowIds, startedAt: at };
    if (Date.now() > deadline) return { seconds: undefined, workflowIds, startedAt: at };
    await sleep(250);
  }
}

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
  const openIds = (await stack.database.insats.findMany({ where: { anordnareId: ANORDNARE }, select: { id: true } })).map((row) => row.id);
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
  const burstClock = clockWithRemindersAt(dueAt);
  await startInsatser(stack, 'burst', dueTogether, concurrency, burstClock, burstInsatsStart);
  open += dueTogether;
  const burstStartedAt = Date.now();
  const deliveryId = `delivery-${insatsIdPrefix('burst')}`;
  await ensureDeliveryWorkflow(stack.client, { settings: defaultDigestSettings, clockOffsetMs: burstClock.now().getTime() - Date.now(), workflowId: deliveryId });
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

  // What the reading anordnare may see (the burst's insatser of other anordnare answer it 404).
  const allOpenIds = (await stack.database.insats.findMany({ where: { anordnareId: ANORDNARE }, select: { id: true } })).map((row) => row.id);
  await sleep(dueAt - Date.now());

  const cpuBefore = cpuSeconds(stack.workerPid);
  const prefix = insatsIdPrefix('burst');
  const burstItems = () =>
    stack.database.outboxItem.findMany({ where: { insatsId: { startsWith: prefix } }, select: { status: true, createdAt: true, deliveryId: true } });
  const burstDeliveries = () => stack.database.delivery.findMany({ where: { items: { some: { insatsId: { startsWith: prefix } } } } });
  const received = (messageId: string | null) => stack.smtp.received.filter((mail) => mail.messageId === messageId);
  let finished = false;
  const burstReads = readInsatser(stack, allOpenIds, { ...READERS, until: () => finished });
  const deadline = dueAt + sizes.timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    const delivered = (await burstItems()).filter((item) => item.status === 'delivered').length;
    const deliveries = await burstDeliveries();
    if (delivered >= dueTogether && deliveries.every((row) => row.status === 'sent' && received(row.messageId).length > 0)) break;
    await sleep(250);
  }
  finished = true;
  const readsDuring = await burstReads;
  const burstCpu = cpuSeconds(stack.workerPid) - cpuBefore;
  await sleep(DUPLICATE_WATCH_MS);
  await stack.client.workflow.getHandle(deliveryId).terminate('bench finished').catch(() => undefined);

  const items = await burstItems();
  const deliveries = await burstDeliveries();
  const delivered = items.filter((item) => item.status === 'delivered').length;
  const sentAt = deliveries.flatMap((row) => {
    const mails = received(row.messageId);
    return row.sentAt && mails.length > 0 ? [Math.max(row.sentAt.getTime(), Math.min(...mails.map((mail) => stack.smtp.arrivedAt(mail))))] : [];
  });
  const complete = delivered >= dueTogether && sentAt.length === deliveries.length;
  const duplicates = deliveries.reduce((sum, row) => sum + Math.max(0, received(row.messageId).length - 1), 0);
  const recipients = Math.min(BURST_ANORDNARE, dueTogether);
  // The insatser's own wake-ups: how many of the burst's items were stored in the busiest minute.
  const perMinute = new Map<number, number>();
  for (const item of items) perMinute.set(Math.floor(item.createdAt.getTime() / 60_000), (perMinute.get(Math.floor(item.createdAt.getTime() / 60_000)) ?? 0) + 1);
  const busiestMinuteShare = items.length > 0 ? (Math.max(...perMinute.values()) / items.length) * 100 : undefined;
  // Sent by insatser themselves (started before the digest): none of the burst's should be.
  const direct = await stack.database.notification.count({ where: { insatsId: { startsWith: prefix } } });
  if (!complete) log(`only ${delivered} of ${dueTogether} items delivered in ${sentAt.length} of ${deliveries.length} digests within ${sizes.timeoutSeconds} s`);
  const timerBurst = await measureTimerBurst(stack, dueTogether, concurrency, log);
  // Workflow tasks in the busiest minute: the burst's insatser and the delivery from when the last
  // of them had started, against the minimal workflows from their instant.
  const burstIds = (await stack.database.insats.findMany({ where: { id: { startsWith: prefix } }, select: { id: true } })).map((row) => row.id);
  const burstTasks = await busiestMinuteOfTasks(stack, [...burstIds.map(insatsWorkflowId), deliveryId], burstStartedAt);
  const timerTasks = await busiestMinuteOfTasks(stack, timerBurst.workflowIds, timerBurst.startedAt - 1_000);
  // The wake-ups the domain plans for these insatser on a real night (storeAheadMs, from the
  // insats id): the bench's due instant is minutes away, not hours, so it cannot show them.
  const plannedPerMinute = new Map<number, number>();
  for (const id of burstIds) {
    const minuteOfNight = Math.floor(storeAheadMs(id, defaultDigestSettings) / 60_000);
    plannedPerMinute.set(minuteOfNight, (plannedPerMinute.get(minuteOfNight) ?? 0) + 1);
  }
  const plannedBusiestShare = burstIds.length > 0 ? (Math.max(...plannedPerMinute.values()) / burstIds.length) * 100 : undefined;

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
      measurement: `time from 08:00 until the last digest of ${dueTogether} items is sent and received`,
      value: complete ? (Math.max(...sentAt) - dueAt) / 1000 : undefined,
      unit: 's',
      baseline: timerBurst.seconds,
      baselineLabel: `${dueTogether} minimal workflows waking at one instant, storing a row each`,
      target: { on: 'ratio', atMost: DELIVERY_RATIO_TARGET },
    },
    { measurement: 'time from 08:00 until the last digest is out (target)', value: complete ? (Math.max(...sentAt) - dueAt) / 1000 : undefined, unit: 's', target: { on: 'value', below: 60 } },
    { measurement: `e-mails for ${dueTogether} items (${recipients} recipients)`, value: deliveries.length, unit: 'e-mails', target: { on: 'value', atMost: recipients } },
    { measurement: 'items delivered', value: delivered, unit: `of ${dueTogether}`, target: { on: 'value', atLeast: dueTogether } },
    { measurement: 'digests sent twice', value: duplicates, unit: 'e-mails', target: { on: 'value', below: 1 } },
    { measurement: 'delivery retries', value: deliveries.reduce((sum, row) => sum + row.attempts, 0) - deliveries.length, unit: 'attempts' },
    { measurement: 'notifications the burst\'s insatser sent themselves (expected none)', value: direct, unit: 'e-mails', target: { on: 'value', below: 1 } },
    {
      // In the bench the due instant is minutes (not hours) after the starts, so nearly all are stored at once; see README.
      measurement: 'busiest minute of the burst items being stored (share)',
      value: busiestMinuteShare,
      unit: '%',
    },
    {
      measurement: `workflow tasks in the busiest minute (of ${burstTasks.total} the burst's insatser and the delivery ran)`,
      value: burstTasks.busiest,
      unit: 'tasks',
      baseline: timerTasks.busiest,
      baselineLabel: `${dueTogether} minimal workflows waking at one instant (${timerTasks.total} tasks)`,
    },
    {
      measurement: `busiest minute of the wake-ups the domain plans on a real night for these ${burstIds.length} insatser (storeAheadMs over ${defaultDigestSettings.storeAheadMinutes} min)`,
      value: plannedBusiestShare,
      unit: '%',
      target: { on: 'value', atMost: 10 },
    },
    { measurement: 'worker CPU per item (delivery and reads included)', value: (burstCpu / dueTogether) * 1000, unit: 'ms' },
    {
      measurement: `API read latency during the burst p99 (${READERS.readers} readers; ${readCounts})`,
      value: percentile(readsDuring.latenciesMs, 99),
      unit: 'ms',
      baseline: percentile(idleReads.latenciesMs, 99),
      baselineLabel: 'the same reads before the burst',
      target: { on: 'value', below: READ_P99_TARGET_MS },
    },
    { measurement: `API reads failed during the burst${readsDuring.failures ? ` (HTTP ${[...new Set(readsDuring.failedStatuses)].join(', ')})` : ''}`, value: readsDuring.failures, unit: 'reads', baseline: idleReads.failures, baselineLabel: 'before the burst', target: { on: 'value', below: 1 } },
    { measurement: 'worker RSS peak, whole run', value: memory.peak(), unit: 'MB' },
    { measurement: 'spare time before the due instant (setup check)', value: spareSeconds, unit: 's', target: { on: 'value', atLeast: 0 } },
  ];
}
