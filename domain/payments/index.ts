// Ersättning: month payments and payment runs (2023 §9, §9.1).
export * from './amounts';
export * from './month-payment';
export * from './payment-run';
