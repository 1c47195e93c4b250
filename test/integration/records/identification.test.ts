import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';

let stores: TTestStores;
let app: FastifyInstance;
let counsellor: string;
let statistician: string;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  statistician = await loginAs(app, await createStaff(stores, { role: 'statistician' }));
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

type TTable = { key: string; rows: Array<{ key: string; cells: unknown[] }> };
const year = new Date().getUTCFullYear();
const national = async () =>
  (await staffCall(app, statistician, 'GET', `/reports/national?period=year&year=${year}`))
    .body as unknown as { tables: TTable[] };
const cell = (tables: TTable[], table: string, row: string) =>
  tables.find((t) => t.key === table)?.rows.find((r) => r.key === row)?.cells;

describe('identifying a victim', () => {
  it('records status, authority and date; audits it, puts it on the timeline, counts it', async () => {
    const { caseId, personId } = await createCaseWithPerson(app, counsellor);
    const before = cell((await national()).tables, 'nationality', 'LA')?.[0] ?? 0;
    const person = await staffCall(app, counsellor, 'GET', `/people/${personId}`);
    const today = new Date().toISOString().slice(0, 10);

    const incomplete = await staffCall(
      app,
      counsellor,
      'PUT',
      `/people/${personId}/identification`,
      {
        victimStatus: 'identified',
        identifiedBy: null,
        identificationDate: today,
        version: person.body.version,
      },
    );
    expect(incomplete.status).toBe(400);
    const denied = await staffCall(app, statistician, 'PUT', `/people/${personId}/identification`, {
      victimStatus: 'identified',
      identifiedBy: 'police',
      identificationDate: today,
      version: person.body.version,
    });
    expect(denied.status).toBe(403);

    const done = await staffCall(app, counsellor, 'PUT', `/people/${personId}/identification`, {
      victimStatus: 'identified',
      identifiedBy: 'lwu',
      identificationDate: today,
      version: person.body.version,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      victimStatus: 'identified',
      identifiedBy: 'lwu',
      identificationDate: today,
    });
    const stale = await staffCall(app, counsellor, 'PUT', `/people/${personId}/identification`, {
      victimStatus: 'presumed',
      identifiedBy: null,
      identificationDate: null,
      version: person.body.version,
    });
    expect(stale.status).toBe(409);

    const audit = await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'person.identification_changed'));
    expect(audit.map((a) => [a.entityId, a.data])).toEqual([
      [
        personId,
        { from: 'possible', to: 'identified', identifiedBy: 'lwu', identificationDate: today },
      ],
    ]);
    const timeline = await staffCall(app, counsellor, 'GET', `/cases/${caseId}/timeline`);
    expect(
      (timeline.body as unknown as Array<{ kind: string; data: unknown }>).find(
        (e) => e.kind === 'person.identification_changed',
      )?.data,
    ).toMatchObject({ to: 'identified', identifiedBy: 'lwu' });

    const after = cell((await national()).tables, 'nationality', 'LA')?.[0];
    expect(after).toBe(Number(before) + 1);
  });

  it('keeps identification out of the ordinary person form', async () => {
    const { personId } = await createCaseWithPerson(app, counsellor);
    const person = await staffCall(app, counsellor, 'GET', `/people/${personId}`);
    const res = await staffCall(app, counsellor, 'PATCH', `/people/${personId}`, {
      version: person.body.version,
      victimStatus: 'identified',
      identificationDate: '2026-01-01',
    });
    const after = await staffCall(app, counsellor, 'GET', `/people/${personId}`);
    // Refused, not quietly dropped: the caller learns identification has its own route.
    expect(res.status).toBe(400);
    expect(after.body).toMatchObject({ victimStatus: 'possible', identificationDate: null });
  });
});
