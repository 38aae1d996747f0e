// A read after a write sees the write: the workflow stores an event's projection (its event row and
// every change it made, in one transaction) right after it answers the Update, so the API answers
// once that row is there. Bounded: after `timeoutMs` it answers anyway; the write still lands.
import { setTimeout as sleep } from 'node:timers/promises';
import { poolOf, type Database } from '../platform/database';
import { logger } from '../platform/logger';

const POLL_MS = 10;

export function projectionWait(database: Database, { timeoutMs = 5_000 }: { timeoutMs?: number } = {}) {
  const pool = poolOf(database);
  async function until(sql: string, id: string): Promise<boolean> {
    for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(POLL_MS)) {
      const { rowCount } = await pool.query(sql, [id]);
      if (rowCount) return true;
    }
    logger.warn({ id, timeoutMs }, 'projection not stored in time; answering without it');
    return false;
  }
  return {
    /** The event with this id (the Update id) and everything it changed are stored. */
    event: (eventId: string) => until('SELECT 1 FROM insats_event WHERE id = $1', eventId),
    /** The insats row and its first deadlines are stored. */
    insats: (insatsId: string) => until('SELECT 1 FROM insats WHERE id = $1', insatsId),
  };
}
