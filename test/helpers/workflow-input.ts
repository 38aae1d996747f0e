// What an insats workflow was started with, read from its history and decoded as the client decodes: the tests check that an
// aktualisering reached the workflow as given (its progress included).
import type { Client } from '@temporalio/client';
import { insatsWorkflowId } from '../../workflows/ids';
import type { InsatsWorkflowInput } from '../../workflows/types';

export async function startInputOf(client: Client, insatsId: string): Promise<InsatsWorkflowInput> {
  const history = await client.workflow.getHandle(insatsWorkflowId(insatsId)).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) throw new Error(`the history of insats ${insatsId} has no start input`);
  // Through the client's own converter: encrypted where the client encrypts (platform/payload-codec.ts).
  const { payloadCodecs, payloadConverter } = client.workflow.options.loadedDataConverter;
  let decoded = [payload];
  for (const codec of [...payloadCodecs].reverse()) decoded = await codec.decode(decoded);
  return payloadConverter.fromPayload<InsatsWorkflowInput>(decoded[0]!);
}
