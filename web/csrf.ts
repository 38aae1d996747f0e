// CSRF tokens: every form carries one, and a POST without the right one is refused with 403
// before anything changes. The token is an HMAC of a secret the browser holds only in an
// HttpOnly cookie: the session token once signed in, the sign-in nonce before. Another site can
// neither read the cookie nor compute the token, and the server stores nothing more.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_FIELD = '_csrf';

export type CsrfPurpose = 'logga-in' | 'session';

export const newSecret = () => randomBytes(32).toString('base64url');

export function csrfToken(secret: string, purpose: CsrfPurpose): string {
  return createHmac('sha256', secret).update(`csrf:${purpose}`).digest('base64url');
}

export function validCsrfToken(secret: string | undefined, purpose: CsrfPurpose, submitted: unknown): boolean {
  if (!secret || typeof submitted !== 'string') return false;
  const expected = Buffer.from(csrfToken(secret, purpose));
  const given = Buffer.from(submitted);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
