// Runs a scenario through the real insats workflow on Temporal's time-skipping test server, with
// in-memory activities, and returns its timeline. Used by `npm run simulate` and by the tests.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  applySettingsOverrides,
  checkAktualisering,
  defaultSettings,
  parseLocalDateTime,
  toLocalIso,
  type InsatsEvent,
  type TimelineEntry,
} from '../domain';
import { ensureDeliveryWorkflow } from '../client/delivery-client';
import { createInsatsClient, EventRejectedError } from '../client/insats-client';
import type { Activities } from '../activities';
import type { Clock } from '../platform/clock';
import { createWorker } from '../worker';
import { insatsWorkflowId } from '../workflows/ids';
import { recordingActivities, type RecordedMail } from './recording-activities';
import type { Scenario } from './scenario';
import { quietBeforeUpdate, settled } from './settle';

export interface ScenarioRun {
  timeline: TimelineEntry[];
  /** Settings the scenario needs but does not configure, e.g. the AMI month amounts. */
  warnings: string[];
  /** The workflow's runs (one per continue-as-new) with their histories, first run first. */
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
    taskQueue = `simulate-${scenario.insats.id}-${Date.now()}`,
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
  const { insats } = scenario;
  const [aktualiserad, ...events] = scenario.events;
  const start = parseLocalDateTime(aktualiserad!.at);
  // Placed just before the insats starts, so its first entries read the aktualisering's time.
  let offset = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const scenarioNow = async () => (await env.currentTimeMs()) + offset;
  const rejected: TimelineEntry[] = [];

  const aktualiseringsdatum = aktualiserad!.at.slice(0, 10);
  const check = checkAktualisering(
    { insatstyp: insats.typ, beslutsdatum: insats.beslutsdatum, aktualiseringsdatum, kund: insats.kund },
    aktualiseringsdatum,
    settings,
  );
  if (check.problems.length > 0) {
    return { timeline: [{ at: toLocalIso(start), kind: 'event-rejected', event: 'aktualiserad', reason: check.problems.join('; ') }], warnings: [], runs: [], mails: [] };
  }

  const recording = recordingActivities();
  const { writes } = recording;
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
  const worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', activities, workflowBundle, taskQueue });
  const insatser = createInsatsClient(env.client, { clock, taskQueue });
  const workflowId = insatsWorkflowId(insats.id);
  const deliveryId = `delivery-${taskQueue}`;
  let runs: ScenarioRun['runs'] = [];

  await worker.runUntil(async () => {
    offset = start.getTime() - (await env.currentTimeMs());
    // The day's delivery sends what the insats stores (workflows/delivery-workflow.ts).
    await ensureDeliveryWorkflow(env.client, { settings: settings.digest, taskQueue, clockOffsetMs: offset, workflowId: deliveryId });
    const { firstRunId } = await insatser.startInsats({
      insatsId: insats.id,
      insatstyp: insats.typ,
      rulebook: insats.rulebook ?? check.rulebook,
      beslutsdatum: insats.beslutsdatum,
      aktualiseringsdatum,
      ...(insats.slutdatum ? { slutdatum: insats.slutdatum } : {}),
      ...(insats.praktikBehov !== undefined ? { praktikBehov: insats.praktikBehov } : {}),
      anordnare: insats.anordnare,
      kvl: insats.kvl,
      kundId: insats.kund.id,
      kund: { ekonomisktBistand: insats.kund.ekonomisktBistand, arbetsformaga: insats.kund.arbetsformaga },
      settings,
    });
    const sleepUntil = async (instant: Date) => {
      const wait = instant.getTime() - (await scenarioNow());
      if (wait > 0) await env.sleep(wait);
      await settled(env, workflowId);
      await settled(env, deliveryId);
    };
    await settled(env, workflowId);
    for (const { at, ...event } of events) {
      await sleepUntil(parseLocalDateTime(at));
      await quietBeforeUpdate(env, workflowId);
      try {
        await answeredWithin(insatser.applyEvent(insats.id, { event: event as InsatsEvent }), `${event.type} at ${at}`);
      } catch (error) {
        if (!(error instanceof EventRejectedError) && !(error instanceof WorkflowNotFoundError)) throw error;
        rejected.push({ at: toLocalIso(parseLocalDateTime(at)), kind: 'event-rejected', event: event.type, reason: error.message });
      }
      await settled(env, workflowId);
    }
    await sleepUntil(parseLocalDateTime(`${scenario.until}T23:59:59`));
    const handle = env.client.workflow.getHandle(workflowId);
    if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('scenario finished');
    await env.client.workflow.getHandle(deliveryId).terminate('scenario finished');
    runs = await fetchRuns(env, workflowId, firstRunId);
  });

  const timeline = writes
    .filter((write) => write.kind === 'timeline')
    .sort((a, b) => a.seq - b.seq)
    .map((write) => write.entry)
    .concat(rejected);
  timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const warnings = [...new Set(timeline.filter((entry) => entry.kind === 'payment' && entry.amount === null).map((entry) => entry.reason ?? ''))];
  return { timeline, warnings, runs, mails: recording.mails };
}
