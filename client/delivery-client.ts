// Keeps the one daily-delivery workflow running (workflows/delivery-workflow.ts): started on every
// service start, a no-op when it already runs.
import type { Client } from '@temporalio/client';
import type { DigestSettings } from '../domain';
import { DELIVERY_WORKFLOW_ID, deliveryWorkflow } from '../workflows/delivery-workflow';
import { TASK_QUEUE } from '../workflows/ids';

export async function ensureDeliveryWorkflow(
  client: Client,
  {
    settings,
    taskQueue = TASK_QUEUE,
    clockOffsetMs,
    workflowId = DELIVERY_WORKFLOW_ID,
  }: { settings: DigestSettings; taskQueue?: string; clockOffsetMs?: number; workflowId?: string },
): Promise<void> {
  await client.workflow.start(deliveryWorkflow, {
    workflowId,
    taskQueue,
    args: [{ settings, ...(clockOffsetMs ? { clockOffsetMs } : {}) }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    staticSummary: 'Dagligt utskick av påminnelser (sammanställning per mottagare)',
  });
}
