import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import { calls } from '../../../db/schema/calls';
import { contacts } from '../../../db/schema/contacts';
import { contactDrafts } from '../../../db/schema/drafts';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';
import { phoneHash } from '../../../src/modules/crypto/phone-hash';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs } from '../../fixtures/staff';
import { staffCall } from '../../fixtures/records';
import { newCallSid } from '../../fixtures/telephony.fixture';

let stores: TTestStores;
let app: FastifyInstance;
let counsellor: string;
let counsellorId: string;
let otherHotline: string;
let supervisor: string;
const CALLER = '+8562055577777';

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  const staff = await createStaff(stores, { role: 'counsellor' });
  counsellorId = staff.id;
  counsellor = await loginAs(app, staff);
  otherHotline = await loginAs(
    app,
    await createStaff(stores, { role: 'counsellor', hotlines: ['1554'] }),
  );
  supervisor = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

/** A call row as the voice webhook writes it: the number only encrypted and hashed. */
async function inboundCall(hotline = '1362', from: string | null = CALLER) {
  const callSid = newCallSid();
  const [row] = await stores.database.db
    .insert(calls)
    .values({
      callSid,
      hotline,
      fromHash: from ? phoneHash(keyringFromConfig(stores.config), from) : null,
    })
    .returning({ id: calls.id });
  return { callSid, id: row?.id as string };
}

const contactOn = (callSid: string, extra: object = {}) => ({
  hotline: '1362',
  channel: 'call',
  language: 'lo',
  callerType: 'self',
  contactType: 'crisis',
  callSid,
  ...extra,
});

describe('contacts recorded from the console, known by CallSid', () => {
  it('are linked to the call row, and the call form draft is gone', async () => {
    const call = await inboundCall();
    await staffCall(app, counsellor, 'PUT', `/drafts/call:${call.callSid}`, {
      savedAt: 1,
      data: { summary: 'typing' },
    });
    const saved = await staffCall(app, counsellor, 'POST', '/contacts', contactOn(call.callSid));
    expect(saved.status).toBe(201);
    expect(saved.body.callId).toBe(call.id);
    const drafts = await stores.database.db
      .select()
      .from(contactDrafts)
      .where(eq(contactDrafts.ownerId, counsellorId));
    expect(drafts).toEqual([]);
  });

  it('refuse a CallSid that is unknown or of another hotline', async () => {
    const unknown = await staffCall(app, counsellor, 'POST', '/contacts', contactOn(newCallSid()));
    expect(unknown.status).toBe(400);
    const elsewhere = await inboundCall('1554');
    const wrong = await staffCall(
      app,
      counsellor,
      'POST',
      '/contacts',
      contactOn(elsewhere.callSid),
    );
    expect(wrong.status).toBe(400);
  });
});

describe('repeat-caller lookup for the offered call', () => {
  it("shows the caller's earlier contacts and flags, never the number, and is audited", async () => {
    const first = await inboundCall();
    await staffCall(
      app,
      counsellor,
      'POST',
      '/contacts',
      contactOn(first.callSid, { noSms: true }),
    );
    const flagged = await staffCall(app, supervisor, 'POST', '/callers/flags', {
      phone: CALLER,
      hotline: '1362',
      kind: 'at_risk',
    });
    expect(flagged.status).toBe(201);

    const again = await inboundCall();
    const lookup = await staffCall(app, counsellor, 'GET', `/callers/by-call/${again.callSid}`);
    expect(lookup.status).toBe(200);
    const body = lookup.body as unknown as {
      earlierContacts: Array<{ noSms: boolean; hotline: string }>;
      flags: Array<{ kind: string }>;
    };
    expect(body.earlierContacts.length).toBeGreaterThanOrEqual(1);
    expect(body.earlierContacts[0]).toMatchObject({ hotline: '1362', noSms: true });
    expect(body.flags).toEqual([expect.objectContaining({ kind: 'at_risk' })]);
    expect(JSON.stringify(body)).not.toContain('55577777');

    const audited = await stores.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'caller.looked_up'), eq(auditLog.actorId, counsellorId)));
    expect(audited.map((a) => a.data)).toContainEqual(
      expect.objectContaining({ callSid: again.callSid }),
    );
  });

  it('does not count the contact of the same call as earlier', async () => {
    const caller = '+8562055588888';
    const call = await inboundCall('1362', caller);
    await staffCall(app, counsellor, 'POST', '/contacts', contactOn(call.callSid));
    const lookup = await staffCall(app, counsellor, 'GET', `/callers/by-call/${call.callSid}`);
    expect(lookup.body).toEqual({ earlierContacts: [], flags: [] });
    const linked = await stores.database.db
      .select({ id: contacts.id })
      .from(contacts)
      .where(eq(contacts.callId, call.id));
    expect(linked).toHaveLength(1);
  });

  it('answers 404 for a call of a hotline the counsellor does not serve, or unknown', async () => {
    const call = await inboundCall();
    expect(
      (await staffCall(app, otherHotline, 'GET', `/callers/by-call/${call.callSid}`)).status,
    ).toBe(404);
    expect(
      (await staffCall(app, counsellor, 'GET', `/callers/by-call/${newCallSid()}`)).status,
    ).toBe(404);
  });

  it('has no history for a withheld number', async () => {
    const call = await inboundCall('1362', null);
    const lookup = await staffCall(app, counsellor, 'GET', `/callers/by-call/${call.callSid}`);
    expect(lookup.body).toEqual({ earlierContacts: [], flags: [] });
  });
});
