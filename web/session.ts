// The signed-in caller of each page request, and the CSRF check of every POST made signed in.
// A page asked for without a live session sends the browser to the sign-in page; a POST without
// one, or without the session's CSRF token, is refused with 403 before anything changes. A page
// for some roles only does not exist for the others (web/page-roles.ts).
import type { RequestHandler, Response } from 'express';
import type { Caller } from '../api/caller';
import { readCookie, SESSION_COOKIE } from './cookies';
import { CSRF_FIELD, csrfToken, validCsrfToken } from './csrf';
import { mayOpen, type RolePage } from './page-roles';
import { renderNotFound, renderStaleForm } from './pages/messages';
import type { SessionStore } from './session-store';

export interface PageSession {
  caller: Caller;
  /** The token every form of this session carries. */
  csrf: string;
  /** The cookie's token; only to end the session. */
  token: string;
}

export const pageSessionOf = (response: Response) => response.locals.pageSession as PageSession;

/** Loads the session when there is one; `pageSessionOf` is then set, else undefined. */
export function loadSession(store: SessionStore): RequestHandler {
  return async (request, response, next) => {
    const resumed = await store.resume(readCookie(request, SESSION_COOKIE));
    if (resumed) response.locals.pageSession = { caller: resumed.caller, token: resumed.token, csrf: csrfToken(resumed.token, 'session') } satisfies PageSession;
    next();
  };
}

export const requireSession: RequestHandler = (request, response, next) => {
  const session = response.locals.pageSession as PageSession | undefined;
  if (!session) {
    if (request.method === 'GET' || request.method === 'HEAD') response.redirect(303, '/');
    else renderStaleForm(response);
    return;
  }
  if (request.method === 'POST' && !validCsrfToken(session.token, 'session', (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD])) {
    renderStaleForm(response);
    return;
  }
  next();
};

/** After requireSession: `page` for its roles; to any other role it does not exist (404). */
export function requirePageRole(page: RolePage): RequestHandler {
  return (_request, response, next) => {
    const session = pageSessionOf(response);
    if (mayOpen(page, session.caller.role)) return next();
    renderNotFound(response, session);
  };
}
