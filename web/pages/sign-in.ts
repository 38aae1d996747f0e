// Sign-in at `/`, `POST /logga-in` (field `apiKey`) and sign-out at `POST /logga-ut`. Scripts sign
// in with a cookie jar through these paths and that field name, so they stay as they are.
// The sign-in form carries a CSRF token made from a nonce in a SameSite=Strict cookie: a form on
// another site cannot sign a browser in as someone else.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie, SIGN_IN_COOKIE } from '../cookies';
import { CSRF_FIELD, csrfToken, newSecret, validCsrfToken } from '../csrf';
import type { Identity } from '../identity';
import { renderPage } from '../render';
import { pageSessionOf, requireSession } from '../session';
import { SESSION_LIFETIME_MS, type SessionStore } from '../session-store';
import { renderStaleForm } from './messages';

const SIGN_IN_FORM_MS = 60 * 60_000;
const WRONG_KEY = 'Nyckeln gäller inte. Kontrollera att du har klistrat in hela nyckeln. Har den slutat gälla får du en ny av kommunen.';

function showSignIn(request: Request, response: Response, { error, status }: { error: string | null; status: number }): void {
  const nonce = readCookie(request, SIGN_IN_COOKIE) ?? newSecret();
  setCookie(request, response, SIGN_IN_COOKIE, nonce, { maxAgeMs: SIGN_IN_FORM_MS, sameSite: 'Strict' });
  renderPage(response, 'sign-in', { csrf: csrfToken(nonce, 'logga-in'), error }, { title: 'Logga in' }, status);
}

export function signInPages({ page, identity, store }: { page: RequestHandler[]; identity: Identity; store: SessionStore }) {
  const router = Router();

  router.get('/', ...page, (request, response) => {
    if (response.locals.pageSession) return response.redirect(303, '/att-gora');
    showSignIn(request, response, { error: null, status: 200 });
  });

  router.post('/logga-in', ...page, async (request, response) => {
    const body = request.body as Record<string, unknown>;
    if (!validCsrfToken(readCookie(request, SIGN_IN_COOKIE), 'logga-in', body[CSRF_FIELD])) return renderStaleForm(response);
    const apiKey = typeof body.apiKey === 'string' ? body.apiKey.trim() : '';
    const caller = apiKey ? await identity.authenticate({ apiKey }) : undefined;
    if (!caller) return showSignIn(request, response, { error: WRONG_KEY, status: 401 });
    // A new token at every sign-in: a session id someone planted before it never becomes theirs.
    await store.end(readCookie(request, SESSION_COOKIE));
    setCookie(request, response, SESSION_COOKIE, await store.start(caller), { maxAgeMs: SESSION_LIFETIME_MS, sameSite: 'Lax' });
    clearCookie(request, response, SIGN_IN_COOKIE);
    response.redirect(303, '/att-gora');
  });

  router.post('/logga-ut', ...page, requireSession, async (request, response) => {
    await store.end(pageSessionOf(response).token);
    clearCookie(request, response, SESSION_COOKIE);
    response.redirect(303, '/');
  });

  return router;
}
