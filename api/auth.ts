// Bearer-token authentication: every /api request names a valid, unrevoked API key. A valid key
// is remembered for a few seconds, so a provider's stream of events costs one key lookup, not one
// per request; a revoked key therefore stops working within REMEMBER_VALID_KEYS_MS (README, A
// first session). Unknown and revoked tokens are never remembered: a new key works at once.
import type { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import type { Database } from '../platform/database';
import { callerForToken } from './api-keys';
import type { Caller } from './caller';
import { HttpProblem } from './problem';

export const REMEMBER_VALID_KEYS_MS = 5_000;

export function authenticate(database: Database): RequestHandler {
  const validKeys = new LRUCache<string, Caller>({ max: 10_000, ttl: REMEMBER_VALID_KEYS_MS });
  return async (request, response, next) => {
    const header = request.get('Authorization') ?? '';
    const token = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header)?.[1];
    let caller = token ? validKeys.get(token) : undefined;
    if (token && !caller) {
      caller = await callerForToken(database, token);
      if (caller) validKeys.set(token, caller);
    }
    if (!caller) {
      response.set('WWW-Authenticate', 'Bearer');
      throw new HttpProblem(401, 'Unauthorized', 'a valid API key is required: Authorization: Bearer <token>');
    }
    response.locals.caller = caller;
    next();
  };
}

export function callerOf(locals: Record<string, unknown>): Caller {
  return locals.caller as Caller;
}
