// /api/notifications and /api/contacts over real HTTP, on a database of their own (the listing is
// checked row for row): notifications sent, refused for good (550) and waiting for a retry (451)
// by the real activity and SMTP receiver; contacts set and removed by the operator and then used
// by the next notification.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDeliveryActivities } from '../../activities/delivery';
import { createNotificationActivities, notificationKey } from '../../activities/notifications';
import { createProjectionActivities } from '../../activities/projection';
import { setContact } from '../../api/contacts';
import { defaultDigestSettings } from '../../domain';
import { createMailer } from '../../platform/mailer';
import { createScratchDatabase, type ScratchDatabase } from '../../platform/scratch-database';
import type { NotificationRequest, ProjectionWrite } from '../../workflows/types';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver';
import { uniqueInsatsId } from '../helpers/temporal';
import { startHarness, type Harness } from './harness';

let api: Harness;
let ownDatabase: ScratchDatabase;
let smtp: SmtpReceiver;
let activities: ReturnType<typeof createNotificationActivities>;
const insatsX = uniqueInsatsId('notified-x');
const insatsY = uniqueInsatsId('notified-y');

beforeAll(async () => {
  ownDatabase = await createScratchDatabase(inject('databaseUrl'), `kundval_notifications_${Date.now()}_${process.pid}`);
  [api, smtp] = await Promise.all([
    startHarness(ownDatabase.url, {
      operator: { role: 'operator' },
      arbetsledare: { role: 'arbetsledare' },
      kvl: { role: 'kvl', kvl: 'k1' },
      anordnare: { role: 'anordnare', anordnare: 'a1' },
    }),
    startSmtpReceiver(),
  ]);
  activities = createNotificationActivities({ database: api.database, mailer: createMailer(smtp.url, 'test@kundval.example'), notifyFallbackDomain: undefined });
  for (const insatsId of [insatsX, insatsY]) {
    await createProjectionActivities(api.database).recordProjection([
      {
        kind: 'insats',
        insats: {
          insatsId, insatstyp: 'AMI2', rulebook: '2024', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23',
          anordnare: 'a1', kvl: 'k1', kundId: 'kund-1', phase: 'aktualiserad', workflowId: `insats-${insatsId}`,
        },
      },
    ]);
  }
});
afterAll(async () => {
  await api?.close();
  await smtp?.close();
  await ownDatabase?.drop();
});

const reminder = (insatsId: string, step: string, recipient: NotificationRequest['recipient'] = { role: 'kvl', id: 'k1' }): NotificationRequest => ({
  insatsId, rule: 'uppdrag', occurrence: '1', step, kind: 'reminder', recipient, owner: recipient, due: '2025-12-29', scheduledFor: '2025-12-29T07:00:00.000Z',
});

async function put(path: string, email: unknown, as = 'operator', preference?: unknown) {
  return api.request('PUT', path, { as, body: { email, ...(preference !== undefined ? { preference } : {}) } });
}

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return (await response.json()) as { detail: string; invalidParams?: { path: string; reason: string }[] };
}

type Page = { items: { id: string; status: string; [field: string]: unknown }[]; nextCursor: string | null };
const page = async (query: string, as = 'operator') => {
  const response = await api.request('GET', `/api/notifications${query}`, { as });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
};

