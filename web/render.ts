// Pages from Handlebars templates (web/templates), each inside the one layout. Handlebars escapes
// every value it prints; the only unescaped output is a page's own rendered body in the layout.
// Charts are templates too (partials/bar-chart.hbs): SVG whose every text is escaped the same way.
// Strict: a view missing a field the template names is an error, not a blank.
import { readFileSync } from 'node:fs';
import type { Response } from 'express';
import Handlebars from 'handlebars';
import type { Caller } from '../api/caller';
import { roleLabel } from './labels';
import { mayOpen } from './page-roles';

const handlebars = Handlebars.create();
const source = (name: string) => readFileSync(new URL(`./templates/${name}.hbs`, import.meta.url), 'utf8');
const compile = (name: string) => handlebars.compile(source(name), { strict: true });

for (const partial of ['fields', 'form-errors', 'bar-chart']) handlebars.registerPartial(partial, source(`partials/${partial}`));

const PAGES = {
  'sign-in': compile('sign-in'),
  'att-gora': compile('att-gora'),
  insats: compile('insats'),
  aktualisera: compile('aktualisera'),
  utbetalning: compile('utbetalning'),
  'utbetalning-bekrafta': compile('utbetalning-bekrafta'),
  'utbetalning-korning': compile('utbetalning-korning'),
  'utbetalning-underlag': compile('utbetalning-underlag'),
  uppfoljning: compile('uppfoljning'),
  message: compile('message'),
};
export type PageName = keyof typeof PAGES;
const layout = compile('layout');

/** Where in the main menu a page is. */
export type MenuItem = 'att-gora' | 'aktualisera' | 'utbetalning' | 'uppfoljning';

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
        mayAktualisera: mayOpen('aktualisera', session.caller.role),
        mayUtbetalning: mayOpen('utbetalning', session.caller.role),
        mayUppfoljning: mayOpen('uppfoljning', session.caller.role),
        attGora: current === 'att-gora',
        aktualisera: current === 'aktualisera',
        utbetalning: current === 'utbetalning',
        uppfoljning: current === 'uppfoljning',
      }
    : null;
  response.status(status).type('html').send(layout({ title: `${title} – Kundval insatser`, signedIn, body: new handlebars.SafeString(body) }));
}
