// The daily delivery of reminders, escalations and notices: one long-lived workflow for the whole
// service that sleeps until the digest time of the next working day (domain/digest.ts, the Swedish
// calendar), sends each recipient's e-mail of the day, and continues as new. Insatser store their
// items in the outbox ahead of time (workflows/insats-workflow.ts); this is the only sender of them.
import { continueAsNew, proxyActivities, setCurrentDetails, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { DeliveryResult } from '../activities/delivery';
import { defaultDigestSettings, localDateOf, nextDeliveryInstant, recipientLabel, toLocalIso, withinDeliveryWindow, type DigestSettings, type Recipient } from '../domain';
import { workflowNow } from './clock';

const { recipientsWithItems } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute' },
  summary: 'find the recipients with items for the day',
});

// A temporary refusal (the relay busy or down) is retried for about an hour, then the recipient's
// items wait for the next working day; a permanent one is stored on the delivery row.
const { deliverToRecipient } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 10 },
});

/** Recipients served at once; each is one activity. */
const CONCURRENT_RECIPIENTS = 8;

export interface DeliveryWorkflowInput {
  settings?: DigestSettings;
  /** Added to workflow time (the simulator and tests; see InsatsWorkflowInput). */
  clockOffsetMs?: number;
  /** Deliver at once on start, not at the next delivery instant (an operator catching up by hand). */
  now?: boolean;
}

export const DELIVERY_WORKFLOW_ID = 'daily-delivery';

export async function deliveryWorkflow(input: DeliveryWorkflowInput = {}): Promise<void> {
  const settings = input.settings ?? defaultDigestSettings;
  const now = () => workflowNow(input.clockOffsetMs);
  if (!input.now) {
    const at = nextDeliveryInstant(now(), settings);
    setCurrentDetails(`Nästa utskick: ${toLocalIso(at)}.`);
    await sleep(at.getTime() - now().getTime(), { summary: `the delivery of ${toLocalIso(at)}` });
  }
  if (withinDeliveryWindow(now(), settings)) {
    const results = await deliverAll(now(), settings);
    const sent = results.reduce((sum, { result }) => sum + result.sent, 0);
    const failed = results.flatMap(({ recipient, result }) => result.failed.map(({ reason }) => `${recipientLabel(recipient)}: ${reason}`));
    setCurrentDetails(`Utskick ${localDateOf(now())}: ${sent} e-post till ${results.length} mottagare.${failed.length ? ` Misslyckade: ${failed.join('; ')}` : ''}`);
  }
  // One day per run: the history stays a few events per recipient, whatever the service's age.
  await continueAsNew<typeof deliveryWorkflow>({ ...input, now: false });
}

async function deliverAll(at: Date, settings: DigestSettings): Promise<{ recipient: Recipient; result: DeliveryResult }[]> {
  const until = at.toISOString();
  const recipients = await recipientsWithItems({ until });
  const results: { recipient: Recipient; result: DeliveryResult }[] = [];
  for (let start = 0; start < recipients.length; start += CONCURRENT_RECIPIENTS) {
    const batch = recipients.slice(start, start + CONCURRENT_RECIPIENTS);
    const settled = await Promise.allSettled(
      batch.map((recipient) => deliverToRecipient({ recipient, until, settings }).then((result) => ({ recipient, result }))),
    );
    // A recipient whose relay refused all day keeps its items queued for the next delivery.
    for (const outcome of settled) if (outcome.status === 'fulfilled') results.push(outcome.value);
  }
  return results;
}
