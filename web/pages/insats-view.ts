// What the Insatsen page shows of one insats: its facts and phase, open and pending deadlines, the
// latest events, a page of the timeline and the event forms of the caller's role, all from the
// PostgreSQL projection (api/insats-queries.ts) and the event schemas.
import { ruleTitle, whatToDo } from '../../activities/notification-text';
import type { Caller } from '../../api/caller';
import { readInsats, timelinePage } from '../../api/insats-queries';
import { TIMELINE_PAGE } from '../../api/schemas';
import { daysBetween, type LocalDate } from '../../domain';
import type { Database } from '../../platform/database';
import type { Insats as InsatsRow } from '../../prisma/generated/client';
import { eventFormsFor } from '../event-forms';
import { fieldViews } from '../forms/field-views';
import { noErrors, type FormErrors } from '../forms/field-errors';
import type { FormBody } from '../forms/form-values';
import { eventLabel, partyLabel, phaseLabel, roleLabel, timelineLabel } from '../labels';
import { daysLate, localTime } from './dates';

/** A form posted back with what was wrong with it. */
export interface PostedForm {
  type: string;
  body: FormBody;
  errors: FormErrors;
}

const hrefOf = (insatsId: string) => `/insatser/${encodeURIComponent(insatsId)}`;

function timelineRow(entry: Record<string, unknown>) {
  const text = (key: string) => (typeof entry[key] === 'string' ? (entry[key] as string) : '');
  const amount = typeof entry.amount === 'number' ? `${entry.amount} kr` : entry.amount === null ? 'belopp inte inställt' : '';
  return {
    at: localTime(text('at')),
    what: timelineLabel(text('kind')),
    rule: text('rule') ? ruleTitle(text('rule'), text('month')) : text('event') ? eventLabel(text('event')) : '',
    due: text('due'),
    to: Array.isArray(entry.to) ? (entry.to as string[]).map(partyLabel).join(', ') : '',
    detail: [text('month') && !text('rule') ? text('month') : '', amount, text('reason')].filter(Boolean).join(' · '),
  };
}

export async function insatsView(
  database: Database,
  row: InsatsRow,
  { caller, csrf, today, cursor, flash, posted }: { caller: Caller; csrf: string; today: LocalDate; cursor?: number; flash?: string; posted?: PostedForm },
) {
  const insats = await readInsats(database, row, { today, timelineLimit: TIMELINE_PAGE });
  const timeline = cursor === undefined ? { items: insats.timeline, nextCursor: insats.timelineNextCursor } : await timelinePage(database, row.id, { cursor, limit: TIMELINE_PAGE });
  const href = hrefOf(row.id);
  const forms = eventFormsFor(caller.role);
  // A post of a type the role has no form for (sent by hand) is answered above the forms.
  const stray = posted && !forms.some((form) => form.type === posted.type) ? [...posted.errors.general, ...Object.values(posted.errors.fields)] : [];
  return {
    insatsId: insats.insatsId,
    csrf,
    flash: flash ?? null,
    facts: [
      { term: 'Insatstyp', value: insats.insatstyp },
      { term: 'Regelverk', value: `Rutiner ${insats.rulebook}` },
      { term: 'Fas', value: phaseLabel(insats.phase) },
      { term: 'Beslutsdatum', value: insats.beslutsdatum },
      { term: 'Aktualiseringsdatum', value: insats.aktualiseringsdatum },
      { term: 'Anordnare', value: insats.anordnare },
      { term: 'Karriärvägledare', value: insats.kvl },
    ],
    openDeadlines: insats.openDeadlines.map((deadline) => ({
      title: ruleTitle(deadline.rule, deadline.occurrence),
      whatToDo: whatToDo(deadline.rule),
      due: deadline.due,
      late: deadline.overdue ? daysLate(daysBetween(deadline.due, today)) : '',
      owner: roleLabel(deadline.owner),
      section: deadline.section ?? '',
    })),
    pendingDeadlines: insats.pendingDeadlines.map((deadline) => ({
      title: ruleTitle(deadline.rule, deadline.occurrence),
      opens: deadline.openedOn ?? '',
      due: deadline.due,
      owner: roleLabel(deadline.owner),
      section: deadline.section ?? '',
    })),
    events: insats.lastEvents.map((event) => ({ what: eventLabel(event.type), at: localTime(event.occurredAt) })).reverse(),
    strayErrors: stray,
    forms: forms.map((form) => {
      const formId = `handelse-${form.type}`;
      const mine = posted?.type === form.type ? posted : undefined;
      const errors = mine?.errors ?? noErrors();
      return {
        type: form.type,
        id: formId,
        label: eventLabel(form.type),
        action: `${href}/handelser#${formId}`,
        open: mine !== undefined,
        errors: errors.general,
        decidedByOthers: form.decidedByOthers,
        fields: fieldViews(form.fields, { formId, posted: mine?.body, errors: errors.fields }),
      };
    }),
    timeline: timeline.items.map(timelineRow),
    firstPage: cursor !== undefined ? `${href}#tidslinje` : null,
    nextPage: timeline.nextCursor ? `${href}?tidslinje=${timeline.nextCursor}#tidslinje` : null,
  };
}
