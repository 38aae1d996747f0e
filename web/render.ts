// Pages from Handlebars templates (web/templates), each inside the one layout. Handlebars escapes
// every value it prints; the only unescaped output is a page's own rendered body in the layout.
// Strict: a view missing a field the template names is an error, not a blank.
import { readFileSync } from 'node:fs';
import type { Response } from 'express';
import Handlebars from 'handlebars';
import type { Caller } from '../api/caller';
import { roleLabel } from './labels';

const handlebars = Handlebars.create();
const source = (name: string) => readFileSync(new URL(`./templates/${name}.hbs`, import.meta.url), 'utf8');
const compile = (name: string) => handlebars.compile(source(name), { strict: true });

for (const partial of ['fields', 'form-errors']) handlebars.registerPartial(partial, source(`partials/${partial}`));

const PAGES = {
  'sign-in': compile('sign-in'),
  'att-gora': compile('att-gora'),
  insats: compile('insats'),
  aktualisera: compile('aktualisera'),
  message: compile('message'),
};
export type PageName = keyof typeof PAGES;
const layout = compile('layout');

/** Where in the main menu a page is. */
export type MenuItem = 'att-gora' | 'aktualisera';

export interface Chrome {
  title: string;
  /** The signed-in caller and the CSRF token of the sign-out form; absent on the sign-in page. */
  session?: { caller: Caller; csrf: string };
  current?: MenuItem;
}

export function callerLabel(caller: Caller): string {
  return [roleLabel(caller.role), caller.anordnare ?? caller.kvl].filter(Boolean).join(' ');
}

export function renderPage(response: Response, page: PageName, view: object, { title, session, current }: Chrome, status = 200): void {
  const body = PAGES[page](view);
  const signedIn = session
    ? {
        label: callerLabel(session.caller),
        csrf: session.csrf,
        mayAktualisera: session.caller.role === 'kvl',
        attGora: current === 'att-gora',
        aktualisera: current === 'aktualisera',
      }
    : null;
  response.status(status).type('html').send(layout({ title: `${title} – Kundval insatser`, signedIn, body: new handlebars.SafeString(body) }));
}
