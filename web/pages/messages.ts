// Pages that only say something: not found, not allowed, failed. The same 404 for an insats that
// does not exist and one the caller may not see, as the API answers (README, what a caller cannot learn).
import type { Response } from 'express';
import { renderPage, type Chrome } from '../render';

interface Message {
  heading: string;
  paragraphs: string[];
  link?: { href: string; text: string };
}

function renderMessage(response: Response, status: number, { heading, paragraphs, link }: Message, session?: Chrome['session']): void {
  renderPage(response, 'message', { heading, paragraphs, link: link ?? null }, { title: heading, ...(session ? { session } : {}) }, status);
}

export function renderNotFound(response: Response, session?: Chrome['session']): void {
  renderMessage(response, 404, {
    heading: 'Sidan finns inte',
    paragraphs: ['Det finns ingen sida eller insats med den adressen som du kan se. Kontrollera adressen.'],
    link: { href: '/att-gora', text: 'Till Att göra' },
  }, session);
}

/** A POST without a valid CSRF token or session: refused before anything changed. */
export function renderStaleForm(response: Response): void {
  renderMessage(response, 403, {
    heading: 'Formuläret gick inte att skicka',
    paragraphs: ['Inget har ändrats. Formuläret har gått ut eller kom inte från den här tjänsten.', 'Gå tillbaka, ladda om sidan och försök igen.'],
    link: { href: '/', text: 'Till startsidan' },
  });
}

export function renderFailure(response: Response, session?: Chrome['session']): void {
  renderMessage(response, 500, {
    heading: 'Något gick fel',
    paragraphs: ['Tjänsten kunde inte visa sidan just nu. Felet är loggat. Försök igen om en stund.'],
  }, session);
}
