// Att göra (`/att-gora`): the signed-in person's open items from every insats they may see, their
// own first, grouped by when they are due, with filters in the query string (a GET form, so a
// filtered list can be bookmarked) and the counts in the page title.
import { Router, type RequestHandler } from 'express';
import { ruleTitle, whatToDo } from '../../activities/notification-text';
import { localDateOf } from '../../domain';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/database';
import { arrange, ATT_GORA_GROUPS, GROUP_TITLES, type ArrangedItem, type Grouped, type OpenItem } from '../att-gora-list';
import { roleLabel } from '../labels';
import { openItemsOf } from '../open-items';
import { renderPage } from '../render';
import { pageSessionOf, requireSession } from '../session';
import { daysLate, longDate } from './dates';

/** The filters, by their query parameter; `roles` are the callers who get the filter. */
const FILTERS = [
  { name: 'insatstyp', label: 'Insatstyp', of: (item: OpenItem) => item.insatstyp, text: (value: string) => value, roles: null },
  { name: 'regel', label: 'Deadline', of: (item: OpenItem) => item.rule, text: (value: string) => ruleTitle(value, '1'), roles: null },
  { name: 'anordnare', label: 'Anordnare', of: (item: OpenItem) => item.anordnare, text: (value: string) => value, roles: ['kvl', 'arbetsledare', 'operator'] },
  { name: 'kvl', label: 'Karriärvägledare', of: (item: OpenItem) => item.kvl, text: (value: string) => value, roles: ['anordnare', 'arbetsledare', 'operator'] },
] as const;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function rowOf(item: ArrangedItem) {
  return {
    insatsId: item.insatsId,
    href: `/insatser/${encodeURIComponent(item.insatsId)}`,
    insatstyp: item.insatstyp,
    title: ruleTitle(item.rule, item.occurrence),
    whatToDo: whatToDo(item.rule),
    section: item.section ?? '',
    due: item.due,
    when: item.daysLate !== null ? daysLate(item.daysLate) : item.group === 'idag' ? 'i dag' : '',
    late: item.daysLate !== null,
    owner: roleLabel(item.owner),
  };
}

function sectionOf(id: string, heading: string, groups: Grouped, showOwner: boolean) {
  return {
    id,
    heading,
    showOwner,
    count: ATT_GORA_GROUPS.reduce((sum, group) => sum + groups[group].length, 0),
    groups: ATT_GORA_GROUPS.map((group) => ({ id: `${id}-${group}`, title: GROUP_TITLES[group], rows: groups[group].map(rowOf) })),
  };
}

function titleOf(own: Grouped): string {
  const counts = [
    plural(own.forsenat.length, 'försenad', 'försenade'),
    `${own.idag.length} i dag`,
    `${own['denna-vecka'].length} denna vecka`,
    `${own.senare.length} senare`,
  ];
  return `Att göra: ${counts.join(', ')}`;
}

export function attGoraPage({ page, database, clock }: { page: RequestHandler[]; database: Database; clock: Clock }) {
  const router = Router();
  router.get('/att-gora', ...page, requireSession, async (request, response) => {
    const session = pageSessionOf(response);
    const { caller } = session;
    const today = localDateOf(clock.now());
    const { items, cut } = await openItemsOf(database, caller);
    const filters = FILTERS.filter((filter) => filter.roles === null || (filter.roles as readonly string[]).includes(caller.role));
    const chosen = Object.fromEntries(filters.map((filter) => [filter.name, typeof request.query[filter.name] === 'string' ? (request.query[filter.name] as string) : '']));
    const shown = items.filter((item) => filters.every((filter) => !chosen[filter.name] || filter.of(item) === chosen[filter.name]));
    const { own, others } = arrange(shown, caller.role, today);
    const view = {
      today: longDate(today),
      role: roleLabel(caller.role).toLowerCase(),
      cut,
      filtered: filters.some((filter) => chosen[filter.name]),
      filters: filters.map((filter) => {
        const values = [...new Set([...items.map(filter.of), ...(chosen[filter.name] ? [chosen[filter.name]!] : [])])].sort();
        return {
          id: `filter-${filter.name}`,
          name: filter.name,
          label: filter.label,
          options: [{ value: '', label: 'Alla', selected: !chosen[filter.name] }, ...values.map((value) => ({ value, label: filter.text(value), selected: value === chosen[filter.name] }))],
        };
      }),
      sections: [sectionOf('ditt', 'Ditt att göra', own, false), sectionOf('andras', 'Andras deadlines i insatser du ser', others, true)],
    };
    renderPage(response, 'att-gora', view, { title: titleOf(own), session, current: 'att-gora' });
  });
  return router;
}
