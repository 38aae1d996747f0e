// /api/calendar/<token>.ics: the caller's open deadlines as an iCalendar feed, one all-day
// VEVENT per deadline with a stable UID, for calendar apps that subscribe by URL (no headers).
import { Router } from 'express';
import ical from 'ical-generator';
import { dbDate, type Database } from '../platform/database';
import { callerForCalendarToken } from './api-keys';
import { HttpProblem, parseInput } from './problem';
import { listOpenDeadlines } from './queries';
import { calendarParamSchema } from './schemas';

export function calendarRoutes({ database }: { database: Database }) {
  const router = Router();
  router.get('/:file', async (request, response) => {
    const file = request.params.file ?? '';
    if (!file.endsWith('.ics')) throw new HttpProblem(404, 'Not found', 'no such calendar');
    const { token } = parseInput(calendarParamSchema, { token: file.slice(0, -4) }, 'path');
    const caller = await callerForCalendarToken(database, token);
    if (!caller) throw new HttpProblem(404, 'Not found', 'no such calendar');
    const calendar = ical({ name: 'Kundval insatser: deadlines', prodId: { company: 'Nacka kommun', product: 'kundval-insatser' } });
    for (const deadline of await listOpenDeadlines(database, caller, { limit: 500 })) {
      calendar.createEvent({
        id: `${deadline.insatsId}.${deadline.rule}.${deadline.occurrence}@kundval.nacka`,
        start: dbDate(deadline.due),
        allDay: true,
        summary: `${deadline.rule}: insats ${deadline.insatsId}${deadline.overdue ? ' (försenad)' : ''}`,
        description: `Deadline ${deadline.rule} för insats ${deadline.insatsId} (${deadline.insatstyp}), ansvarig ${deadline.owner}, senast ${deadline.due}.`,
      });
    }
    response.type('text/calendar; charset=utf-8').send(calendar.toString());
  });
  return router;
}
