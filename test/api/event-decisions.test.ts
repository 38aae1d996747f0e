// Decisions inside events, over real HTTP (domain/event-actors.ts FIELD_DECISIONS): an anordnare
// records a trepart but may not waive the revised plan after it, which is the kvl's decision
// (2023 §6.5). Its attempt answers 403 with the reason and records nothing; the kvl's is accepted.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { startHarness, type Harness } from './harness';

let api: Harness;
const anordnare = uniqueInsatsId('decisions-a');
const insatsId = uniqueInsatsId('decisions');

beforeAll(async () => {
  // A 2023 insats (JPG), where a trepart with the kvl asks for a revised plan within 14 days.
  api = await startHarness(
    inject('databaseUrl'),
    { kvl: { role: 'kvl', kvl: 'k1' }, anordnare: { role: 'anordnare', anordnare }, arbetsledare: { role: 'arbetsledare' } },
    '2023-10-02T10:00',
  );
  const body = { id: insatsId, insatstyp: 'JPG', beslutsdatum: '2023-10-02', anordnare, kvl: 'k1', kundId: `kund-${insatsId}`, kund: { alder: 30, ekonomisktBistand: true } };
  expect((await api.request('POST', '/api/insatser', { as: 'kvl', body })).status).toBe(201);
  expect((await api.request('POST', `/api/insatser/${insatsId}/events`, { as: 'anordnare', body: { type: 'bemannad' } })).status).toBe(200);
  await eventually(async () => ((await api.database.deadline.count({ where: { insatsId, rule: 'trepart' } })) > 0 ? true : undefined));
});
afterAll(async () => {
  await api?.close();
});

/** Records a trepart as `as`: the status, and the detail of a refusal. */
async function trepart(as: string, revideradPlanKravs?: boolean) {
  const body = { type: 'trepart-hallet', ...(revideradPlanKravs === undefined ? {} : { revideradPlanKravs }) };
  const response = await api.request('POST', `/api/insatser/${insatsId}/events`, { as, body });
  const answer = (await response.json()) as { detail?: string };
  return { status: response.status, detail: answer.detail };
}

/** What the insats has recorded: its deadlines, its events and its timeline. */
async function recorded() {
  const [deadlines, events, timeline] = await Promise.all([
    api.database.deadline.findMany({ where: { insatsId }, select: { rule: true, occurrence: true, status: true, dueDate: true }, orderBy: [{ rule: 'asc' }, { occurrence: 'asc' }] }),
    api.database.insatsEvent.findMany({ where: { insatsId }, select: { type: true, payload: true }, orderBy: { occurredAt: 'asc' } }),
    api.database.timelineEntry.count({ where: { insatsId } }),
  ]);
  return { deadlines, events, timeline };
}

describe('trepart-hallet with revideradPlanKravs: false (2023 §6.5)', () => {
  it('from the anordnare: 403 with the reason, and nothing recorded', async () => {
    const before = await recorded();
    expect(await trepart('anordnare', false)).toEqual({
      status: 403,
      detail: 'trepart-hallet with revideradPlanKravs: false is a decision of the kvl or arbetsledare (2023 §6.5); the role anordnare does not take it',
    });
    expect(await recorded()).toEqual(before);
  });

  it('from the kvl: accepted, the trepart met and no revised plan asked for; the anordnare’s attempt left no trace', async () => {
    const before = await recorded();
    expect(await trepart('kvl', false)).toEqual({ status: 200, detail: undefined });
    const after = await recorded();
    expect(after.events.filter((event) => event.type === 'trepart-hallet')).toEqual([{ type: 'trepart-hallet', payload: { type: 'trepart-hallet', revideradPlanKravs: false } }]);
    expect(after.deadlines).not.toEqual(before.deadlines);
    expect(after.deadlines.filter((deadline) => deadline.rule === 'reviderad-plan')).toEqual([]);
    expect(after.timeline).toBeGreaterThan(before.timeline);
  });

  it('the arbetsledare may take it for the kvl', async () => {
    expect(await trepart('arbetsledare', false)).toEqual({ status: 200, detail: undefined });
  });

  it('the anordnare still records a trepart that asks for the revised plan', async () => {
    expect(await trepart('anordnare')).toEqual({ status: 200, detail: undefined });
    const { deadlines } = await recorded();
    expect(deadlines.filter((deadline) => deadline.rule === 'reviderad-plan').map((deadline) => deadline.status)).toEqual(['open']);
  });
});
