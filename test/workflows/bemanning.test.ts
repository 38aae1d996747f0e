// bemanning (2023 §6.2.1, inherited for 2024) on Temporal's time-skipping server.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInsatsClient, EventRejectedError } from '../../client/insats-client';
import { ensureDeliveryWorkflow } from '../../client/delivery-client';
import { defaultDigestSettings, parseLocalDateTime, toLocalIso } from '../../domain';
import type { Clock } from '../../platform/clock';
import { bundleWorkflows, createWorker } from '../../worker';
import { insatsWorkflowId } from '../../workflows/ids';
import { insatsStateQuery } from '../../workflows/messages';
import { recordingActivities } from '../../simulator/recording-activities';
import { settled, startTimeSkippingServer, uniqueInsatsId } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([startTimeSkippingServer(), bundleWorkflows()]);
});
afterAll(async () => {
  await env?.teardown();
});

/** Runs one scenario with the workflow's clock placed at `start` (Europe/Stockholm local time). */
async function scenario(start: string, body: (context: {
  insatsId: string;
  insatser: ReturnType<typeof createInsatsClient>;
  notifications: ReturnType<typeof recordingActivities>['notifications'];
  sleepUntil: (local: string) => Promise<void>;
}) => Promise<void>) {
  const { activities, notifications } = recordingActivities();
  const insatsId = uniqueInsatsId('bemanning');
  const taskQueue = `test-${insatsId}`;
  const worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', activities, workflowBundle, taskQueue });
  const offset = parseLocalDateTime(start).getTime() - (await env.currentTimeMs());
  const scenarioNow = async () => new Date((await env.currentTimeMs()) + offset);
  // The client's clock runs at the test server's pace from the scenario's start, so the workflow
  // sees scenario time.
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const insatser = createInsatsClient(env.client, { clock, taskQueue });
  const deliveryId = `delivery-${insatsId}`;
  await worker.runUntil(async () => {
    // The day's delivery sends what the insats stores (workflows/delivery-workflow.ts).
    await ensureDeliveryWorkflow(env.client, { settings: defaultDigestSettings, taskQueue, clockOffsetMs: offset, workflowId: deliveryId });
    await body({
      insatsId,
      insatser,
      notifications,
      sleepUntil: async (local) => {
        const target = parseLocalDateTime(local).getTime();
        const now = (await scenarioNow()).getTime();
        if (target > now) await env.sleep(target - now);
        await settled(env, insatsWorkflowId(insatsId));
        await settled(env, deliveryId);
      },
    });
    // Leave no timers behind: the test server's clock is shared by the whole file.
    await env.client.workflow.getHandle(insatsWorkflowId(insatsId)).terminate('scenario finished');
    await env.client.workflow.getHandle(deliveryId).terminate('scenario finished');
  });
}

/** The workflow's own state, through the query the API no longer uses. */
const stateOf = (insatsId: string) => env.client.workflow.getHandle(insatsWorkflowId(insatsId)).query(insatsStateQuery);

const aktualisering = (insatsId: string) => ({
  insatsId,
  insatstyp: 'AMI1' as const,
  rulebook: '2024' as const,
  beslutsdatum: '2025-12-22',
  aktualiseringsdatum: '2025-12-23',
  anordnare: 'a1',
  kvl: 'k1',
  kundId: 'kund-1',
});

describe('bemanning', () => {
  it('is due Monday 2025-12-29 after an aktualisering on Tuesday 2025-12-23, reminds at 08:00 and escalates Tuesday 08:00', async () => {
    await scenario('2025-12-23T10:00', async ({ insatsId, insatser, notifications, sleepUntil }) => {
      await insatser.startInsats(aktualisering(insatsId));
      const state = await stateOf(insatsId);
      expect(state.openDeadlines.find((deadline) => deadline.rule === 'bemanning')).toMatchObject({ due: '2025-12-29', owner: 'anordnare' });

      const bemanning = () => notifications.filter((notification) => notification.rule === 'bemanning');
      await sleepUntil('2025-12-29T07:59');
      expect(notifications).toEqual([]);

      await sleepUntil('2025-12-29T08:01');
      expect(bemanning().map((n) => [n.kind, n.recipient, toLocalIso(new Date(n.scheduledFor))])).toEqual([
        ['reminder', { role: 'anordnare', id: 'a1' }, '2025-12-29T08:00:00+01:00'],
      ]);

      await sleepUntil('2025-12-30T07:59');
      expect(notifications.filter((n) => n.kind === 'escalation')).toEqual([]);

      await sleepUntil('2025-12-30T08:01');
      expect(bemanning().map((n) => [n.kind, n.recipient, toLocalIso(new Date(n.scheduledFor))])).toEqual([
        ['reminder', { role: 'anordnare', id: 'a1' }, '2025-12-29T08:00:00+01:00'],
        ['escalation', { role: 'anordnare', id: 'a1' }, '2025-12-30T08:00:00+01:00'],
        ['escalation', { role: 'kvl', id: 'k1' }, '2025-12-30T08:00:00+01:00'],
      ]);
      expect((await stateOf(insatsId)).openDeadlines.find((deadline) => deadline.rule === 'bemanning')).toMatchObject({ overdue: true });
    });
  });

  it('never staffed: tells the owner once that it is late, walks the chain once, then repeats at most three times and stops', async () => {
    await scenario('2025-12-23T10:00', async ({ insatsId, insatser, notifications, sleepUntil }) => {
      await insatser.startInsats(aktualisering(insatsId));
      await sleepUntil('2026-09-01T12:00');
      expect(notifications.filter((n) => n.rule === 'bemanning').map((n) => [n.step, n.recipient.role, toLocalIso(new Date(n.scheduledFor))])).toEqual([
        ['due-reminder', 'anordnare', '2025-12-29T08:00:00+01:00'],
        ['late-notice', 'anordnare', '2025-12-30T08:00:00+01:00'],
        ['escalation-1', 'kvl', '2025-12-30T08:00:00+01:00'],
        // 6 January is Trettondedag jul: the next working day.
        ['escalation-2', 'kundkoordinator', '2026-01-07T08:00:00+01:00'],
        ['repeat-1', 'anordnare', '2026-02-04T08:00:00+01:00'],
        ['repeat-2', 'anordnare', '2026-03-04T08:00:00+01:00'],
        ['repeat-3', 'anordnare', '2026-04-01T08:00:00+02:00'],
      ]);
    });
  });

  it('sends no escalation when the case is staffed on time, and rejects a second bemannad', async () => {
    await scenario('2025-12-23T10:00', async ({ insatsId, insatser, notifications, sleepUntil }) => {
      await insatser.startInsats(aktualisering(insatsId));
      await sleepUntil('2025-12-29T09:30');
      const outcome = await insatser.applyEvent(insatsId, { event: { type: 'bemannad' } });
      expect(outcome.met).toEqual([{ rule: 'bemanning', occurrence: '1', status: 'met' }]);

      await expect(insatser.applyEvent(insatsId, { event: { type: 'bemannad' } })).rejects.toThrow(EventRejectedError);
      await expect(insatser.applyEvent(insatsId, { event: { type: 'bemannad' } })).rejects.toMatchObject({ reason: 'illegal' });

      await sleepUntil('2026-01-15T12:00');
      expect(notifications.filter((n) => n.rule === 'bemanning').map((n) => n.kind)).toEqual(['reminder']);
      // Staffing opened the kvl's uppdrag and the anordnare's first plan (2023 §6.2.1, 2024 §3).
      expect(notifications.map((n) => n.rule)).toEqual(expect.arrayContaining(['uppdrag', 'genomforandeplan']));
    });
  });
});
