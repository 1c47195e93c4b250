import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReport } from '../../../src/modules/reports/report-table.types';
import { insertPersonWithCase } from '../../fixtures/report-events';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;
let cookie = '';

/**
 * In June 2025 on hotline 1362: one call answered by a counsellor, about a person (a hotline
 * counselling session), and one WhatsApp chat a counsellor accepted, recorded as a chat contact
 * about another person. A Messenger chat nobody took in May, outside the period.
 */
beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  const sql = stores.database.sql;
  await createHotline(stores.database.db);
  const counsellor = await createStaff(stores, { role: 'counsellor' });
  cookie = await loginAs(app, await createStaff(stores, { role: 'statistician', hotlines: [] }));

  await sql`insert into calls (call_sid, hotline, status, route, queue_result, started_at, enqueued_at, left_queue_at)
    values ('CA-channels-1', '1362', 'completed', 'queued', 'redirected', '2025-06-10 09:00+07',
      '2025-06-10 09:00:10+07', '2025-06-10 09:00:25+07')`;
  const caller = await insertPersonWithCase(sql, { victimStatus: 'possible' });
  await sql`insert into contacts (id, case_id, hotline, channel, language, caller_type, contact_type, occurred_at, call_id)
    values (${randomUUID()}, ${caller.caseId}, '1362', 'call', 'lo', 'self', 'crisis', '2025-06-10 09:01+07', null)`;

  const writer = await insertPersonWithCase(sql, { victimStatus: 'possible' });
  const chatContact = randomUUID();
  await sql`insert into contacts (id, case_id, hotline, channel, language, caller_type, contact_type, occurred_at)
    values (${chatContact}, ${writer.caseId}, '1362', 'chat', 'lo', 'self', 'crisis', '2025-06-12 20:05+07')`;
  // The chat module's own rows (address and contact as it stores them: hashed, sealed).
  await sql`insert into chat_conversations (hotline, channel, provider, provider_ref, contact_hash, address_enc,
      language, state, routing, assigned_to, contact_id, started_at, ended_at)
    values ('1362', 'whatsapp', 'twilio', 'CH-channels-1', 'hash-1', 'sealed', 'lo', 'ended', 'queued',
      ${counsellor.id}, ${chatContact}, '2025-06-12 20:00+07', '2025-06-12 20:30+07'),
      ('1362', 'messenger', 'twilio', 'CH-channels-2', 'hash-2', 'sealed', 'lo', 'ended', 'queued',
      null, null, '2025-05-31 23:59+07', '2025-06-01 00:10+07')`;
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

const june = 'period=month&year=2025&month=6';
const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const table = (report: TReport, key: string) => report.tables.find((t) => t.key === key);
const rows = (report: TReport, key: string) =>
  Object.fromEntries((table(report, key)?.rows ?? []).map((r) => [r.key, r.cells]));

describe('channel as a dimension of the reports', () => {
  it('shows the call and the WhatsApp chat in their own rows of the operations report, in Lao and English', async () => {
    const res = await get(`/api/staff/reports/operations?${june}`);
    expect(res.statusCode).toBe(200);
    const report = res.json() as TReport;
    const channels = table(report, 'contacts-by-channel');
    expect(channels?.title).toEqual({
      lo: 'ສາຍໂທ ແລະ ແຊັດ ແຍກຕາມຊ່ອງທາງ',
      en: 'Calls and chats by channel',
    });
    // received, answered, not answered; the May Messenger chat is not in June.
    expect(rows(report, 'contacts-by-channel')).toEqual({
      voice: [1, 1, 0],
      whatsapp: [1, 1, 0],
      messenger: [0, 0, 0],
      sms: [0, 0, 0],
      web: [0, 0, 0],
      total: [2, 2, 0],
    });
    expect(channels?.rows.find((r) => r.key === 'web')).toMatchObject({
      lo: 'ແຊັດໃນເວັບໄຊ',
      en: 'Web chat',
    });

    const may = (await get('/api/staff/reports/operations?period=month&year=2025&month=5')).json();
    expect(rows(may as TReport, 'contacts-by-channel').messenger).toEqual([1, 0, 1]);
  });

  it('counts the chat beside the hotline in counselling by mode of the national statistics', async () => {
    const report = (await get(`/api/staff/reports/national?${june}`)).json() as TReport;
    const counselling = rows(report, 'counselling');
    // sessions, people, female, new, continuing
    expect(counselling.hotline).toEqual([1, 1, 1, 1, 0]);
    expect(counselling.chat).toEqual([1, 1, 1, 1, 0]);
    expect(counselling.phone).toEqual([0, 0, 0, 0, 0]);
    expect(counselling.total).toEqual([2, 2, 2, 2, 0]);
    expect(table(report, 'counselling')?.rows.find((r) => r.key === 'chat')).toMatchObject({
      lo: 'ແຊັດ (WhatsApp, Messenger, SMS, ເວັບ)',
      en: 'Chat (WhatsApp, Messenger, SMS, web)',
    });
  });

  it('hides the single chat and call in the external workbook, on a sheet of their own', async () => {
    const res = await get(
      `/api/staff/reports/operations/export?${june}&format=xlsx&audience=external`,
    );
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets.find((s) => s.name.includes('Calls and chats'));
    expect(sheet?.getRow(1).values).toEqual([undefined, 'ສາຍໂທ ແລະ ແຊັດ ແຍກຕາມຊ່ອງທາງ']);
    const values = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1);
    expect(values(8)).toEqual(['ໂທລະສັບ (ສາຍດ່ວນ)', 'Voice (hotline calls)', '<3', '<3', 0]);
    expect(values(9)).toEqual(['WhatsApp', 'WhatsApp', '<3', '<3', 0]);
  });
});
