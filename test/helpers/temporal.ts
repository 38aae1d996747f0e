import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalCliPath } from '../../platform/temporal-binaries';
import { insatsSearchAttributeKeys } from '../../workflows/search-attributes';

export { settled } from '../../simulator/settle';
export { startTimeSkippingServer } from '../../simulator/time-skipping';

/** The real Temporal dev server (in memory), with our search attributes registered; its client encrypts when given the service's converter. */
export function startDevServer({ dataConverter }: { dataConverter?: DataConverter } = {}): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    ...(dataConverter ? { client: { dataConverter } } : {}),
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
