// One error shape for every answer that is not a success: RFC 9457 problem+json.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { status } from '@grpc/grpc-js';
import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import { ZodError, type ZodType } from 'zod';
import { EventRejectedError, InsatsAlreadyExistsError, InsatsNotFoundError } from '../client/insats-client';
import { logger } from '../platform/logger';

export interface InvalidParam {
  path: string;
  reason: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(detail);
  }
}

function invalidInput(error: ZodError, where: 'body' | 'path' | 'query' | 'header' = 'body'): HttpProblem {
  const invalidParams = error.issues.map((issue) => ({
    path: [where, ...issue.path].join('.'),
    reason: issue.message,
  }));
  return new HttpProblem(400, 'Invalid input', invalidParams.map((param) => `${param.path}: ${param.reason}`).join('; '), invalidParams);
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'P1001', 'P1002', 'P1017']);

/** Temporal or PostgreSQL cannot be reached: the request may succeed later. */
function isUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (isGrpcServiceError(current) && [status.UNAVAILABLE, status.DEADLINE_EXCEEDED].includes(current.code)) return true;
    if (current instanceof ServiceError && /unavailable|connect/i.test(current.message)) return true;
    const { code, kind, cause, meta } = current as { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (kind === 'DatabaseNotReachable' || kind === 'ConnectionClosed') return true;
    // Prisma wraps the driver adapter's error in `meta`.
    current = cause ?? meta?.driverAdapterError;
  }
  return false;
}

/** `value` parsed by `schema`, or a 400 naming every invalid field under `where`. */
export function parseInput<T>(schema: ZodType<T>, value: unknown, where: 'body' | 'path' | 'query' | 'header' = 'body'): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error, where);
  return result.data;
}

function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (isUnavailable(error)) return new HttpProblem(503, 'Service unavailable', 'Temporal or the database cannot be reached; try again shortly');
  if (error instanceof ZodError) return invalidInput(error);
  if (error instanceof EventRejectedError) {
    return error.reason === 'illegal'
      ? new HttpProblem(409, 'Event rejected', error.message)
      : new HttpProblem(400, 'Invalid event', error.message);
  }
  // The same answer as the create route's for any taken id (api/insatser-routes.ts): never whose it is.
  if (error instanceof InsatsAlreadyExistsError) return new HttpProblem(409, 'Id not available', 'this insats id cannot be used: choose another id');
  if (error instanceof InsatsNotFoundError) return new HttpProblem(404, 'Not found', error.message);
  const bodyParserError = error as { type?: string; status?: number; message?: string };
  if (bodyParserError.type === 'entity.parse.failed') return new HttpProblem(400, 'Malformed JSON', 'the request body is not valid JSON');
  if (bodyParserError.type === 'entity.too.large') return new HttpProblem(413, 'Body too large', 'the request body is too large');
  if (typeof bodyParserError.status === 'number' && bodyParserError.status >= 400 && bodyParserError.status < 500) {
    return new HttpProblem(bodyParserError.status, 'Bad request', bodyParserError.message ?? 'bad request');
  }
  return new HttpProblem(500, 'Internal error', 'the service failed to handle the request; it has been logged');
}

export const problemHandler: ErrorRequestHandler = (error, request, response, _next) => {
  const problem = toProblem(error);
  if (problem.status === 503) response.set('Retry-After', '30');
  if (problem.status === 503) logger.warn({ requestId: response.locals.requestId, reason: (error as Error).message?.split('\n').at(-1) }, 'backend unreachable');
  else if (problem.status >= 500) logger.error({ err: error, requestId: response.locals.requestId }, 'request failed');
  response
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: request.originalUrl,
      ...(problem.invalidParams.length > 0 ? { invalidParams: problem.invalidParams } : {}),
    });
};

export const notFoundHandler: RequestHandler = (request, _response, next) => {
  next(new HttpProblem(404, 'Not found', `no route for ${request.method} ${request.path}`));
};
