// Workflow bundle entry: every workflow the worker runs.
export { insatsWorkflow } from './insats-workflow';
export { paymentRunWorkflow } from './payment-run-workflow';
