import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialFormDefinitions } from '../../../src/contracts/victim-profile';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;
let counsellor: string;
let admin: string;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  await createHotline(stores.database.db, { number: '1512', phoneNumber: '+85621151200' });
  counsellor = await loginAs(
    app,
    await createStaff(stores, { role: 'counsellor', hotlines: ['1362', '1512'] }),
  );
  admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

const profile = {
  role: 'victim',
  sex: 'female',
  ageAtIdentification: 19,
  nationalities: ['LA'],
  exploitationForms: ['forced_labour'],
  recruitmentMethod: 'job_offer',
  recruiterRelation: 'friend',
  meansOfControl: ['debt_bondage', 'withholds_documents'],
  labourSector: 'manufacturing',
  stageLocations: [
    { stage: 'recruitment', kind: 'province', code: 'LA-SV' },
    { stage: 'transit', kind: 'country', code: 'TH' },
    { stage: 'exploitation', kind: 'country', code: 'MY' },
  ],
  transportModes: ['road', 'boat'],
  borderCrossing: 'unofficial',
  travelDocuments: ['passport'],
  documentsHeldByOthers: true,
  exploitationStartedOn: '2023-03-01',
  exploitationEndedOn: '2025-06-30',
  employer: 'Golden Thread Garments Sdn Bhd',
  wagesOwedAmount: 4500,
  wagesOwedCurrency: 'MYR',
};

describe('the whole victim profile', () => {
  it('stores the HTCDS profile, keeps the employer encrypted and audits the change', async () => {
    const { caseId } = await createCaseWithPerson(app, counsellor, { hotline: '1512' });
    const created = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/people`, profile);
    expect(created.status).toBe(201);
    const { role: _role, ...stored } = profile;
    expect(created.body).toMatchObject(stored);
    // 19 now, exploited since early 2023: a child when it began.
    expect(created.body.under18AtExploitation).toBe(true);

    const [row] = await stores.database.sql<Array<{ employer_enc: string }>>`
      select employer_enc from people where id = ${created.body.id as string}`;
    expect(row?.employer_enc).toBeTruthy();
    expect(row?.employer_enc).not.toContain('Golden');

    const changed = await staffCall(app, counsellor, 'PATCH', `/people/${created.body.id}`, {
      version: created.body.version,
      wagesOwedAmount: 6000,
      schoolStatus: 'dropped_out',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ wagesOwedAmount: 6000, schoolStatus: 'dropped_out' });
    const audits = await stores.database.sql<Array<{ data: { fields: string[] } }>>`
      select data from audit_log where action = 'person.updated' and entity_id = ${created.body.id as string}`;
    expect(audits[0]?.data.fields.sort()).toEqual(['schoolStatus', 'wagesOwedAmount']);
  });

  it('refuses codes that are not on the reference lists, not only wrong shapes', async () => {
    const { caseId } = await createCaseWithPerson(app, counsellor);
    const wrong: Array<[string, unknown]> = [
      ['nationalities', ['XX']],
      ['nationalities', ['ZZ']],
      ['meansOfControl', ['slavery']],
      ['meansOfControl', ['threats', 'threats']],
      ['recruitmentMethod', 'telepathy'],
      ['labourSector', 'casino'],
      ['stageLocations', [{ stage: 'exploitation', kind: 'country', code: 'QQ' }]],
      ['stageLocations', [{ stage: 'recruitment', kind: 'province', code: 'LA-ZZ' }]],
      ['exploitationForms', ['slavery']],
      ['wagesOwedCurrency', 'BTC'],
      ['exploitationEndedOn', '2020-01-01'],
    ];
    for (const [field, value] of wrong) {
      const res = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/people`, {
        role: 'victim',
        exploitationStartedOn: '2024-01-01',
        [field]: value,
      });
      expect({ field, value, status: res.status }).toEqual({ field, value, status: 400 });
      expect((res.body.error as { code: string }).code).toBe('VALIDATION_FAILED');
    }
    const contact = await staffCall(app, counsellor, 'POST', '/contacts', {
      hotline: '1362',
      channel: 'call',
      language: 'lo',
      callerType: 'self',
      contactType: 'crisis',
      contactReasons: ['boredom'],
    });
    expect(contact.status).toBe(400);
  });
});

describe('per-hotline form definitions', () => {
  it('gives each hotline its own sections, and records keep the version they were entered with', async () => {
    const labour = await staffCall(app, counsellor, 'GET', '/form-definitions/1512');
    expect(labour.status).toBe(200);
    expect(labour.body.version).toBeNull();
    expect(labour.body.definition).toEqual(initialFormDefinitions['1512']);

    // The administrator publishes version 1, then version 2 without the documents section.
    const v1 = await staffCall(app, admin, 'POST', '/form-definitions/1512', {
      definition: initialFormDefinitions['1512'],
    });
    expect(v1.status).toBe(201);
    expect(v1.body.version).toBe(1);
    const { caseId } = await createCaseWithPerson(app, counsellor, { hotline: '1512' });
    const first = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/people`, {
      role: 'victim',
      formVersion: 1,
    });
    const v2definition = {
      ...initialFormDefinitions['1512'],
      person: initialFormDefinitions['1512']?.person.filter((s) => s.key !== 'documents'),
    };
    const v2 = await staffCall(app, admin, 'POST', '/form-definitions/1512', {
      definition: v2definition,
    });
    expect(v2.body.version).toBe(2);
    const now = await staffCall(app, counsellor, 'GET', '/form-definitions/1512');
    expect(now.body).toMatchObject({ version: 2, definition: v2definition });

    const second = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/people`, {
      role: 'victim',
    });
    expect(first.body.formVersion).toBe(1);
    expect(second.body.formVersion).toBe(2);
    const reread = await staffCall(app, counsellor, 'GET', `/people/${first.body.id}`);
    expect(reread.body.formVersion).toBe(1);

    const unknown = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/people`, {
      role: 'victim',
      formVersion: 9,
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body.error as { code: string }).code).toBe('FORM_VERSION_UNKNOWN');

    const contact = await staffCall(app, counsellor, 'POST', '/contacts', {
      hotline: '1512',
      channel: 'call',
      language: 'lo',
      callerType: 'self',
      contactType: 'crisis',
    });
    expect(contact.body.formVersion).toBe(2);

    const audit = await stores.database.sql<Array<{ data: { version: number } }>>`
      select data from audit_log where action = 'hotline.form_published' and entity_id = '1512'
      order by seq`;
    expect(audit.map((a) => a.data.version)).toEqual([1, 2]);
  });

  it('refuses a definition naming an unknown field, and hides other hotlines from a counsellor', async () => {
    const bad = await staffCall(app, admin, 'POST', '/form-definitions/1512', {
      definition: { person: [{ key: 'labour', fields: ['shoeSize'] }], contact: [] },
    });
    expect(bad.status).toBe(400);
    const denied = await staffCall(app, counsellor, 'POST', '/form-definitions/1512', {
      definition: initialFormDefinitions['1512'],
    });
    expect(denied.status).toBe(403);
    const other = await staffCall(app, counsellor, 'GET', '/form-definitions/1554');
    expect(other.status).toBe(404);
  });

  it('records the CHI reasons for contact on the contact', async () => {
    const contact = await staffCall(app, counsellor, 'POST', '/contacts', {
      hotline: '1362',
      channel: 'call',
      language: 'lo',
      callerType: 'self',
      contactType: 'crisis',
      contactReasons: ['family_relationships', 'mental_health'],
    });
    expect(contact.status).toBe(201);
    expect(contact.body.contactReasons).toEqual(['family_relationships', 'mental_health']);
  });
});
