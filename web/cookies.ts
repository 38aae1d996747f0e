// The two cookies the pages set, read and written by hand: both HttpOnly, Path=/, SameSite, and
// Secure whenever the request came over TLS. No cookie library: express 5 parses none.
import type { Request, Response } from 'express';

/** The sign-in form's nonce (web/csrf.ts): Strict, so no other site's form ever carries it. */
export const SIGN_IN_COOKIE = 'kv_inloggning';
/** The session's token (web/session-store.ts): Lax, so a link from an e-mail opens the page signed in. */
export const SESSION_COOKIE = 'kv_session';

export function readCookie(request: Request, name: string): string | undefined {
  for (const pair of (request.get('Cookie') ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function setCookie(request: Request, response: Response, name: string, value: string, { maxAgeMs, sameSite }: { maxAgeMs: number; sameSite: 'Strict' | 'Lax' }): void {
  const attributes = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', `SameSite=${sameSite}`, `Max-Age=${Math.floor(maxAgeMs / 1000)}`];
  if (request.secure) attributes.push('Secure');
  response.append('Set-Cookie', attributes.join('; '));
}

export function clearCookie(request: Request, response: Response, name: string): void {
  setCookie(request, response, name, '', { maxAgeMs: 0, sameSite: 'Lax' });
}
