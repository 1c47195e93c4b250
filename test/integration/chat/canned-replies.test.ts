import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/index';
import { seedChatHotline, staffRequests } from '../../fixtures/chat.fixture';
import { startTelephonyRig, type TTelephonyRig } from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';

// Administrators manage a hotline's canned replies in Lao and English; counsellors read them.
let rig: TTelephonyRig;
let admin: string;
let counsellor: string;
let otherCounsellor: string;

beforeAll(async () => {
  rig = await startTelephonyRig({
    seed: async ({ database }) => {
      await seedChatHotline(database.db);
      await createHotline(database.db, { number: '1300', phoneNumber: '+85621130000' });
    },
  });
  admin = await loginAs(rig.app, await createStaff(rig.stores, { role: 'administrator' }));
  counsellor = await loginAs(rig.app, await createStaff(rig.stores, { role: 'counsellor' }));
  otherCounsellor = await loginAs(
    rig.app,
    await createStaff(rig.stores, { role: 'counsellor', hotlines: ['1300'] }),
  );
});
afterAll(async () => rig?.close());

const call = staffRequests(() => rig);

describe('canned replies', () => {
  it('an administrator adds, changes and removes one; counsellors read them by language', async () => {
    const created = await call(admin, 'POST', '/api/staff/canned-replies/1362', {
      language: 'lo',
      title: 'ທັກທາຍ',
      body: 'ສະບາຍດີ, ພວກເຮົາຟັງຢູ່.',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await call(admin, 'POST', '/api/staff/canned-replies/1362', {
      language: 'en',
      title: 'Greeting',
      body: 'Hello, we are listening.',
    });

    const lao = await call(counsellor, 'GET', '/api/staff/canned-replies/1362?language=lo');
    expect(lao.json().replies.map((r: { body: string }) => r.body)).toEqual(['ສະບາຍດີ, ພວກເຮົາຟັງຢູ່.']);

    const changed = await call(admin, 'PUT', `/api/staff/canned-replies/1362/${id}`, {
      language: 'lo',
      title: 'ທັກທາຍ',
      body: 'ສະບາຍດີ, ທ່ານປອດໄພບໍ່?',
    });
    expect(changed.statusCode).toBe(200);
    const after = await call(counsellor, 'GET', '/api/staff/canned-replies/1362?language=lo');
    expect(after.json().replies.map((r: { body: string }) => r.body)).toEqual([
      'ສະບາຍດີ, ທ່ານປອດໄພບໍ່?',
    ]);

    expect((await call(admin, 'DELETE', `/api/staff/canned-replies/1362/${id}`)).statusCode).toBe(
      204,
    );
    const left = await call(counsellor, 'GET', '/api/staff/canned-replies/1362');
    expect(left.json().replies.map((r: { language: string }) => r.language)).toEqual(['en']);

    const audited = await rig.stores.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'chat_canned_reply'), eq(auditLog.entityId, id)));
    expect(audited.map((a) => a.action).sort()).toEqual([
      'canned_reply.changed',
      'canned_reply.created',
      'canned_reply.deleted',
    ]);
  });

  it('refuses an empty reply (400) and a counsellor changing them (403)', async () => {
    const empty = await call(admin, 'POST', '/api/staff/canned-replies/1362', {
      language: 'lo',
      title: 'x',
      body: '   ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const byCounsellor = await call(counsellor, 'POST', '/api/staff/canned-replies/1362', {
      language: 'lo',
      title: 'x',
      body: 'y',
    });
    expect(byCounsellor.statusCode).toBe(403);
  });

  it("another hotline's counsellor does not see them", async () => {
    const res = await call(otherCounsellor, 'GET', '/api/staff/canned-replies/1362');
    expect(res.statusCode).toBe(404);
  });
});
