// Which insats each event of a scenario goes to: one insats (`insats:`) or several (`insatser:`),
// each started by its own aktualiserad event. Checked once the fields themselves are valid, so a
// scenario whose events are fine one by one still fails, naming the path, when they do not fit.

interface Written {
  insats?: { id: string } | undefined;
  insatser?: { id: string }[] | undefined;
  events: { type: string; insats?: string | undefined }[];
}

export interface InsatserIssue {
  path: (string | number)[];
  message: string;
}

export function insatserIssues(scenario: Written): InsatserIssue[] {
  if (scenario.insats && scenario.insatser) return [{ path: ['insatser'], message: 'give insats (one) or insatser (several), not both' }];
  if (scenario.insats) return oneInsats(scenario.insats.id, scenario.events);
  if (scenario.insatser) return severalInsatser(scenario.insatser.map(({ id }) => id), scenario.events);
  return [{ path: ['insats'], message: 'give insats (one) or insatser (several)' }];
}

/** The single form as before: every event goes to the insats, and the first starts it. */
function oneInsats(id: string, events: Written['events']): InsatserIssue[] {
  const issues: InsatserIssue[] = [];
  if (events[0]?.type !== 'aktualiserad') issues.push({ path: ['events'], message: 'the first event is aktualiserad' });
  events.forEach((event, index) => {
    if (event.insats !== undefined && event.insats !== id) issues.push({ path: ['events', index, 'insats'], message: `names no insats of the scenario: ${event.insats} (insats: ${id})` });
  });
  return issues;
}

function severalInsatser(ids: string[], events: Written['events']): InsatserIssue[] {
  const issues: InsatserIssue[] = [];
  const known = ids.join(', ');
  const withAktualiserad = new Set(events.flatMap((event) => (event.type === 'aktualiserad' && event.insats !== undefined ? [event.insats] : [])));
  ids.forEach((id, index) => {
    const first = ids.indexOf(id);
    if (first !== index) issues.push({ path: ['insatser', index, 'id'], message: `${id} is already the id of insatser.${first}` });
    else if (!withAktualiserad.has(id)) issues.push({ path: ['insatser', index], message: `insats ${id} has no aktualiserad event ({ type: aktualiserad, insats: ${id} })` });
  });
  const started = new Set<string>();
  events.forEach((event, index) => {
    const id = event.insats;
    // With several insatser there is none an event could go to by default.
    if (id === undefined) issues.push({ path: ['events', index, 'insats'], message: `required with several insatser: one of ${known}` });
    else if (!ids.includes(id)) issues.push({ path: ['events', index, 'insats'], message: `names no insats of the scenario: ${id} (insatser: ${known})` });
    // Its first event starts it; an insats with no aktualiserad at all is named above, once.
    else if (!started.has(id) && withAktualiserad.has(id)) {
      if (event.type === 'aktualiserad') started.add(id);
      else issues.push({ path: ['events', index], message: `comes before the aktualiserad of insats ${id}, which starts it` });
    }
  });
  return issues;
}
