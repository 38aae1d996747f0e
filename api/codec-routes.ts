// /codec: Temporal's remote codec protocol, so the Web UI and the CLI (`--codec-endpoint`) show
// payloads decoded to operators and to no one else (README, Encrypted payloads). POST /codec/decode
// and /codec/encode take and answer `{ payloads: [{ metadata: { k: base64 }, data: base64 }] }`, the
// proto3 JSON the UI sends. Only the configured UI origins may call it from a browser.
import express, { Router, type RequestHandler } from 'express';
import type { PayloadCodec } from '@temporalio/common';
// The proto package is CommonJS: its namespace comes through the default export under node's ESM.
import proto from '@temporalio/proto';
import { z } from 'zod';
import type { Database } from '../platform/database';
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

export function codecRoutes({ database, codec, uiOrigins }: { database: Database; codec: PayloadCodec; uiOrigins: readonly string[] }) {
  const router = Router();
  router.use(corsFor(uiOrigins));
  router.use(express.json({ limit: '8mb', strict: true }));
  router.use(authenticate(database));
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
