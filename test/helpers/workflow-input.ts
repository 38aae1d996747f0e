// What an insats workflow was started with, read from its history: the tests check that an
// aktualisering reached the workflow as given (its progress included).
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { insatsWorkflowId } from '../../workflows/ids';
import type { InsatsWorkflowInput } from '../../workflows/types';

export async function startInputOf(client: Client, insatsId: string): Promise<InsatsWorkflowInput> {
  const history = await client.workflow.getHandle(insatsWorkflowId(insatsId)).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) throw new Error(`the history of insats ${insatsId} has no start input`);
  return defaultPayloadConverter.fromPayload<InsatsWorkflowInput>(payload);
}
