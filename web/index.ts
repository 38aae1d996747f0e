// The web pages, on the API's express app and port (api/app.ts mounts them after /api): sign-in,
// Att göra, Insatsen, Aktualisera, Utbetalning and Uppföljning, and the stylesheet under /static/. Each page route runs the
// page chain (CSP, form parsing, the session) itself, so a request the pages do not serve, under
// /api or anywhere, passes through untouched. A new page is one more module in pages/.
import { fileURLToPath } from 'node:url';
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { insatsCommands, type InsatsCommandDependencies } from '../api/insats-commands';
import type { PaymentClient } from '../client/payment-client';
import { logger } from '../platform/logger';
import { apiKeyIdentity, type Identity } from './identity';
import { pageHeaders } from './page-headers';
import { aktualiseraPage } from './pages/aktualisera';
import { attGoraPage } from './pages/att-gora';
import { insatsPages } from './pages/insats';
import { renderFailure } from './pages/messages';
import { signInPages } from './pages/sign-in';
import { uppfoljningPage } from './pages/uppfoljning';
import { utbetalningPage } from './pages/utbetalning';
import { utbetalningKorningPage } from './pages/utbetalning-korning';
import { utbetalningUnderlagPage } from './pages/utbetalning-underlag';
import { loadSession, pageSessionOf } from './session';
import { sessionStore } from './session-store';

/** What the API's routes get, so the pages record through the same commands (api/insats-commands.ts). */
export interface WebDependencies extends InsatsCommandDependencies {
  /** The payment run's Temporal facade, as /api/payment-runs starts a run with it. */
  payments: PaymentClient;
  /** Who may sign in: API keys unless another identity provider is given (web/identity.ts). */
  identity?: Identity;
}

export function webPages({ identity, payments, ...dependencies }: WebDependencies) {
  const { database, clock, settings } = dependencies;
  const commands = insatsCommands(dependencies);
  const signIn = identity ?? apiKeyIdentity(database);
  const store = sessionStore({ database, identity: signIn, clock });
  const page: RequestHandler[] = [pageHeaders, express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 500 }), loadSession(store)];

  const router = Router();
  router.use('/static', express.static(fileURLToPath(new URL('./static', import.meta.url)), { index: false, maxAge: '1h' }));
  router.use(signInPages({ page, identity: signIn, store }));
  router.use(attGoraPage({ page, database, clock }));
  router.use(insatsPages({ page, database, clock, commands }));
  router.use(aktualiseraPage({ page, commands }));
  router.use(utbetalningPage({ page, database, clock, payments }));
  router.use(utbetalningKorningPage({ page, database }));
  router.use(utbetalningUnderlagPage({ page, database }));
  router.use(uppfoljningPage({ page, database, clock, settings }));
  router.use(pageFailed);
  return router;
}

const pageFailed: ErrorRequestHandler = (error, _request, response, _next) => {
  logger.error({ err: error, requestId: response.locals.requestId }, 'page failed');
  renderFailure(response, response.locals.pageSession ? pageSessionOf(response) : undefined);
};