describe('/api/contacts', () => {
  it('lets the operator set, change, list and remove an address, and refuses every other role (403)', async () => {
    expect((await put('/api/contacts/kvl/k1', 'karin@nacka.example')).status).toBe(201);
    const changed = await put('/api/contacts/kvl/k1', 'karin.kvl@nacka.example', 'operator', 'immediate');
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ role: 'kvl', actorId: 'k1', email: 'karin.kvl@nacka.example', preference: 'immediate' });
    expect((await problem(await put('/api/contacts/kvl/k1', 'karin.kvl@nacka.example', 'operator', 'weekly'), 400)).detail).toMatch(/body\.preference/);
    expect((await put('/api/contacts/arbetsledare/arbetsledare', 'arbetsledare@nacka.example')).status).toBe(201);

    const listed = await api.request('GET', '/api/contacts', { as: 'operator' });
    expect(await listed.json()).toEqual({
      items: [
        { role: 'arbetsledare', actorId: 'arbetsledare', email: 'arbetsledare@nacka.example', preference: 'digest' },
        { role: 'kvl', actorId: 'k1', email: 'karin.kvl@nacka.example', preference: 'immediate' },
      ],
    });

    for (const who of ['arbetsledare', 'kvl', 'anordnare']) {
      expect((await problem(await api.request('GET', '/api/contacts', { as: who }), 403)).detail).toBe(`the role ${who} does not read contacts`);
      await problem(await put('/api/contacts/kvl/k1', 'someone@else.example', who), 403);
      await problem(await api.request('DELETE', '/api/contacts/kvl/k1', { as: who }), 403);
    }
    expect(await api.database.contact.findMany({ where: { role: 'kvl' } })).toEqual([{ role: 'kvl', actorId: 'k1', email: 'karin.kvl@nacka.example', preference: 'immediate' }]);

    expect((await api.request('DELETE', '/api/contacts/arbetsledare/arbetsledare', { as: 'operator' })).status).toBe(204);
    const again = await problem(await api.request('DELETE', '/api/contacts/arbetsledare/arbetsledare', { as: 'operator' }), 404);
    expect(again.detail).toBe('no contact for arbetsledare arbetsledare');
  });

  it('answers bad input with 400 naming the field, and changes nothing', async () => {
    const before = await api.database.contact.findMany({ orderBy: [{ role: 'asc' }, { actorId: 'asc' }] });
    const cases: [string, unknown, string][] = [
      ['/api/contacts/kvl/k1', 'not an address', 'body.email'],
      ['/api/contacts/kvl/k1', undefined, 'body.email'],
      ['/api/contacts/kund/k1', 'kund@nacka.example', 'path.role'],
      ['/api/contacts/kvl/%20k1', 'karin@nacka.example', 'path.actorId'],
      ['/api/contacts/kundkoordinator/kim', 'kim@nacka.example', 'path.actorId'],
    ];
    for (const [path, email, field] of cases) {
      const body = await problem(await put(path, email), 400);
      expect(body.invalidParams?.map((param) => param.path), path).toEqual([field]);
    }
    const extra = await problem(await api.request('PUT', '/api/contacts/kvl/k1', { as: 'operator', body: { email: 'a@b.example', name: 'x' } }), 400);
    expect(extra.detail).toContain('name');
    await problem(await api.request('DELETE', '/api/contacts/kund/k1', { as: 'operator' }), 400);
    expect(await api.database.contact.findMany({ orderBy: [{ role: 'asc' }, { actorId: 'asc' }] })).toEqual(before);
  });

  it('is where the next notification goes, and without it (and no fallback domain) the notification fails', async () => {
    expect((await put('/api/contacts/kvl/k-contact', 'kalle@nacka.example')).status).toBe(201);
    const request = reminder(insatsY, 'contact-set', { role: 'kvl', id: 'k-contact' });
    expect(await activities.sendNotification(request)).toMatchObject({ status: 'sent' });
    expect(smtp.received.find((mail) => mail.subject?.includes(insatsY))?.to).toMatchObject({ text: 'kalle@nacka.example' });

    expect((await api.request('DELETE', '/api/contacts/kvl/k-contact', { as: 'operator' })).status).toBe(204);
    expect(await activities.sendNotification({ ...request, step: 'contact-removed' })).toMatchObject({
      status: 'failed',
      reason: 'no contact for kvl:k-contact and no NOTIFY_FALLBACK_DOMAIN',
    });
  });
});

