// POST /api/insatser/import: running insatser brought in at go-live or registered late, each line
// an aktualisering with its progress. One result per line, in order (api/import-insatser.ts).
import { Router } from 'express';
import { z } from 'zod';
import type { InsatsClient } from '../client/insats-client';
import type { Settings } from '../domain';
import type { Clock } from '../platform/clock';
import { callerOf } from './auth';
import { importScopeOf } from './caller';
import { IMPORT_MAX_LINES, importInsatser, summaryOf } from './import-insatser';
import { HttpProblem, parseInput } from './problem';

/** Each line is parsed on its own, so a malformed line is refused and the others still run. */
export const importRequestSchema = z.object({ insatser: z.array(z.unknown()).min(1, 'must hold at least one aktualisering') }).strict();

export function importRoutes({ insatser, clock, settings }: { insatser: InsatsClient; clock: Clock; settings: Settings }) {
  const router = Router();

  router.post('/', async (request, response) => {
    const scope = importScopeOf(callerOf(response.locals));
    if (!scope) throw new HttpProblem(403, 'Forbidden', 'only a kvl (for its own insatser) or the operator imports insatser');
    const body = parseInput(importRequestSchema, request.body, 'body');
    if (body.insatser.length > IMPORT_MAX_LINES) {
      throw new HttpProblem(413, 'Too many insatser', `at most ${IMPORT_MAX_LINES} insatser a request, got ${body.insatser.length}; send the rest in another request`);
    }
    const lines = body.insatser.map((value, index) => ({ line: index + 1, value }));
    const results = await importInsatser(lines, { insatser, clock, settings, ...scope });
    response.json({ results, summary: summaryOf(results) });
  });

  return router;
}
