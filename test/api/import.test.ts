// Bringing running insatser in over HTTP (POST /api/insatser/import): one result per line; a line
// already there says `exists` and the same import run twice changes nothing; a line the rules
// refuse creates nothing; a kvl key imports only its own kvl's lines. The aktualisering's 422 on
// POST /api/insatser names each field it is about.
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insatsWorkflowId } from '../../workflows/ids';
import { uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { startInputOf } from '../helpers/workflow-input';
import { startHarness, type Harness } from './harness';

let api: Harness;
const anordnare = uniqueInsatsId('import-a');
const kund = { alder: 30, ekonomisktBistand: true };
// The harness's today is 2025-12-23.
const aktualisering = (id: string, fields: Record<string, unknown> = {}) => ({
  id, insatstyp: 'AMI2', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare, kvl: 'k1', kundId: `kund-${id}`, kund, ...fields,
});
// A long FJP decided in 2023, still running at go-live.
const progress = { bemannadOn: '2023-10-04', uppdragInlagtOn: '2023-10-05', planGodkandOn: '2023-10-30', reportedThrough: '2025-11', lastTrepartOn: '2025-10-15' };
const runningFjp = (id: string) => aktualisering(id, { insatstyp: 'FJP', beslutsdatum: '2023-10-02', progress });

interface ImportAnswer {
  results: { line: number; id: string | null; result: string; reason?: string; invalidParams?: { path: string; reason: string }[] }[];
  summary: { created: number; exists: number; refused: number };
}

async function importAs(as: string, insatser: unknown[]): Promise<ImportAnswer> {
  const response = await api.request('POST', '/api/insatser/import', { as, body: { insatser } });
  expect(response.status).toBe(200);
  return (await response.json()) as ImportAnswer;
}

async function notCreated(id: string) {
  expect((await api.request('GET', `/api/insatser/${id}`, { as: 'operator' })).status).toBe(404);
  await expect(api.temporal.workflow.getHandle(insatsWorkflowId(id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
  expect(await api.database.insats.count({ where: { id } })).toBe(0);
}

beforeAll(async () => {
  api = await startHarness(inject('databaseUrl'), {
    kvl: { role: 'kvl', kvl: 'k1' },
    operator: { role: 'operator' },
    anordnare: { role: 'anordnare', anordnare },
  });
});
afterAll(async () => {
  await api?.close();
});

describe('POST /api/insatser/import', () => {
  it('creates the valid line with its progress, says exists for the one already there, refuses the 1978 one; a second run changes nothing', async () => {
    const running = uniqueInsatsId('fjp-2023');
    const existing = uniqueInsatsId('existing');
    const wrongYear = uniqueInsatsId('1978');
    expect((await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(existing) })).status).toBe(201);
    const lines = [runningFjp(running), aktualisering(existing), aktualisering(wrongYear, { beslutsdatum: '1978-03-17' })];

    const first = await importAs('kvl', lines);
    expect(first.results).toEqual([
      { line: 1, id: running, result: 'created' },
      { line: 2, id: existing, result: 'exists' },
      {
        line: 3,
        id: wrongYear,
        result: 'refused',
        reason: expect.stringContaining('beslutsdatum 1978-03-17 is before 2023-01-01'),
        invalidParams: expect.arrayContaining([{ path: 'beslutsdatum', reason: expect.stringContaining('2023-01-01') }]),
      },
    ]);
    expect(first.summary).toEqual({ created: 1, exists: 1, refused: 1 });
    const input = await startInputOf(api.temporal, running);
    expect(input).toMatchObject({ insatstyp: 'FJP', rulebook: '2023', beslutsdatum: '2023-10-02', aktualiseringsdatum: '2025-12-23', progress });
    await eventually(async () => ((await api.database.insats.count({ where: { id: { in: [running, existing] } } })) === 2 ? true : undefined));
    const rows = () => api.database.insats.findMany({ where: { id: { in: [running, existing, wrongYear] } }, orderBy: { id: 'asc' }, select: { id: true, workflowId: true, createdAt: true, beslutsdatum: true } });
    const runs = () => Promise.all([running, existing].map(async (id) => (await api.temporal.workflow.getHandle(insatsWorkflowId(id)).describe()).runId));
    const [rowsBefore, runsBefore] = [await rows(), await runs()];

    const second = await importAs('kvl', lines);
    expect(second.results.map(({ line, id, result }) => ({ line, id, result }))).toEqual([
      { line: 1, id: running, result: 'exists' },
      { line: 2, id: existing, result: 'exists' },
      { line: 3, id: wrongYear, result: 'refused' },
    ]);
    expect(second.summary).toEqual({ created: 0, exists: 2, refused: 1 });
    expect(await rows()).toEqual(rowsBefore);
    expect(await runs()).toEqual(runsBefore);
    expect(await startInputOf(api.temporal, running)).toEqual(input);
    await notCreated(wrongYear);
  });

  it('refuses a line of another kvl for a kvl key scoped to k1, and creates its own', async () => {
    const own = uniqueInsatsId('own');
    const others = uniqueInsatsId('others');
    const answer = await importAs('kvl', [aktualisering(own), aktualisering(others, { kvl: 'k2' })]);
    expect(answer.results).toEqual([
      { line: 1, id: own, result: 'created' },
      { line: 2, id: others, result: 'refused', reason: expect.stringContaining('kvl k1'), invalidParams: [{ path: 'kvl', reason: expect.stringContaining('k2') }] },
    ]);
    await notCreated(others);
    // The operator imports any kvl's.
    expect((await importAs('operator', [aktualisering(others, { kvl: 'k2' })])).results).toEqual([{ line: 1, id: others, result: 'created' }]);
  });

  it('refuses a malformed line with the zod paths and a progress that cannot be, and runs the other lines', async () => {
    const malformed = uniqueInsatsId('malformed');
    const noBemanning = uniqueInsatsId('no-bemanning');
    const fine = uniqueInsatsId('fine');
    const answer = await importAs('kvl', [
      aktualisering(malformed, { kund: { alder: 'trettio', ekonomisktBistand: true }, progress: { bemannadOn: '2025-13-01' } }),
      'not an aktualisering',
      aktualisering(noBemanning, { progress: { planGodkandOn: '2025-12-23' } }),
      aktualisering(fine),
    ]);
    const [first, second, third, fourth] = answer.results;
    expect(first).toMatchObject({ line: 1, id: malformed, result: 'refused' });
    expect(first!.invalidParams!.map((param) => param.path).sort()).toEqual(['kund.alder', 'progress.bemannadOn']);
    expect(first!.reason).toContain('kund.alder:');
    expect(second).toMatchObject({ line: 2, id: null, result: 'refused' });
    expect(third).toMatchObject({ line: 3, id: noBemanning, result: 'refused', invalidParams: [{ path: 'progress.bemannadOn', reason: expect.stringContaining('progress.planGodkandOn') }] });
    expect(fourth).toEqual({ line: 4, id: fine, result: 'created' });
    await notCreated(malformed);
    await notCreated(noBemanning);
  });

  it('answers 403 to an anordnare, 400 to a body without lines, 413 beyond 500 lines, and creates nothing', async () => {
    const id = uniqueInsatsId('forbidden');
    expect((await api.request('POST', '/api/insatser/import', { as: 'anordnare', body: { insatser: [aktualisering(id)] } })).status).toBe(403);
    expect((await api.request('POST', '/api/insatser/import', { as: 'kvl', body: { insatser: [] } })).status).toBe(400);
    expect((await api.request('POST', '/api/insatser/import', { as: 'kvl', body: [aktualisering(id)] })).status).toBe(400);
    const tooMany = Array.from({ length: 501 }, (_, index) => aktualisering(`${id}-${index}`));
    const refused = await api.request('POST', '/api/insatser/import', { as: 'kvl', body: { insatser: tooMany } });
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { detail: string }).detail).toContain('at most 500');
    await notCreated(id);
    await notCreated(`${id}-0`);
    expect(await api.database.insats.count({ where: { id: { startsWith: id } } })).toBe(0);
  });

  it('takes 500 lines with their progress in one request (a body over the 64 kB of other requests)', async () => {
    const prefix = uniqueInsatsId('bulk');
    // Refused by the rules, so 500 lines cost no 500 workflows: the size and the order are what is tested.
    const lines = Array.from({ length: 500 }, (_, index) => ({ ...runningFjp(`${prefix}-${index}`), beslutsdatum: '1978-03-17' }));
    expect(JSON.stringify({ insatser: lines }).length).toBeGreaterThan(64 * 1024);
    const answer = await importAs('kvl', lines);
    expect(answer.summary).toEqual({ created: 0, exists: 0, refused: 500 });
    expect(answer.results.map(({ line, id }) => ({ line, id }))).toEqual(lines.map(({ id }, index) => ({ line: index + 1, id })));
  });
});

describe('POST /api/insatser with a beslutsdatum of 1978', () => {
  it('answers 422 naming beslutsdatum and the bound in invalidParams and detail, and creates nothing', async () => {
    const id = uniqueInsatsId('post-1978');
    const response = await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(id, { beslutsdatum: '1978-03-17' }) });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { detail: string; invalidParams: { path: string; reason: string }[] };
    expect(body.detail).toContain('beslutsdatum 1978-03-17 is before 2023-01-01');
    expect(body.invalidParams).toContainEqual({ path: 'body.beslutsdatum', reason: expect.stringContaining('before 2023-01-01') });
    await notCreated(id);
  });

  it('still answers 422 without invalidParams for a problem about no one field', async () => {
    const response = await api.request('POST', '/api/insatser', { as: 'kvl', body: aktualisering(uniqueInsatsId('malgrupp'), { kund: { alder: 70, ekonomisktBistand: false } }) });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { detail: string; invalidParams?: unknown };
    expect(body.detail).toContain('target groups');
    expect(body.invalidParams).toBeUndefined();
  });
});
