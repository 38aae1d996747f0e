// Bearer-token authentication: every /api request names a valid, unrevoked API key.
import type { RequestHandler } from 'express';
import type { Database } from '../platform/database';
import { callerForToken } from './api-keys';
import type { Caller } from './caller';
import { HttpProblem } from './problem';

export function authenticate(database: Database): RequestHandler {
  return async (request, response, next) => {
    const header = request.get('Authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
    const caller = match ? await callerForToken(database, match[1]!) : undefined;
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