describe('/api/notifications', () => {
  const created: string[] = [];

  beforeAll(async () => {
    await setContact(api.database, { role: 'kvl', actorId: 'k1', email: 'karin.kvl@nacka.example' });
    // Each row claimed a second after the one before, on the reminders' morning.
    const send = async (request: NotificationRequest, refuse?: number) => {
      if (refuse) smtp.refuse(1, refuse);
      const result = await activities.sendNotification(request).catch(() => undefined);
      const row = await api.database.notification.findUniqueOrThrow({ where: { idempotencyKey: notificationKey(request) } });
      await api.database.notification.update({ where: { id: row.id }, data: { createdAt: new Date(Date.UTC(2025, 11, 29, 7, 0, created.length)) } });
      created.push(row.id);
      return result;
    };
    await send(reminder(insatsX, 'early-reminder'));
    await send(reminder(insatsX, 'due-reminder'), 550);
    await send(reminder(insatsX, 'escalation-1'), 451);
    await send(reminder(insatsX, 'escalation-2'));
    await send(reminder(insatsX, 'escalation-3'));
    await send(reminder(insatsY, 'due-reminder'));
  });

  it('lists the failed ones with the reason, and the pending ones with their last error', async () => {
    const failed = await page(`?status=failed&insatsId=${insatsX}`);
    expect(failed).toEqual({
      items: [
        {
          id: created[1], insatsId: insatsX, rule: 'uppdrag', occurrence: '1', kind: 'reminder', recipient: { role: 'kvl', id: 'k1' },
          address: 'karin.kvl@nacka.example', status: 'failed', failureReason: expect.stringMatching(/^SMTP 550: .*mailbox unavailable/),
          lastError: expect.stringMatching(/550/), scheduledFor: '2025-12-29T07:00:00.000Z', failedAt: expect.any(String), sentAt: null, attempts: 1,
        },
      ],
      nextCursor: null,
    });
    const pending = await page(`?status=pending&insatsId=${insatsX}`, 'arbetsledare');
    expect(pending.items).toEqual([expect.objectContaining({ id: created[2], status: 'pending', failureReason: null, failedAt: null, sentAt: null, lastError: expect.stringMatching(/451/) })]);
    // The one the contacts tests sent was claimed now, after the reminders' morning.
    const sentByContactsTest = await api.database.notification.findFirstOrThrow({ where: { insatsId: insatsY, status: 'sent', createdAt: { gt: new Date('2025-12-30') } } });
    const sent = await page('?status=sent');
    expect(sent.items.map((item) => item.id)).toEqual([sentByContactsTest.id, created[5], created[4], created[3], created[0]]);
    expect(sent.items.every((item) => item.status === 'sent' && typeof item.sentAt === 'string')).toBe(true);
  });

  it('pages newest first with a cursor, every notification once', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const next: Page = await page(`?insatsId=${insatsX}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(next.items.length).toBeLessThanOrEqual(2);
      seen.push(...next.items.map((item) => item.id));
      cursor = next.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(created.slice(0, 5).reverse());
  });

  it('is for the operator and the arbetsledare only (403), and names a bad filter (400)', async () => {
    for (const who of ['kvl', 'anordnare']) {
      expect((await problem(await api.request('GET', '/api/notifications', { as: who }), 403)).detail).toBe(`the role ${who} does not read notifications`);
    }
    for (const [query, field] of [['?status=lost', 'query.status'], ['?cursor=bm90LWEtY3Vyc29y', 'query.cursor'], ['?limit=0', 'query.limit'], ['?insats=x', 'query']]) {
      const body = await problem(await api.request('GET', `/api/notifications${query}`, { as: 'operator' }), 400);
      expect(body.invalidParams?.[0]?.path, query).toBe(field);
    }
  });
});

describe('/api/notifications/outbox', () => {
  it('shows when the rules decided each digest item and what became of it: delivered in which e-mail, or withdrawn and why', async () => {
    const insatsId = uniqueInsatsId('outbox');
    const anordnare = { role: 'anordnare' as const, id: 'a-outbox' };
    const deadline = (rule: 'bemanning' | 'trepart', status: 'open' | 'met'): ProjectionWrite => ({
      kind: 'deadline',
      insatsId,
      openedAt: '2025-12-23T09:00:00.000Z',
      deadline: { rule, occurrence: '1', due: '2025-12-29', openedOn: '2025-12-23', owner: 'anordnare', escalation: ['kvl'], status },
    });
    const item = (rule: 'bemanning' | 'trepart'): ProjectionWrite => ({
      kind: 'outbox-item',
      item: { insatsId, insatstyp: 'AMI2', rule, occurrence: '1', step: 'due-reminder', kind: 'reminder', recipient: anordnare, owner: anordnare, due: '2025-12-29', decidedAt: '2025-12-29T07:00:00.000Z' },
    });
    await createProjectionActivities(api.database).recordProjection([
      { kind: 'insats', insats: { insatsId, insatstyp: 'AMI2', rulebook: '2024', beslutsdatum: '2025-12-22', aktualiseringsdatum: '2025-12-23', anordnare: 'a-outbox', kvl: 'k1', kundId: 'kund-2', phase: 'aktualiserad', workflowId: `insats-${insatsId}` } },
      deadline('bemanning', 'open'),
      deadline('trepart', 'met'),
      item('bemanning'),
      item('trepart'),
    ]);
    const delivery = createDeliveryActivities({ database: api.database, mailer: createMailer(smtp.url, 'test@kundval.example'), notifyFallbackDomain: 'test.example' });
    expect(await delivery.deliverToRecipient({ recipient: anordnare, until: '2025-12-29T07:00:30.000Z', settings: defaultDigestSettings })).toMatchObject({ sent: 1, items: 1, withdrawn: 1 });

    const response = await api.request('GET', `/api/notifications/outbox?insatsId=${insatsId}`, { as: 'arbetsledare' });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { rule: string; decidedAt: string; status: string; withdrawnReason: string | null; delivered: { kind: string; status: string; messageId: string } | null }[] };
    const byRule = Object.fromEntries(items.map((entry) => [entry.rule, entry]));
    expect(byRule.bemanning).toMatchObject({ decidedAt: '2025-12-29T07:00:00.000Z', status: 'delivered', delivered: { kind: 'digest', status: 'sent', messageId: expect.stringMatching(/@kundval\.nacka>$/) } });
    expect(smtp.received.filter((mail) => mail.messageId === byRule.bemanning!.delivered!.messageId)).toHaveLength(1);
    expect(byRule.trepart).toMatchObject({ status: 'withdrawn', withdrawnReason: 'deadline met before the delivery of 2025-12-29', delivered: null });

    expect((await api.request('GET', '/api/notifications/outbox?status=sent', { as: 'operator' })).status).toBe(400);
    expect((await api.request('GET', '/api/notifications/outbox', { as: 'kvl' })).status).toBe(403);
  });
});
