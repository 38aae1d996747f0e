// The daily digest on Temporal's time-skipping server: insatser store their reminders as outbox
// items ahead of time, and the one delivery workflow sends each recipient one e-mail at 08:00 on
// a working day (domain/digest.ts). In-memory activities (simulator/recording-activities.ts) plan
// the e-mails with the same code as the real delivery (activities/digest-mail.ts).
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDeliveryWorkflow } from '../../client/delivery-client';
import { createInsatsClient } from '../../client/insats-client';
import { applySettingsOverrides, defaultDigestSettings, defaultSettings, parseLocalDateTime, storeAheadMs, toLocalIso, type ContactPreference, type OutboxItem } from '../../domain';
import type { Clock } from '../../platform/clock';
import { recordingActivities } from '../../simulator/recording-activities';
import { bundleWorkflows, createWorker } from '../../worker';
import { insatsWorkflowId } from '../../workflows/ids';
import { settled, startTimeSkippingServer, uniqueInsatsId } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([startTimeSkippingServer(), bundleWorkflows()]);
});
afterAll(async () => {
  await env?.teardown();
});

interface Context {
  recording: ReturnType<typeof recordingActivities>;
  insatser: ReturnType<typeof createInsatsClient>;
  started: string[];
  sleepUntil: (local: string) => Promise<void>;
}

/** Runs `body` with the clock placed at `start` (Europe/Stockholm), one worker and the delivery workflow. */
async function scenario(start: string, preferences: Record<string, ContactPreference>, body: (context: Context) => Promise<void>) {
  const recording = recordingActivities({ preferences });
  const taskQueue = `test-${uniqueInsatsId('digest')}`;
  const deliveryId = `delivery-${taskQueue}`;
  const worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', activities: recording.activities, workflowBundle, taskQueue });
  const offset = parseLocalDateTime(start).getTime() - (await env.currentTimeMs());
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const insatser = createInsatsClient(env.client, { clock, taskQueue });
  const started: string[] = [];
  await worker.runUntil(async () => {
    await ensureDeliveryWorkflow(env.client, { settings: defaultDigestSettings, taskQueue, clockOffsetMs: offset, workflowId: deliveryId });
    try {
      await body({
        recording,
        insatser,
        started,
        sleepUntil: async (local) => {
          const wait = parseLocalDateTime(local).getTime() - ((await env.currentTimeMs()) + offset);
          if (wait > 0) await env.sleep(wait);
          for (const insatsId of started) await settled(env, insatsWorkflowId(insatsId));
          await settled(env, deliveryId);
        },
      });
    } finally {
      // Leave no workflow behind: the test server's clock is shared by the whole file, and a
      // workflow without its worker would hold it still.
      for (const workflowId of [...started.map(insatsWorkflowId), deliveryId]) {
        await env.client.workflow.getHandle(workflowId).terminate('test finished').catch(() => undefined);
      }
    }
  });
}

/** Insatser started with the daily digest on (settings digest.enabled). */
const digestOn = applySettingsOverrides(defaultSettings, { digest: { enabled: true } });

/** An AMI1 aktualiserad Tuesday 2025-12-23: bemanning is due Monday 2025-12-29, its reminder that day at 08:00. */
async function startAmi1(context: Context, insatsId: string, anordnare: string) {
  await context.insatser.startInsats({
    insatsId,
    insatstyp: 'AMI1',
    rulebook: '2024',
    beslutsdatum: '2025-12-22',
    aktualiseringsdatum: '2025-12-23',
    anordnare,
    kvl: 'k1',
    kundId: `kund-${insatsId}`,
    settings: digestOn,
  });
  context.started.push(insatsId);
}

const mailsTo = (context: Context, to: string) => context.recording.mails.filter((mail) => mail.to === to);
/** The delivery's instant to the minute: it starts a few hundred milliseconds after its timer's. */
const minute = (iso: string) => toLocalIso(new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000));
const itemKeys = (items: OutboxItem[]) => items.map((item) => `${item.insatsId} ${item.rule} ${item.step}`).sort();

