import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import { caseEvents } from '../../../db/schema/cases';
import { referrals } from '../../../db/schema/referrals';
import { requestReferral } from '../../../src/modules/referrals/request/request-referral.service';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import {
  counsellorActor,
  insertCaseWithPerson,
  seedOrganisations,
  workerDepsFor,
} from '../../fixtures/referrals-world';

// The request half of the outbox, without a worker: what is stored, and what is refused before
// anything is stored.
let stores: TTestStores;
let deps: TWorkerDeps;

beforeAll(async () => {
  stores = await createTestStores();
  await seedOrganisations(stores);
  deps = workerDepsFor(stores);
});
afterAll(async () => {
  await deps?.queues.close();
  deps?.redis.disconnect();
  await stores?.cleanup();
});

const request = (input: { caseId: string; personId: string }, actor = counsellorActor()) =>
  requestReferral(
    { db: stores.database.db, config: stores.config, queues: deps.queues },
    actor,
    { ...input, needs: ['shelter', 'shelter', 'medical'], priority: 'urgent' },
    new Date(),
  );

describe('requesting a referral', () => {
  it('stores the referral with its timeline entry and audit row, and enqueues it', async () => {
    const person = await insertCaseWithPerson(stores);
    const { referralId, enqueued } = await request(person);
    expect(enqueued).toBe(true);
    const [row] = await stores.database.db
      .select()
      .from(referrals)
      .where(eq(referrals.id, referralId));
    expect(row).toMatchObject({
      caseId: person.caseId,
      personId: person.personId,
      hotline: '1362',
      needs: ['shelter', 'medical'],
      priority: 'urgent',
      status: 'stored',
      dangerOverride: false,
    });
    expect(row?.subject).toMatchObject({ sex: 'female', age: 27, isChild: false });
    expect(JSON.stringify(row?.subject)).not.toContain('Noy');
    const timeline = await stores.database.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, person.caseId));
    expect(timeline.map((e) => [e.kind, e.refId])).toContainEqual([
      'referral.requested',
      referralId,
    ]);
    const audit = await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, referralId));
    expect(audit.map((a) => a.action)).toEqual(['referral.requested']);
    const job = await deps.queues.queue('referral-dispatch').getJob(referralId);
    expect(job?.data).toEqual({ referralId });
  });

  it('refuses an unknown case, a person not on the case and a counsellor of another hotline, storing nothing', async () => {
    const person = await insertCaseWithPerson(stores);
    const other = await insertCaseWithPerson(stores);
    await expect(request({ ...person, caseId: randomUUID() })).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    await expect(request({ ...person, personId: other.personId })).rejects.toMatchObject({
      code: 'PERSON_NOT_ON_CASE',
    });
    await expect(request({ ...person, personId: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'PERSON_NOT_ON_CASE',
    });
    await expect(
      request(person, { ...counsellorActor(), hotlines: ['1300'] }),
    ).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' }); // another hotline's case: as if it did not exist
    const stored = await stores.database.db
      .select()
      .from(referrals)
      .where(eq(referrals.caseId, person.caseId));
    expect(stored).toEqual([]);
  });
});
