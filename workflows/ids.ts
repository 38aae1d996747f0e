// Task queue and workflow ids in one place, for the worker, the API and the tests.
export const TASK_QUEUE = 'insatser';

export function insatsWorkflowId(insatsId: string): string {
  return `insats-${insatsId}`;
}
