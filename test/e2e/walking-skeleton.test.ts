// One deadline through every real layer: HTTP → Temporal dev server → worker → PostgreSQL → the
// day's delivery → SMTP.
import type { Server } from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities';
import { createApiKey } from '../../api/api-keys';
import { createApp } from '../../api/app';
import { ensureDeliveryWorkflow } from '../../client/delivery-client';
import { createPaymentClient } from '../../client/payment-client';
import { createInsatsClient } from '../../client/insats-client';
import { defaultDigestSettings, parseLocalDateTime } from '../../domain';
import { fixedOffsetClock } from '../../platform/clock';
import { createDatabase, type Database } from '../../platform/database';
import { createMailer } from '../../platform/mailer';
import { createWorker } from '../../worker';
import { startSmtpReceiver } from '../helpers/smtp-receiver';
import { startDevServer, uniqueInsatsId } from '../helpers/temporal';
import { eventually } from '../helpers/wait';

let env: TestWorkflowEnvironment;
let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let worker: Worker;
let workerRun: Promise<void>;
let server: Server;
let baseUrl: string;
let kvlToken: string;
let anordnareToken: string;
const anordnare = uniqueInsatsId('anordnare');
const taskQueue = `e2e-${anordnare}`;

beforeAll(async () => {
  [env, smtp] = await Promise.all([startDevServer(), startSmtpReceiver()]);
  database = createDatabase(inject('databaseUrl'));
  worker = await createWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    activities: createActivities({ database, mailer: createMailer(smtp.url, 'test@kundval.example'), notifyFallbackDomain: 'test.example' }),
  });
  workerRun = worker.run();
  // Monday 2025-12-29, three seconds before the 08:00 delivery.
  const clock = fixedOffsetClock(parseLocalDateTime('2025-12-29T07:59:57'));
  await ensureDeliveryWorkflow(env.client, { settings: defaultDigestSettings, taskQueue, clockOffsetMs: clock.now().getTime() - Date.now(), workflowId: `delivery-${taskQueue}` });
  const app = createApp({ insatser: createInsatsClient(env.client, { clock, taskQueue }), payments: createPaymentClient(env.client, { taskQueue }), database, clock });
  kvlToken = (await createApiKey(database, { role: 'kvl', kvl: 'k1' })).token;
  anordnareToken = (await createApiKey(database, { role: 'anordnare', anordnare })).token;
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await env?.client.workflow.getHandle(`delivery-${taskQueue}`).terminate('tests finished').catch(() => undefined);
  server?.close();
  worker?.shutdown();
  await workerRun;
  await database?.$disconnect();
  await smtp?.close();
  await env?.teardown();
});

/** Every link target in a parsed HTML document. */
function hrefsOf(node: DefaultTreeAdapterMap['parentNode']): string[] {
  const own = 'attrs' in node ? node.attrs.filter((attribute) => attribute.name === 'href').map((attribute) => attribute.value) : [];
  return [...own, ...node.childNodes.flatMap((child) => ('childNodes' in child ? hrefsOf(child) : []))];
}

