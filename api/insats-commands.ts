// The two writes a caller makes to insatser, with every check the API makes before Temporal is
// called: the JSON routes (api/insatser-routes.ts) and the web pages (web/) share them, so a page
// can record nothing the API would refuse, and nothing it would accept is refused there.
import { randomUUID } from 'node:crypto';
import { InsatsAlreadyExistsError, type InsatsClient } from '../client/insats-client';
import { maySee, type Aktualisering, type InsatsEvent, type Settings } from '../domain';
import type { Clock } from '../platform/clock';
import { poolOf, type Database } from '../platform/database';
import { aktualisera } from './aktualisera';
import { eventRefusal, mayAktualisera, partyOf, type Caller } from './caller';
import { projectionWait } from './projection-wait';
import { HttpProblem } from './problem';

export const insatsNotFound = (id: string) => new HttpProblem(404, 'Not found', `insats ${id} does not exist`);
// One answer for every taken id, the caller's own, another kvl's or an ended insats's: it does not
// say that an insats exists, nor whose it is (README, Retries, taken ids and what a caller cannot learn).
const idNotAvailable = (id: string) => new HttpProblem(409, 'Id not available', `insats id ${id} cannot be used: choose another id`);

export interface InsatsCommandDependencies {
  insatser: InsatsClient;
  database: Database;
  clock: Clock;
  settings: Settings;
}

export function insatsCommands({ insatser, database, clock, settings }: InsatsCommandDependencies) {
  const stored = projectionWait(database);
  // Straight on the pool: these run on every event and aktualisering (platform/database.ts).
  const pool = poolOf(database);
  const idTaken = async (id: string) => ((await pool.query('SELECT 1 FROM insats WHERE id = $1', [id])).rowCount ?? 0) > 0;
  async function maySeeInsats(id: string, caller: Caller): Promise<boolean> {
    const [row] = (await pool.query<{ anordnare: string; kvl: string }>('SELECT anordnare_id AS anordnare, kvl_id AS kvl FROM insats WHERE id = $1', [id])).rows;
    return row !== undefined && maySee(caller, row);
  }

  return {
    /**
     * Starts the insats once its row is stored. Throws HttpProblem 403 (not a kvl, or another
     * kvl's), 409 (the id is taken) or 422 (the rules refuse it, api/aktualisera.ts).
     */
    async aktualisera(caller: Caller, aktualisering: Aktualisering) {
      if (!mayAktualisera(caller, aktualisering.kvl)) {
        throw new HttpProblem(403, 'Forbidden', caller.role === 'kvl' ? `this key acts for kvl ${caller.kvl}` : 'only a kvl aktualiserar an insats');
      }
      // Decided on the projection before Temporal, so the answer takes the same path whoever owns the
      // id; Temporal's own refusal covers an insats whose row is not stored yet.
      if (await idTaken(aktualisering.id)) throw idNotAvailable(aktualisering.id);
      const started = await aktualisera(aktualisering, { insatser, clock, settings }).catch((error: unknown) => {
        throw error instanceof InsatsAlreadyExistsError ? idNotAvailable(aktualisering.id) : error;
      });
      await stored.insats(started.id);
      return started;
    },

    /**
     * Records an event already parsed with insatsEventSchema, once its projection is stored. Throws
     * HttpProblem 404 (an insats the caller may not see, before any 403) or 403 (the role does not
     * record it or take a decision in it); the facade's EventRejectedError when the insats refuses it.
     */
    async recordEvent(caller: Caller, insatsId: string, event: InsatsEvent, { requestId, updateId = randomUUID() }: { requestId: string; updateId?: string }) {
      // Decided on the projection, before Temporal: an insats the caller may not see is refused as a
      // missing one is, on the same path and in the same time. 404 before 403, for the same reason.
      if (!(await maySeeInsats(insatsId, caller))) throw insatsNotFound(insatsId);
      const refusal = eventRefusal(caller, event);
      if (refusal) throw new HttpProblem(403, 'Forbidden', refusal);
      const outcome = await insatser.applyEvent(insatsId, { event, requestId, sender: partyOf(caller) }, { updateId });
      await stored.event(outcome.eventId);
      return outcome;
    },
  };
}

export type InsatsCommands = ReturnType<typeof insatsCommands>;
