import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';

let stores: TTestStores;
let app: FastifyInstance;
let counsellor: string;
let colleague: string;
let supervisor: string;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  colleague = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  supervisor = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

describe('a case from first call to closing', () => {
  it('records a contact, a person and notes, and shows them on the timeline', async () => {
    const { caseId, personId } = await createCaseWithPerson(app, counsellor);
    const view = await staffCall(app, counsellor, 'GET', `/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      status: 'open',
      summary: 'Worker held at a factory across the border',
      people: [{ personId, role: 'victim' }],
    });
    expect(view.body.code).toMatch(/^SD-\d{4}-\d{6}$/);
    const note = await staffCall(app, colleague, 'POST', `/cases/${caseId}/notes`, {
      body: 'Called back, safe',
    });
    expect(note.status).toBe(201);
    const notes = await staffCall(app, counsellor, 'GET', `/cases/${caseId}/notes`);
    expect(notes.body).toEqual([expect.objectContaining({ body: 'Called back, safe' })]);
    const timeline = await staffCall(app, counsellor, 'GET', `/cases/${caseId}/timeline`);
    expect((timeline.body as unknown as Array<{ kind: string }>).map((e) => e.kind)).toEqual([
      'case.opened',
      'contact.added',
      'person.linked',
      'note.added',
    ]);
    const contacts = await staffCall(app, counsellor, 'GET', `/cases/${caseId}/contacts`);
    expect(contacts.body).toEqual([
      expect.objectContaining({ callerPhone: '+856 20 5555 0101', safeToTalk: 'no', noSms: true }),
    ]);
  });

  it('derives the statistical age fields from the date of birth', async () => {
    const { personId } = await createCaseWithPerson(app, counsellor);
    const person = await staffCall(app, counsellor, 'GET', `/people/${personId}`);
    expect(person.body).toMatchObject({
      fullName: 'Person Name',
      dateOfBirth: '2009-05-01',
      under18AtIdentification: true,
      ageBand: '12-17',
    });
  });

  it('moves through allowed statuses only, and refuses a stale version', async () => {
    const { caseId, version } = await createCaseWithPerson(app, counsellor);
    const bad = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/status`, {
      status: 'follow_up',
      version,
    });
    expect(bad.status).toBe(409);
    expect(bad.body).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    const ok = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/status`, {
      status: 'active',
      version,
    });
    expect(ok.body).toMatchObject({ status: 'active', version: version + 1 });
    const stale = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/status`, {
      status: 'closed',
      version,
    });
    expect(stale.body).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('lets only the owner counsellor edit a case, while a supervisor of the hotline can', async () => {
    const { caseId, version } = await createCaseWithPerson(app, counsellor);
    const other = await staffCall(app, colleague, 'PATCH', `/cases/${caseId}`, {
      version,
      riskLevel: 'high',
    });
    expect(other.status).toBe(403);
    const sup = await staffCall(app, supervisor, 'PATCH', `/cases/${caseId}`, {
      version,
      riskLevel: 'high',
    });
    expect(sup.body).toMatchObject({ riskLevel: 'high' });
  });

  it('keeps consent versions and shows the latest as current', async () => {
    const { personId } = await createCaseWithPerson(app, counsellor);
    const give = { scope: 'report_to_police', givenBy: 'self', method: 'verbal_phone' };
    await staffCall(app, counsellor, 'POST', `/people/${personId}/consents`, {
      ...give,
      granted: true,
    });
    await staffCall(app, counsellor, 'POST', `/people/${personId}/consents`, {
      ...give,
      granted: false,
    });
    const list = await staffCall(app, counsellor, 'GET', `/people/${personId}/consents`);
    expect(list.body.current).toEqual([expect.objectContaining({ version: 2, granted: false })]);
    expect(list.body.history).toHaveLength(2);
  });

  it('finds a repeat caller and their cases by number however it is written', async () => {
    const { caseId } = await createCaseWithPerson(app, counsellor, { phone: '+856 20 7777 1234' });
    const lookup = await staffCall(app, colleague, 'POST', '/callers/lookup', {
      phone: '+8562077771234',
    });
    expect(lookup.body.earlierContacts).toEqual([expect.objectContaining({ caseId, noSms: true })]);
    await staffCall(app, supervisor, 'POST', '/callers/flags', {
      phone: '+856 20 7777 1234',
      hotline: '1362',
      kind: 'at_risk',
    });
    const again = await staffCall(app, counsellor, 'POST', '/callers/lookup', {
      phone: '+856-20-7777-1234',
    });
    expect(again.body.flags).toEqual([expect.objectContaining({ kind: 'at_risk' })]);
    const found = await staffCall(app, counsellor, 'POST', '/search/cases', {
      phone: '+8562077771234',
    });
    expect((found.body as unknown as Array<{ id: string }>).map((c) => c.id)).toEqual([caseId]);
  });

  it('searches by case code and status', async () => {
    const { caseId } = await createCaseWithPerson(app, counsellor);
    const view = await staffCall(app, counsellor, 'GET', `/cases/${caseId}`);
    const byCode = await staffCall(app, counsellor, 'POST', '/search/cases', {
      caseCode: view.body.code,
    });
    expect((byCode.body as unknown as Array<{ id: string }>).map((c) => c.id)).toEqual([caseId]);
    const byStatus = await staffCall(app, counsellor, 'POST', '/search/cases', {
      status: 'closed_referred',
    });
    expect(byStatus.body).toEqual([]);
  });

  it('records an offline contact on behalf of a colleague', async () => {
    const staff = await createStaff(stores, { role: 'counsellor' });
    const res = await staffCall(app, counsellor, 'POST', '/contacts', {
      hotline: '1362',
      channel: 'walk_in',
      language: 'lo',
      callerType: 'self',
      contactType: 'information',
      counsellorId: staff.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ counsellorId: staff.id, caseId: null });
  });
});
