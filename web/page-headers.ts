// The headers of every page: a content security policy that allows the pages' own stylesheet and
// forms and nothing else (no script at all, no frames, no other origin), and no caching of pages
// that show insatser. Set over helmet's defaults, which suit the API.
import type { RequestHandler } from 'express';

export const PAGE_CSP = ["default-src 'none'", "style-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"].join('; ');

export const pageHeaders: RequestHandler = (_request, response, next) => {
  response.set('Content-Security-Policy', PAGE_CSP);
  response.set('Cache-Control', 'no-store');
  next();
};
