// Idempotency-Key on POST: a retried request (same key, same method, path and body) gets the
// first successful answer again and changes nothing; the same key with another request is
// refused. A refused request does not use up its key: the client may correct it and retry.
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { poolOf, type Database } from '../platform/database';
import { logger } from '../platform/logger';
import { callerOf } from './auth';
import { HttpProblem, parseInput } from './problem';

const keySchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be 1–128 letters, digits or _ . : -');

export function idempotentPosts(database: Database): RequestHandler {
  // Straight on the pool: these two statements run on every provider POST (platform/database.ts).
  const pool = poolOf(database);
  return async (request, response, next) => {
    const header = request.get('Idempotency-Key');
    if (request.method !== 'POST' || header === undefined) return next();
    const key = parseInput(keySchema, header, 'header');
    const caller = callerOf(response.locals);
    const requestHash = createHash('sha256').update(`${request.method} ${request.originalUrl} ${JSON.stringify(request.body ?? null)}`).digest('hex');
    const {
      rows: [earlier],
    } = await pool.query<{ requestHash: string; status: number; body: unknown }>(
      'SELECT request_hash AS "requestHash", status, body FROM idempotent_request WHERE api_key_id = $1::uuid AND key = $2',
      [caller.keyId, key],
    );
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        throw new HttpProblem(422, 'Idempotency-Key reused', 'this Idempotency-Key was used for a different request');
      }
      response.set('Idempotent-Replayed', 'true');
      response.status(earlier.status).json(earlier.body);
      return;
    }
    response.locals.idempotencyKey = `${caller.keyId}:${key}`;
    const json = response.json.bind(response);
    response.json = (body: unknown) => {
      if (response.statusCode < 200 || response.statusCode >= 300) return json(body);
      // Stored before it is sent, so a retry that follows the answer always finds it. A
      // concurrent duplicate may have stored its answer first: then that one stays.
      pool
        .query(
          `INSERT INTO idempotent_request (api_key_id, key, request_hash, status, body) VALUES ($1::uuid, $2, $3, $4, $5::jsonb)
           ON CONFLICT DO NOTHING`,
          [caller.keyId, key, requestHash, response.statusCode, JSON.stringify(body)],
        )
        .catch((error: unknown) => logger.warn({ err: error, requestId: response.locals.requestId }, 'idempotent answer not stored; a retry of this request is sent again'))
        .finally(() => json(body));
      return response;
    };
    next();
  };
}
