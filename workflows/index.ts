// Workflow bundle entry: every workflow the worker runs.
export { insatsWorkflow } from './insats-workflow';
export { deliveryWorkflow } from './delivery-workflow';
export { paymentRunWorkflow } from './payment-run-workflow';
