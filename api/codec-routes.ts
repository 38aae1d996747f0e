// /codec: Temporal's remote codec protocol, so the Web UI and the CLI (`--codec-endpoint`) show
// payloads decoded to operators and to no one else (README, Encrypted payloads): an operator API
// key (the CLI's --codec-auth), or an operator signed in to the pages (web/), whose session cookie
// the UI sends when its codec settings include credentials. POST /codec/decode
// and /codec/encode take and answer `{ payloads: [{ metadata: { k: base64 }, data: base64 }] }`, the
// proto3 JSON the UI sends. Only the configured UI origins may call it from a browser.
import express, { Router, type RequestHandler } from 'express';
import type { PayloadCodec } from '@temporalio/common';
// The proto package is CommonJS: its namespace comes through the default export under node's ESM.
import proto from '@temporalio/proto';
import { z } from 'zod';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database';
import { readCookie, SESSION_COOKIE } from '../web/cookies';
import { apiKeyIdentity } from '../web/identity';
import { sessionStore } from '../web/session-store';
import { authenticate, callerOf } from './auth';
import { requireRole } from './caller';
import { HttpProblem, parseInput } from './problem';

const Payload = proto.temporal.api.common.v1.Payload;
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');
const payloadsSchema = z
  .object({
    payloads: z
      .array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() }).strict())
      .max(10_000),
  })
  .strict();

/** CORS for the UI's origins alone: the UI calls with credentials, so no wildcard. */
function corsFor(origins: readonly string[]): RequestHandler {
  return (request, response, next) => {
    const origin = request.get('Origin');
    if (origin && origins.includes(origin)) {
      response.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Headers': 'Content-Type, X-Namespace, Authorization',
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Max-Age': '600',
      });
    }
    response.vary('Origin');
    // A preflight carries no credentials; it learns only whether its origin may call.
    if (request.method === 'OPTIONS') {
      response.status(origin && origins.includes(origin) ? 204 : 403).end();
      return;
    }
    next();
  };
}

/** The bearer key when one is sent, else the pages' session; 401 without either. */
function keyOrSession(database: Database, clock: Clock): RequestHandler {
  const bearer = authenticate(database);
  const sessions = sessionStore({ database, identity: apiKeyIdentity(database), clock });
  return async (request, response, next) => {
    if (request.get('Authorization') !== undefined) return bearer(request, response, next);
    const session = await sessions.resume(readCookie(request, SESSION_COOKIE));
    if (!session) {
      response.set('WWW-Authenticate', 'Bearer');
      throw new HttpProblem(401, 'Unauthorized', 'an operator API key (Authorization: Bearer <token>) or an operator signed in to the pages is required');
    }
    response.locals.caller = session.caller;
    next();
  };
}

export function codecRoutes({ database, clock, codec, uiOrigins }: { database: Database; clock: Clock; codec: PayloadCodec; uiOrigins: readonly string[] }) {
  const router = Router();
  router.use(corsFor(uiOrigins));
  router.use(express.json({ limit: '8mb', strict: true }));
  router.use(keyOrSession(database, clock));
  for (const direction of ['decode', 'encode'] as const) {
    router.post(`/${direction}`, async (request, response) => {
      requireRole(callerOf(response.locals), ['operator'], `${direction} Temporal payloads`);
      const { payloads } = parseInput(payloadsSchema, request.body);
      const converted = await codec[direction](payloads.map((payload) => Payload.fromObject(payload))).catch((error: unknown) => {
        // An unknown key id or a payload that fails authentication: say so, as the caller can act on it.
        throw new HttpProblem(422, 'Payload not decodable', (error as Error).message);
      });
      response.json({ payloads: converted.map((payload) => Payload.toObject(Payload.fromObject(payload), { bytes: String })) });
    });
  }
  router.all('/{*rest}', () => {
    throw new HttpProblem(404, 'Not found', 'the codec server answers POST /codec/decode and /codec/encode');
  });
  return router;
}
