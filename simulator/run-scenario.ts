// Runs a scenario through the real insats workflow on Temporal's time-skipping test server, with
// in-memory activities, and returns its timeline and e-mails. Every insats of the scenario runs on
// one worker beside one delivery workflow. Used by `npm run simulate` and by the tests.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { applySettingsOverrides, defaultSettings, parseLocalDateTime, toLocalIso, type InsatsEvent } from '../domain';
import { ensureDeliveryWorkflow } from '../client/delivery-client';
import { createInsatsClient, EventRejectedError, type InsatsStart } from '../client/insats-client';
import type { Activities } from '../activities';
import type { Clock } from '../platform/clock';
import { createWorker } from '../worker';
import { insatsWorkflowId } from '../workflows/ids';
import { recordingActivities, type RecordedMail } from './recording-activities';
import { insatsStart } from './insats-start';
import type { Scenario, ScenarioEvent } from './scenario';
import { scenarioTimeline, type InsatsEntry, type ScenarioTimelineEntry } from './scenario-timeline';
import { quietBeforeUpdate, settled } from './settle';

export interface ScenarioRun {
  /** Every insats's timeline in one, in time order; each entry names its insats when there are several. */
  timeline: ScenarioTimelineEntry[];
  /** Settings the scenario needs but does not configure, e.g. the AMI month amounts. */
  warnings: string[];
  /**
   * The workflow runs (one per continue-as-new) of the scenario's first insats, with their
   * histories, first run first; none when its aktualisering was refused. What
   * `npm run record-histories` writes, which records one insats per scenario.
   */
  runs: { runId: string; history: temporal.api.history.v1.IHistory }[];
  /** The e-mails people got, per recipient and delivery. */
  mails: RecordedMail[];
}

