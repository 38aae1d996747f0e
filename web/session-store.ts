// Server-stored sessions (table web_session). The browser holds a random 256-bit token; only its
// SHA-256 is stored, so the table alone signs no one in. A session ends after SESSION_IDLE_MS
// without a request, SESSION_LIFETIME_MS after sign-in whatever happens, at sign-out, and as soon
// as its identity may no longer act: every request asks the identity (a revoked key signs out).
import { createHash, randomBytes } from 'node:crypto';
import type { Caller } from '../api/caller';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/database';
import type { Identity } from './identity';

const HOUR = 60 * 60_000;
export const SESSION_IDLE_MS = 8 * HOUR;
export const SESSION_LIFETIME_MS = 12 * HOUR;
/** A session's last request is written at most this often: not one write per page. */
const TOUCH_EVERY_MS = 60_000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ResumedSession {
  caller: Caller;
  /** The cookie's token: the secret the session's CSRF token is made from (web/csrf.ts). */
  token: string;
}

export function sessionStore({ database, identity, clock }: { database: Database; identity: Identity; clock: Clock }) {
  return {
    /** A new session for `caller`; its token, for the cookie. Ended sessions are deleted on the way. */
    async start(caller: Caller): Promise<string> {
      const now = clock.now();
      await database.webSession.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_MS) } }] } });
      const token = randomBytes(32).toString('base64url');
      await database.webSession.create({
        data: { tokenHash: hash(token), subject: identity.subjectOf(caller), createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) },
      });
      return token;
    },

    /** The session of `token` when it is live and its identity may still act; otherwise it is ended. */
    async resume(token: string | undefined): Promise<ResumedSession | undefined> {
      if (!token) return undefined;
      const session = await database.webSession.findUnique({ where: { tokenHash: hash(token) } });
      if (!session) return undefined;
      const now = clock.now();
      const live = session.expiresAt > now && now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MS;
      const caller = live ? await identity.current(session.subject) : undefined;
      if (!caller) {
        await database.webSession.deleteMany({ where: { id: session.id } });
        return undefined;
      }
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await database.webSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
      }
      return { caller, token };
    },

    async end(token: string | undefined): Promise<void> {
      if (token) await database.webSession.deleteMany({ where: { tokenHash: hash(token) } });
    },
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;
