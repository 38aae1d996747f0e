// Temporal's time-skipping test server from the PyPI wheel (scripts/install-temporal.mjs), with our
// search attributes registered: what the simulator and the workflow tests run on.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '../platform/register-search-attributes';
import { temporalTestServerPath } from '../platform/temporal-binaries';

export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}