/** Every run of a workflow, following its continue-as-new chain from the first. */
async function fetchRuns(env: TestWorkflowEnvironment, workflowId: string, firstRunId: string): Promise<ScenarioRun['runs']> {
  const runs: ScenarioRun['runs'] = [];
  for (let runId: string | undefined = firstRunId; runId; ) {
    const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push({ runId, history });
    const last = history.events?.at(-1);
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}

/**
 * An update the workflow has not answered by then is stuck (a workflow task the server will never
 * time out or redeliver, see quietBeforeUpdate): the run fails rather than waits for ever.
 */
const UPDATE_ANSWER_MS = 30_000;

async function answeredWithin<T>(update: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    const message = `${what}: the workflow did not answer the update within ${UPDATE_ANSWER_MS / 1000} s`;
    timer = setTimeout(() => reject(new Error(message)), UPDATE_ANSWER_MS);
  });
  try {
    return await Promise.race([update, stuck]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runScenario(
  scenario: Scenario,
  {
    env,
    workflowBundle,
    taskQueue = `simulate-${scenario.insatser[0]!.id}-${Date.now()}`,
    activities: realActivities,
  }: {
    env: TestWorkflowEnvironment;
    workflowBundle: WorkflowBundleWithSourceMap;
    taskQueue?: string;
    /** Real activities to run beside the recording ones (e.g. the PostgreSQL projection in tests). */
    activities?: Partial<Activities>;
  },
): Promise<ScenarioRun> {
  const settings = applySettingsOverrides(defaultSettings, scenario.config);
  const insatsIds = scenario.insatser.map((insats) => insats.id);
  const rejected: InsatsEntry[] = [];
  const refused = (insatsId: string, at: string, event: string, reason: string) =>
    rejected.push({ insatsId, entry: { at: toLocalIso(parseLocalDateTime(at)), kind: 'event-rejected', event, reason } });

  // Each insats's first event is its aktualiserad (simulator/scenario-insatser.ts): that event starts it.
  const starts = new Map<ScenarioEvent, InsatsStart>();
  for (const insats of scenario.insatser) {
    const aktualiserad = scenario.events.find((event) => event.insats === insats.id)!;
    const check = insatsStart(insats, aktualiserad.at, settings);
    if (check.ok) starts.set(aktualiserad, check.start);
    else refused(insats.id, aktualiserad.at, 'aktualiserad', check.problems.join('; '));
  }
  const startable = new Set([...starts.values()].map((start) => start.insatsId));
  if (startable.size === 0) return { timeline: scenarioTimeline(insatsIds, [], rejected), warnings: [], runs: [], mails: [] };

  // Placed just before the first insats starts, so its first entries read the aktualisering's time.
  let offset = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const scenarioNow = async () => (await env.currentTimeMs()) + offset;

  const recording = recordingActivities({ digest: settings.digest.enabled });
  const activities: Partial<Activities> = {
    ...realActivities,
    async recordProjection(batch) {
      await recording.activities.recordProjection(batch);
      await realActivities?.recordProjection?.(batch);
    },
    async sendNotification(request) {
      const recorded = await recording.activities.sendNotification(request);
      return realActivities?.sendNotification ? realActivities.sendNotification(request) : recorded;
    },
    recipientsWithItems: recording.activities.recipientsWithItems,
    // Activities beside the recording ones saw the same outbox items; they deliver them too.
    async deliverToRecipient(request) {
      const recorded = await recording.activities.deliverToRecipient(request);
      return realActivities?.deliverToRecipient ? realActivities.deliverToRecipient(request) : recorded;
    },
  };
  // One worker and one delivery workflow for every insats, as in the service: a recipient's
  // e-mail of the day holds the items of all their insatser.
  const worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', activities, workflowBundle, taskQueue });
  const insatser = createInsatsClient(env.client, { clock, taskQueue });
  const deliveryId = `delivery-${taskQueue}`;
  const firstRunIds = new Map<string, string>();
  let runs: ScenarioRun['runs'] = [];

  await worker.runUntil(async () => {
    offset = parseLocalDateTime(scenario.events[0]!.at).getTime() - (await env.currentTimeMs());
    // The day's delivery sends what the insatser store (workflows/delivery-workflow.ts).
    await ensureDeliveryWorkflow(env.client, { settings: settings.digest, taskQueue, clockOffsetMs: offset, workflowId: deliveryId });
    const sleepUntil = async (instant: Date) => {
      const wait = instant.getTime() - (await scenarioNow());
      if (wait > 0) await env.sleep(wait);
      for (const insatsId of firstRunIds.keys()) await settled(env, insatsWorkflowId(insatsId));
      await settled(env, deliveryId);
    };
    try {
      for (const scenarioEvent of scenario.events) {
        const { at, insats: insatsId, ...event } = scenarioEvent;
        // An insats whose aktualisering was refused never started: as with one insats, its events are not sent.
        if (!startable.has(insatsId)) continue;
        await sleepUntil(parseLocalDateTime(at));
        const workflowId = insatsWorkflowId(insatsId);
        const start = starts.get(scenarioEvent);
        if (start) {
          firstRunIds.set(insatsId, (await insatser.startInsats(start)).firstRunId);
          await settled(env, workflowId);
          continue;
        }
        await quietBeforeUpdate(env, workflowId);
        try {
          await answeredWithin(insatser.applyEvent(insatsId, { event: event as InsatsEvent }), `${insatsId}: ${event.type} at ${at}`);
        } catch (error) {
          if (!(error instanceof EventRejectedError) && !(error instanceof WorkflowNotFoundError)) throw error;
          refused(insatsId, at, event.type, error.message);
        }
        await settled(env, workflowId);
      }
      await sleepUntil(parseLocalDateTime(`${scenario.until}T23:59:59`));
    } finally {
      // Every workflow of the run stops here, also when the run failed: a workflow left without its
      // worker would hold the shared time-skipping clock still for the next scenario.
      for (const workflowId of [...[...firstRunIds.keys()].map(insatsWorkflowId), deliveryId]) {
        const handle = env.client.workflow.getHandle(workflowId);
        const running = await handle.describe().then(({ status }) => status.name === 'RUNNING', () => false);
        if (running) await handle.terminate('scenario finished');
      }
    }
    const first = firstRunIds.get(insatsIds[0]!);
    if (first) runs = await fetchRuns(env, insatsWorkflowId(insatsIds[0]!), first);
  });

  const timeline = scenarioTimeline(insatsIds, recording.writes, rejected);
  const warnings = [...new Set(timeline.filter((entry) => entry.kind === 'payment' && entry.amount === null).map((entry) => entry.reason ?? ''))];
  return { timeline, warnings, runs, mails: recording.mails };
}