/** POST as the kvl for /api/insatser, as the anordnare for events. */
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${path.endsWith('/events') ? anordnareToken : kvlToken}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('walking skeleton', () => {
  const insatsId = uniqueInsatsId('e2e');

  it('creates an insats over HTTP, and its bemanning reminder arrives in the 08:00 digest exactly once, as multipart', async () => {
    const created = await post('/api/insatser', {
      id: insatsId,
      insatstyp: 'AMI1',
      beslutsdatum: '2025-12-22',
      aktualiseringsdatum: '2025-12-23',
      anordnare,
      kvl: 'k1',
      kundId: 'kund-77',
      kund: { alder: 30, ekonomisktBistand: true },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: insatsId, workflowId: `insats-${insatsId}`, rulebook: '2024' });
    // An id that would need escaping in HTML never gets as far as an e-mail: it is refused, and nothing is created.
    const refused = await post('/api/insatser', { id: 'A<b>', insatstyp: 'AMI1', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare, kvl: 'k1', kundId: 'kund-78', kund: { alder: 30, ekonomisktBistand: true } });
    expect(refused.status).toBe(400);
    expect(await database.insats.count({ where: { id: 'A<b>' } })).toBe(0);

    const mail = await eventually(() => smtp.received.find((message) => message.text?.includes(insatsId)), 20_000, 'the digest');
    expect(mail.subject).toBe('Kundval insatser: 1 att göra denna vecka');
    expect(mail.to).toMatchObject({ text: `anordnare.${anordnare}@test.example` });
    expect(mail.text).toContain('Bemanna ärendet');
    // Multipart: the same content as text and as HTML, and the HTML is well formed.
    expect(mail.html).toEqual(expect.any(String));
    const parseErrors: string[] = [];
    const document = parse(mail.html as string, { onParseError: (error) => parseErrors.push(error.code) });
    expect(parseErrors).toEqual([]);
    const links = hrefsOf(document);
    expect(links).toContain(`http://127.0.0.1:3000/api/insatser/${insatsId}`);
    expect(mail.html).toContain('Bemanning');
    expect(mail.html).toContain('Ska vara klar i dag, 2025-12-29');

    const delivery = await eventually(async () => {
      const found = await database.delivery.findFirst({ where: { recipientRole: 'anordnare', recipientId: anordnare, status: 'sent' }, include: { items: true } });
      return found ?? undefined;
    });
    expect(delivery).toMatchObject({ kind: 'digest', messageId: mail.messageId });
    expect(delivery.items.map((item) => [item.insatsId, item.rule, item.kind, item.decidedAt.toISOString()])).toEqual([[insatsId, 'bemanning', 'reminder', '2025-12-29T07:00:00.000Z']]);
    expect(await database.insats.findUnique({ where: { id: insatsId } })).toMatchObject({ insatstyp: 'AMI1', phase: 'aktualiserad' });
    expect(await database.deadline.findFirst({ where: { insatsId, rule: 'bemanning' } })).toMatchObject({ status: 'open' });

    // Nothing else is due before Tuesday 08:00: the same reminder must not come again, and the insats sent nothing itself.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(smtp.received.filter((message) => message.text?.includes(insatsId))).toHaveLength(1);
    expect(await database.notification.count({ where: { insatsId } })).toBe(0);
  });

  it('is listed by its search attributes', async () => {
    const found = await eventually(async () => {
      for await (const execution of env.client.workflow.list({ query: `Anordnare = "${anordnare}" AND InsatsPhase = "aktualiserad" AND NextDeadlineRule = "bemanning"` })) {
        return execution;
      }
      return undefined;
    });
    expect(found.workflowId).toBe(`insats-${insatsId}`);
  });

  it('meets bemanning through an update once per Idempotency-Key, stores the event, and answers a new repeated bemannad with 409', async () => {
    const staffed = await post(`/api/insatser/${insatsId}/events`, { type: 'bemannad' }, { 'Idempotency-Key': `staff-${insatsId}` });
    expect(staffed.status).toBe(200);
    const outcome = (await staffed.json()) as { eventId: string };
    expect(outcome).toMatchObject({ phase: 'pagaende', met: [{ rule: 'bemanning', status: 'met' }] });

    // The client retries with the same key (say, after a timeout): the first answer, applied once.
    const retried = await post(`/api/insatser/${insatsId}/events`, { type: 'bemannad' }, { 'Idempotency-Key': `staff-${insatsId}` });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual(outcome);

    const again = await post(`/api/insatser/${insatsId}/events`, { type: 'bemannad' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(await again.json()).toMatchObject({ status: 409, title: 'Event rejected', detail: expect.stringContaining('bemanning is already met') });

    await eventually(async () => ((await database.deadline.findFirst({ where: { insatsId, rule: 'bemanning', status: 'met' } })) ?? undefined));
    expect(await database.insatsEvent.findMany({ where: { insatsId } })).toMatchObject([{ type: 'bemannad' }]);
    expect(await database.insats.findUnique({ where: { id: insatsId } })).toMatchObject({ phase: 'pagaende' });
  });

  it('refuses an ineligible aktualisering with 422 and every failed condition (2024 §7.1, 2023 §2)', async () => {
    const before = await database.insats.count({ where: { anordnareId: anordnare } });
    const ami1 = await post('/api/insatser', {
      id: uniqueInsatsId('ineligible'), insatstyp: 'AMI1', beslutsdatum: '2025-12-22', anordnare, kvl: 'k1', kundId: 'kund-78',
      kund: { alder: 30, ekonomisktBistand: true, arbetsformaga: 50 },
    });
    expect(ami1.status).toBe(422);
    expect(((await ami1.json()) as { detail: string }).detail).toContain('AMI1 needs full arbetsförmåga, the kund has 50 % (2024 §1.3, §7.1)');
    const jpgIn2025 = await post('/api/insatser', {
      id: uniqueInsatsId('ineligible'), insatstyp: 'JPG', beslutsdatum: '2025-12-22', anordnare, kvl: 'k1', kundId: 'kund-79',
      kund: { alder: 20, ekonomisktBistand: false },
    });
    expect(jpgIn2025.status).toBe(422);
    expect(((await jpgIn2025.json()) as { detail: string }).detail).toMatch(/JPG/);
    expect(await database.insats.count({ where: { anordnareId: anordnare } })).toBe(before);
  });

  it('answers bad input with 400 and changes nothing', async () => {
    const before = await database.insats.count({ where: { anordnareId: anordnare } });
    const missingFields = await post('/api/insatser', { id: 'x1', insatstyp: 'XYZ' });
    expect(missingFields.status).toBe(400);
    const body = (await missingFields.json()) as { invalidParams: { path: string }[] };
    expect(body.invalidParams.map((param: { path: string }) => param.path)).toEqual(
      expect.arrayContaining(['body.insatstyp', 'body.beslutsdatum', 'body.anordnare', 'body.kvl', 'body.kundId']),
    );
    expect((await post('/api/insatser', '{"id": ')).status).toBe(400);
    const personnummer = await post('/api/insatser', { id: 'x2', insatstyp: 'AMI1', beslutsdatum: '2025-12-22', anordnare, kvl: 'k1', kundId: '19900101-1234', kund: { alder: 35, ekonomisktBistand: true } });
    expect(personnummer.status).toBe(400);
    expect(await personnummer.json()).toMatchObject({ invalidParams: [{ path: 'body.kundId', reason: 'must be an opaque id, not a personnummer' }] });
    expect((await post(`/api/insatser/${insatsId}/events`, { type: 'hokus-pokus' })).status).toBe(400);
    expect((await post('/api/insatser/no-such-insats/events', { type: 'bemannad' })).status).toBe(404);
    expect(await database.insats.count({ where: { anordnareId: anordnare } })).toBe(before);
    expect(await database.insatsEvent.count({ where: { insatsId } })).toBe(1);
  });
});
