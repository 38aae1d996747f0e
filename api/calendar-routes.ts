// /api/calendar/<token>.ics: the caller's open deadlines as an iCalendar feed, one all-day
// VEVENT per deadline with a stable UID, for calendar apps that subscribe by URL (no headers).
// A deadline already passed sits on today, saying how late it is: on its old date a month view
// of today would show none of the late work.
import { Router } from 'express';
import ical from 'ical-generator';
import { ruleTitle, whatToDo } from '../activities/notification-text';
import { daysBetween, localDateOf } from '../domain';
import type { Clock } from '../platform/clock';
import { dbDate, type Database } from '../platform/database';
import { callerForCalendarToken } from './api-keys';
import { HttpProblem, parseInput } from './problem';
import { listOpenDeadlines } from './queries';
import { calendarParamSchema } from './schemas';

export function calendarRoutes({ database, clock }: { database: Database; clock: Clock }) {
  const router = Router();
  router.get('/:file', async (request, response) => {
    const file = request.params.file ?? '';
    if (!file.endsWith('.ics')) throw new HttpProblem(404, 'Not found', 'no such calendar');
    const { token } = parseInput(calendarParamSchema, { token: file.slice(0, -4) }, 'path');
    const caller = await callerForCalendarToken(database, token);
    if (!caller) throw new HttpProblem(404, 'Not found', 'no such calendar');
    const calendar = ical({ name: 'Kundval insatser: deadlines', prodId: { company: 'Nacka kommun', product: 'kundval-insatser' } });
    const today = localDateOf(clock.now());
    for (const deadline of await listOpenDeadlines(database, caller, { limit: 500 })) {
      const daysLate = daysBetween(deadline.due, today);
      const late = deadline.overdue && daysLate > 0;
      calendar.createEvent({
        id: `${deadline.insatsId}.${deadline.rule}.${deadline.occurrence}@kundval.nacka`,
        start: dbDate(late ? today : deadline.due),
        allDay: true,
        summary: `${late ? `Försenad ${daysLate} ${daysLate === 1 ? 'dag' : 'dagar'}: ` : ''}${ruleTitle(deadline.rule, deadline.occurrence)}, insats ${deadline.insatsId}`,
        description: `${whatToDo(deadline.rule)} Insats ${deadline.insatsId} (${deadline.insatstyp}), ansvarig ${deadline.owner}, senast ${deadline.due}.`,
      });
    }
    response.type('text/calendar; charset=utf-8').send(calendar.toString());
  });
  return router;
}