describe('the daily digest', () => {
  it('gives an anordnare with 12 insatser one digest at 08:00 holding the 12 reminders of that morning, and nothing else', async () => {
    await scenario('2025-12-23T10:00', {}, async (context) => {
      const ids = Array.from({ length: 12 }, (_, index) => uniqueInsatsId(`dig${index}`));
      for (const insatsId of ids) await startAmi1(context, insatsId, 'a-tolv');

      await context.sleepUntil('2025-12-29T07:59');
      expect(mailsTo(context, 'anordnare:a-tolv')).toEqual([]);
      // Stored ahead, at each insats's own offset within the night, not all at 08:00.
      expect(new Set(ids.map((insatsId) => storeAheadMs(insatsId, defaultDigestSettings))).size).toBeGreaterThan(1);

      await context.sleepUntil('2025-12-29T12:00');
      const mails = mailsTo(context, 'anordnare:a-tolv');
      expect(mails.map((mail) => [mail.kind, minute(mail.at)])).toEqual([['digest', '2025-12-29T08:00:00+01:00']]);
      expect(itemKeys(mails[0]!.items)).toEqual(ids.map((insatsId) => `${insatsId} bemanning due-reminder`).sort());
      expect(mails[0]!.subject).toBe('Kundval insatser: 12 att göra denna vecka');
    });
  });

  it('leaves out of the 08:00 digest an item whose deadline was met at 07:59', async () => {
    // An id whose item is stored well before 07:59, so it is withdrawn at delivery rather than never stored.
    let insatsId = uniqueInsatsId('met');
    while (storeAheadMs(insatsId, defaultDigestSettings) < 10 * 60_000) insatsId = uniqueInsatsId('met');
    const other = uniqueInsatsId('open');
    await scenario('2025-12-23T10:00', {}, async (context) => {
      await startAmi1(context, insatsId, 'a-met');
      await startAmi1(context, other, 'a-met');
      await context.sleepUntil('2025-12-29T07:59');
      expect(context.recording.outbox.get(`${insatsId}/bemanning/1/due-reminder/anordnare:a-met`)?.status).toBe('queued');
      await context.insatser.applyEvent(insatsId, { event: { type: 'bemannad' } });

      await context.sleepUntil('2025-12-29T12:00');
      const mails = mailsTo(context, 'anordnare:a-met');
      expect(mails).toHaveLength(1);
      expect(itemKeys(mails[0]!.items)).toEqual([`${other} bemanning due-reminder`]);
      expect(context.recording.outbox.get(`${insatsId}/bemanning/1/due-reminder/anordnare:a-met`)?.status).toBe('withdrawn');
    });
  });

  it('sends a recipient who chose immediate each item in an e-mail of its own', async () => {
    const ids = [uniqueInsatsId('imm'), uniqueInsatsId('imm'), uniqueInsatsId('imm')];
    await scenario('2025-12-23T10:00', { 'anordnare:a-imm': 'immediate' }, async (context) => {
      for (const insatsId of ids) await startAmi1(context, insatsId, 'a-imm');
      await context.sleepUntil('2025-12-29T12:00');
      const mails = mailsTo(context, 'anordnare:a-imm');
      expect(mails.map((mail) => mail.kind)).toEqual(['immediate', 'immediate', 'immediate']);
      expect(mails.map((mail) => itemKeys(mail.items)).sort()).toEqual(ids.map((insatsId) => [`${insatsId} bemanning due-reminder`]).sort());
      for (const mail of mails) expect(mail.subject).toMatch(/^Påminnelse: Bemanning, insats /);
    });
  });

  it.each([
    ['a Saturday', '2026-03-07T08:00', '2026-03-09T08:00:00+01:00'],
    ['midsommarafton', '2026-06-19T08:00', '2026-06-22T08:00:00+02:00'],
  ])('sends items falling due on %s at 08:00 on the next working day', async (_day, dueAt, deliveredAt) => {
    await scenario(`${dueAt.slice(0, 10)}T00:30`, {}, async (context) => {
      const item: OutboxItem = {
        insatsId: uniqueInsatsId('helg'),
        insatstyp: 'JPG',
        rule: 'manadsrapport',
        occurrence: '2026-02',
        step: 'due-reminder',
        kind: 'reminder',
        recipient: { role: 'anordnare', id: 'a-helg' },
        owner: { role: 'anordnare', id: 'a-helg' },
        due: '2026-12-31',
        decidedAt: parseLocalDateTime(dueAt).toISOString(),
      };
      const deadline = { rule: 'manadsrapport' as const, occurrence: '2026-02', due: '2026-12-31', openedOn: '2026-03-01', owner: 'anordnare' as const, escalation: ['kvl' as const], status: 'open' as const };
      await context.recording.activities.recordProjection([
        { kind: 'deadline', insatsId: item.insatsId, deadline, openedAt: item.decidedAt },
        { kind: 'outbox-item', item },
      ]);
      await context.sleepUntil(`${dueAt.slice(0, 10)}T23:00`);
      expect(mailsTo(context, 'anordnare:a-helg')).toEqual([]);
      await context.sleepUntil(`${deliveredAt.slice(0, 10)}T12:00`);
      expect(mailsTo(context, 'anordnare:a-helg').map((mail) => [mail.kind, minute(mail.at), mail.items.length])).toEqual([['digest', deliveredAt, 1]]);
    });
  });
});
