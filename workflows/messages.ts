// Message definitions, declared once: the workflow registers handlers for them and the client
// facade (client/insats-client.ts) sends them.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { EventMessage, EventOutcome, InsatsSnapshot } from './types';

export const applyEventUpdate = defineUpdate<EventOutcome, [EventMessage]>('applyEvent');
export const insatsStateQuery = defineQuery<InsatsSnapshot>('insatsState');

/** ApplicationFailure types the update validator throws; the API maps them to HTTP statuses. */
export const INVALID_EVENT = 'InvalidEvent';
export const ILLEGAL_EVENT = 'IllegalEvent';
/** The sender may not see the insats; to them it does not exist. */
export const NOT_VISIBLE = 'NotVisible';
