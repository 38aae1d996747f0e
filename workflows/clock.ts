// Workflow time, shifted by the input's clock offset (0 in production; see InsatsWorkflowInput).
// Date.now() is deterministic inside a workflow: it is the time of the current workflow task.
export function workflowNow(clockOffsetMs = 0): Date {
  return new Date(Date.now() + clockOffsetMs);
}
