import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/audit';
import { blockedCallers } from '../../../db/schema/telephony-settings';
import { blocklistRepository } from '../../../src/modules/blocklist/blocklist.repository';
import { keyringOf } from '../../../src/modules/crypto/keyring';
import { phoneHash } from '../../../src/modules/crypto/phone-hash';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  await createHotline(stores.database.db);
  await createHotline(stores.database.db, { number: '1554', phoneNumber: '+85621155400' });
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

type TAuditPage = {
  rows: Array<{ seq: number; action: string; actorName: string | null; caseCode: string | null }>;
  nextBefore: number | null;
};

describe('audit log viewer', () => {
  it('answers who viewed a case, by case code, newest first, page by page; the read is audited', async () => {
    const counsellor = await createStaff(stores, { role: 'counsellor', displayName: 'Noy' });
    const cookie = await loginAs(app, counsellor);
    const { caseId } = await createCaseWithPerson(app, cookie);
    const { body: created } = await staffCall(app, cookie, 'GET', `/cases/${caseId}`);
    const code = created.code as string;
    await staffCall(app, cookie, 'GET', `/cases/${caseId}`);

    const supervisor = await createStaff(stores, { role: 'supervisor', hotlines: ['1362'] });
    const sup = await loginAs(app, supervisor);
    const first = await staffCall(app, sup, 'GET', `/audit?caseCode=${code}&limit=2`);
    expect(first.status).toBe(200);
    const page1 = first.body as unknown as TAuditPage;
    expect(page1.rows).toHaveLength(2);
    expect(page1.rows[0]).toMatchObject({
      action: 'case.viewed',
      actorName: 'Noy',
      caseCode: code,
    });
    expect(page1.nextBefore).not.toBeNull();
    const next = await staffCall(
      app,
      sup,
      'GET',
      `/audit?caseCode=${code}&before=${page1.nextBefore}`,
    );
    const page2 = next.body as unknown as TAuditPage;
    expect(page2.rows.map((r) => r.action)).toContain('case.created');
    expect(page2.rows.every((r) => r.seq < (page1.rows[1]?.seq ?? 0))).toBe(true);

    const views = await staffCall(
      app,
      sup,
      'GET',
      `/audit?action=case.viewed&actorId=${counsellor.id}`,
    );
    expect((views.body as unknown as TAuditPage).rows).toHaveLength(2);

    const reads = await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'audit.viewed'));
    expect(reads.filter((r) => r.actorId === supervisor.id)).toHaveLength(3);
    expect(reads.find((r) => r.entityId === caseId)?.data).toMatchObject({
      filters: ['caseCode'],
    });
  });

  it("keeps a supervisor to their hotlines' cases and staff; counsellors cannot read it", async () => {
    const other = await createStaff(stores, { role: 'counsellor', hotlines: ['1554'] });
    const cookie = await loginAs(app, other);
    await createCaseWithPerson(app, cookie, { hotline: '1554' });
    const sup1362 = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
    const seen = await staffCall(app, sup1362, 'GET', `/audit?actorId=${other.id}`);
    expect((seen.body as unknown as TAuditPage).rows).toEqual([]);
    const admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const all = await staffCall(app, admin, 'GET', `/audit?actorId=${other.id}&action=case.`);
    expect((all.body as unknown as TAuditPage).rows.map((r) => r.action)).toContain('case.created');
    expect((await staffCall(app, cookie, 'GET', '/audit')).status).toBe(403);
    expect(
      (await staffCall(app, admin, 'GET', '/audit?from=2026-02-02&to=2026-01-01')).status,
    ).toBe(400);
  });
});

describe('block list', () => {
  it('blocks a number by its hash, lists only its last digits, audits add and remove', async () => {
    const admin = await createStaff(stores, { role: 'administrator' });
    const cookie = await loginAs(app, admin);
    const added = await staffCall(app, cookie, 'POST', '/blocklist', {
      phone: '+856 20 7770 0123',
      hotline: '1362',
      reason: 'abusive',
      expiresAt: null,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ phoneLast: '123', hotline: '1362', reason: 'abusive' });
    // The number's own digits (short runs like '7770' also turn up in ids and hashes).
    expect(JSON.stringify(added.body)).not.toContain('77700123');

    const blocks = blocklistRepository(stores.database.db);
    const hash = phoneHash(keyringOf(stores.config), '+8562077700123');
    expect(await blocks.isBlocked(hash, '1362')).toBe(true);
    expect(await blocks.isBlocked(hash, '1554')).toBe(false);

    const list = await staffCall(app, cookie, 'GET', '/blocklist');
    expect(JSON.stringify(list.body)).not.toContain(hash);
    const removed = await staffCall(app, cookie, 'DELETE', `/blocklist/${added.body.id}`);
    expect(removed.status).toBe(204);
    expect(await blocks.isBlocked(hash, '1362')).toBe(false);
    expect(await stores.database.db.select().from(blockedCallers)).toEqual([]);

    const audit = await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, added.body.id as string));
    expect(audit.map((a) => a.action)).toEqual(['blocklist.added', 'blocklist.removed']);
    for (const form of ['77700123', '7770 0123']) expect(JSON.stringify(audit)).not.toContain(form);
  });

  it('refuses an expiry in the past, an unknown reason or hotline, and supervisors', async () => {
    const cookie = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const past = await staffCall(app, cookie, 'POST', '/blocklist', {
      phone: '+8562077700999',
      hotline: null,
      reason: 'abusive',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    const odd = await staffCall(app, cookie, 'POST', '/blocklist', {
      phone: '+8562077700999',
      hotline: null,
      reason: 'because',
      expiresAt: null,
    });
    expect(odd.status).toBe(400);
    const nowhere = await staffCall(app, cookie, 'POST', '/blocklist', {
      phone: '+8562077700999',
      hotline: '9999',
      reason: 'hoax',
      expiresAt: null,
    });
    expect(nowhere.status).toBe(400);
    const sup = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
    expect((await staffCall(app, sup, 'GET', '/blocklist')).status).toBe(403);
  });
});

describe('escalations inbox', () => {
  it('is open to supervisors and closed to counsellors', async () => {
    const sup = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
    const inbox = await staffCall(app, sup, 'GET', '/escalations');
    expect(inbox.status).toBe(200);
    const counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
    expect((await staffCall(app, counsellor, 'GET', '/escalations')).status).toBe(403);
  });
});
