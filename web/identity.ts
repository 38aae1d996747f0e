// Who signs in to the pages. They know a person only through this interface: the sign-in form
// hands its credentials to `authenticate`, and every later request asks `current` whether the
// person behind the session may still act. API keys are the identity today; a municipality's own
// provider (OIDC, SAML through a broker) replaces this file (README, "Signing in").
import { callerForKeyId, callerForToken } from '../api/api-keys';
import type { Caller } from '../api/caller';
import type { Database } from '../platform/database';

export interface SignInCredentials {
  apiKey: string;
}

export interface Identity {
  /** The caller the credentials name, or undefined when they name nobody who may sign in. */
  authenticate(credentials: SignInCredentials): Promise<Caller | undefined>;
  /** The caller behind a session's subject now, or undefined once it may no longer act (a revoked key). */
  current(subject: string): Promise<Caller | undefined>;
  /** The subject a session stores for `caller`: never a secret. */
  subjectOf(caller: Caller): string;
}

const TOKEN = /^[A-Za-z0-9_-]{10,200}$/;
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sign-in with an API key (`npm run apikey -- create`); the session holds the key's id, not its token. */
export function apiKeyIdentity(database: Database): Identity {
  return {
    authenticate: async ({ apiKey }) => (TOKEN.test(apiKey) ? callerForToken(database, apiKey) : undefined),
    current: async (subject) => (KEY_ID.test(subject) ? callerForKeyId(database, subject) : undefined),
    subjectOf: (caller) => caller.keyId,
  };
}
