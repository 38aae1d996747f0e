// Idempotency-Key on POST: a retried request (same key, same method, path and body) gets the
// first successful answer again and changes nothing; the same key with another request is
// refused with 422, also while the first still runs. The key is claimed before the request runs
// (a pending row with the request's hash, in one statement), so requests racing with one key are
// decided here, never by Temporal's deduplication of update ids. A refused or failed request
// releases its claim: the client may correct it and retry. The answer is kept in PostgreSQL, so a
// retry gets it after a continue-as-new and after an API restart, without asking Temporal.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { poolOf, type Database } from '../platform/database';
import { logger } from '../platform/logger';
import { callerOf } from './auth';
import { HttpProblem, parseInput } from './problem';

const keySchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be 1–128 letters, digits or _ . : -');

export interface IdempotencyTimes {
  /** How long a retry waits for the first request's answer before it is told to retry later. */
  waitMs: number;
  pollMs: number;
  /** A claim pending this long is taken to be left by a process that died; a retry takes it over. */
  staleMs: number;
}

// A request takes seconds at worst (an event's answer waits at most 5 s for its projection), so
// 10 s covers a duplicate sent while the first runs, and 30 s marks a process that is gone.
export const IDEMPOTENCY_TIMES: IdempotencyTimes = { waitMs: 10_000, pollMs: 50, staleMs: 30_000 };

/** Where `response.locals` holds the update id of the claimed request (api/insatser-routes.ts). */
export const UPDATE_ID_LOCAL = 'idempotentUpdateId';

export function requestHashOf(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url} ${JSON.stringify(body ?? null)}`).digest('hex');
}

/**
 * The Temporal update id, and so the event id, of a request with an Idempotency-Key: the same for
 * every retry of the request, so Temporal deduplicates a retry within a run, and one-way, so an
 * event id shows neither the key nor its key id. A UUIDv8 (RFC 9562, custom) of the SHA-256.
 */
export function updateIdOf(keyId: string, key: string, requestHash: string): string {
  const bytes = createHash('sha256').update(`idempotent-update\0${keyId}\0${key}\0${requestHash}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// A new claim, or a stale pending claim of the same request taken over; no row when the key is held.
const CLAIM = `INSERT INTO idempotent_request AS held (api_key_id, key, request_hash) VALUES ($1::uuid, $2, $3)
  ON CONFLICT (api_key_id, key) DO UPDATE SET claimed_at = CURRENT_TIMESTAMP
    WHERE held.status IS NULL AND held.request_hash = EXCLUDED.request_hash
      AND held.claimed_at < CURRENT_TIMESTAMP - make_interval(secs => $4::double precision)
  RETURNING claimed_at AS "claimedAt"`;
const HELD = 'SELECT request_hash AS "requestHash", status, body FROM idempotent_request WHERE api_key_id = $1::uuid AND key = $2';
// By request hash: a slow first request never answers for another request claimed after a release.
const COMPLETE = `UPDATE idempotent_request SET status = $4, body = $5::jsonb
  WHERE api_key_id = $1::uuid AND key = $2 AND request_hash = $3 AND status IS NULL`;
// By claim time: a request whose claim was taken over does not release the new holder's claim.
const RELEASE = 'DELETE FROM idempotent_request WHERE api_key_id = $1::uuid AND key = $2 AND status IS NULL AND claimed_at = $3';

type Held = { requestHash: string; status: number | null; body: unknown };

export function idempotentPosts(database: Database, times: IdempotencyTimes = IDEMPOTENCY_TIMES): RequestHandler {
  // Straight on the pool: these statements run on every provider POST (platform/database.ts).
  const pool = poolOf(database);

  /** Our claim, the answer already given to this request, or busy while its first run goes on; 422 for another request. */
  async function claim(keyId: string, key: string, requestHash: string): Promise<{ claimedAt: Date } | { answer: Held } | { busy: true }> {
    const giveUpAt = Date.now() + times.waitMs;
    for (;;) {
      const claimed = await pool.query<{ claimedAt: Date }>(CLAIM, [keyId, key, requestHash, times.staleMs / 1000]);
      if (claimed.rows[0]) return claimed.rows[0];
      // No row: released meanwhile (the first request was refused), so claim it again at once.
      const [held] = (await pool.query<Held>(HELD, [keyId, key])).rows;
      if (held && held.requestHash !== requestHash) {
        throw new HttpProblem(422, 'Idempotency-Key reused', 'this Idempotency-Key was used for a different request');
      }
      if (held && held.status !== null) return { answer: held };
      if (Date.now() >= giveUpAt) return { busy: true };
      if (held) await sleep(times.pollMs);
    }
  }

  /** Stores a success before it is sent, so a retry that follows the answer finds it; releases the claim otherwise. */
  function settleOnAnswer(response: Response, keyId: string, key: string, requestHash: string, claimedAt: Date) {
    const json = response.json.bind(response);
    response.json = (body: unknown) => {
      const succeeded = response.statusCode >= 200 && response.statusCode < 300;
      const settled = succeeded
        ? pool.query(COMPLETE, [keyId, key, requestHash, response.statusCode, JSON.stringify(body)])
        : pool.query(RELEASE, [keyId, key, claimedAt]);
      settled
        .catch((error: unknown) =>
          // The claim stays pending: a retry waits, then takes it over once stale, with the same update id.
          logger.warn({ err: error, requestId: response.locals.requestId, succeeded }, 'idempotent request not settled; a retry takes over its claim once stale'),
        )
        .finally(() => json(body));
      return response;
    };
  }

  return async (request, response, next) => {
    const header = request.get('Idempotency-Key');
    if (request.method !== 'POST' || header === undefined) return next();
    const key = parseInput(keySchema, header, 'header');
    const { keyId } = callerOf(response.locals);
    const requestHash = requestHashOf(request.method, request.originalUrl, request.body);
    const claimed = await claim(keyId, key, requestHash);
    if ('busy' in claimed) {
      response.set('Retry-After', '2');
      throw new HttpProblem(409, 'Request in progress', 'the first request with this Idempotency-Key is still running; retry in a few seconds to get its answer');
    }
    if ('answer' in claimed) {
      response.set('Idempotent-Replayed', 'true');
      response.status(claimed.answer.status!).json(claimed.answer.body);
      return;
    }
    response.locals[UPDATE_ID_LOCAL] = updateIdOf(keyId, key, requestHash);
    settleOnAnswer(response, keyId, key, requestHash, claimed.claimedAt);
    next();
  };
}
