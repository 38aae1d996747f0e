// Workflow bundle entry: every workflow the worker runs.
export { insatsWorkflow } from './insats-workflow';
