// The insats process: what events and the passing of time do to an insats.
export * from './lookup';
export * from './on-event';
export * from './on-time';
export * from './record';
