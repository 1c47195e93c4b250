import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import { consents } from '../../../db/schema/consent';
import { referralHolds, referrals } from '../../../db/schema/referrals';
import { reconcileOutbox } from '../../../src/modules/referrals/followups/reconcile.service';
import { tickets } from '../../../db/schema/tickets';
import { jobContracts } from '../../../src/jobs/index';
import { openRedis } from '../../../src/infra/redis';
import { enqueueRelease } from '../../../src/modules/referrals/runtime/referral-jobs.provider';
import { releaseHeldReferral } from '../../../src/modules/referrals/holds/release-holds.service';
import { processors } from '../../../workers/processors/index';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs } from '../../fixtures/staff';
import { staffCall } from '../../fixtures/records';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  workerDepsFor,
} from '../../fixtures/referrals-world';

let stores: TTestStores;
let app: FastifyInstance;
let deps: TWorkerDeps;
let running: TRunningWorkers;
let counsellor: string;
let administrator: string;
const units: Record<'shelter' | 'police' | 'labour', string> = {
  shelter: '',
  police: '',
  labour: '',
};

type THoldView = { id: string; unitId: string; status: string; reason: string; scope: string };
type TReferralView = {
  id: string;
  status: string;
  tickets: Array<{ unitId: string }>;
  holds: THoldView[];
};

beforeAll(async () => {
  stores = await createTestStores({ REFERRAL_RETRY_BASE_MS: '50' });
  await seedOrganisations(stores);
  ({ app } = await buildTestApp(stores));
  counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  administrator = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
  for (const kind of ['shelter', 'police', 'labour'] as const) {
    units[kind] = (
      await insertUnit(stores, {
        kind,
        organisationKey: kind === 'police' ? 'mps-atd' : 'lwu-cwpc',
      })
    ).id;
    await insertRule(stores, { need: kind, unitId: units[kind] });
  }
  deps = workerDepsFor(stores);
  running = startWorkers({
    contracts: jobContracts,
    processors,
    connection: openRedis(stores.config.REDIS_URL as string, 'worker'),
    deps,
  });
});
afterAll(async () => {
  await running?.close();
  await deps.queues.close();
  deps.redis.disconnect();
  await app.close();
  await stores.cleanup();
});

const ticketsOf = (referralId: string) =>
  stores.database.db.select().from(tickets).where(eq(tickets.referralId, referralId));
const auditOf = async (referralId: string) =>
  (
    await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, referralId))
      .orderBy(auditLog.seq)
  ).map((a) => ({ action: a.action, data: a.data }));

async function request(
  person: { caseId: string; personId: string },
  needs: string[],
): Promise<string> {
  const res = await staffCall(app, counsellor, 'POST', '/referrals', {
    ...person,
    needs,
    priority: 'urgent',
  });
  expect(res.status).toBe(201);
  return res.body.referralId as string;
}

/** What the desk's referral section reads, once the worker has decided. */
async function deskView(caseId: string, referralId: string): Promise<TReferralView> {
  let found: TReferralView | undefined;
  await expect
    .poll(
      async () => {
        const res = await staffCall(app, counsellor, 'GET', `/referrals?caseId=${caseId}`);
        found = (res.body as unknown as TReferralView[]).find((r) => r.id === referralId);
        return found?.status;
      },
      { timeout: 20_000 },
    )
    .not.toBe('stored');
  return found as TReferralView;
}

const recordConsent = (personId: string, scope: string, givenBy = 'self') =>
  staffCall(app, counsellor, 'POST', `/people/${personId}/consents`, {
    scope,
    granted: true,
    givenBy,
    method: 'verbal_phone',
  });

describe('consent for every partner kind, enforced per partner by the worker', () => {
  it('sends labour and holds the police back for an adult without police consent, and says so', async () => {
    const person = await insertCaseWithPerson(stores, { age: 30 });
    const referralId = await request(person, ['police', 'labour']);
    const view = await deskView(person.caseId, referralId);
    expect(view.status).toBe('dispatched');
    expect(view.tickets.map((t) => t.unitId)).toEqual([units.labour]);
    expect(view.holds).toEqual([
      expect.objectContaining({
        unitId: units.police,
        status: 'held',
        reason: 'consent_missing',
        scope: 'report_to_police',
      }),
    ]);
    expect((await auditOf(referralId)).map((a) => a.action)).toEqual([
      'referral.requested',
      'referral.consent_blocked',
    ]);
  });

  it('holds a shelter back without consent to share; recording it releases it exactly once', async () => {
    const person = await insertCaseWithPerson(stores, { age: 30, shareConsent: false });
    const referralId = await request(person, ['shelter']);
    const held = await deskView(person.caseId, referralId);
    expect(held.status).toBe('blocked_consent');
    expect(held.tickets).toEqual([]);
    expect(held.holds).toEqual([
      expect.objectContaining({ unitId: units.shelter, status: 'held', reason: 'consent_missing' }),
    ]);

    // Consent for another scope releases nothing.
    expect((await recordConsent(person.personId, 'follow_up_contact')).status).toBe(201);
    expect((await recordConsent(person.personId, 'share_with_service_providers')).status).toBe(201);
    await expect
      .poll(async () => (await ticketsOf(referralId)).map((t) => t.unitId), { timeout: 20_000 })
      .toEqual([units.shelter]);
    // The same consent again, a repeated job and a direct re-run: still one ticket.
    await recordConsent(person.personId, 'share_with_service_providers');
    await enqueueRelease(deps.queues, referralId, new Date());
    await releaseHeldReferral(deps, referralId, new Date());
    const after = await deskView(person.caseId, referralId);
    expect(after.status).toBe('dispatched');
    expect(after.holds).toEqual([expect.objectContaining({ status: 'released' })]);
    expect(await ticketsOf(referralId)).toHaveLength(1);
    const released = (await auditOf(referralId)).filter(
      (a) => a.action === 'referral.consent_released',
    );
    expect(released).toEqual([
      {
        action: 'referral.consent_released',
        data: expect.objectContaining({ unitId: units.shelter, basis: 'consent' }),
      },
    ]);
  });

  it("holds a child's shelter until a guardian consents or a best interest is recorded, audited", async () => {
    const child = await insertCaseWithPerson(stores, { age: 15, shareConsent: false });
    const referralId = await request(child, ['shelter']);
    const [hold] = (await deskView(child.caseId, referralId)).holds;
    expect(hold).toMatchObject({ reason: 'guardian_consent_missing', status: 'held' });

    // The child's own consent is not enough.
    await recordConsent(child.personId, 'share_with_service_providers', 'self');
    const override = await staffCall(
      app,
      counsellor,
      'POST',
      `/referrals/holds/${hold?.id}/override`,
      {
        reason: 'best_interest_of_child',
        justification: 'No safe guardian; needs shelter tonight',
      },
    );
    expect(override.status).toBe(202);
    await expect
      .poll(async () => (await ticketsOf(referralId)).length, { timeout: 20_000 })
      .toBe(1);
    const audit = await auditOf(referralId);
    expect(audit.map((a) => a.action)).toEqual([
      'referral.requested',
      'referral.consent_blocked',
      'referral.consent_overridden',
      'referral.consent_released',
    ]);
    expect(audit[2]?.data).toMatchObject({ reason: 'best_interest_of_child', holdId: hold?.id });
    expect(JSON.stringify(audit)).not.toContain('No safe guardian');
    // A second override of a released hold is refused.
    const again = await staffCall(
      app,
      counsellor,
      'POST',
      `/referrals/holds/${hold?.id}/override`,
      { reason: 'imminent_danger', justification: 'Trafficker is at the door now' },
    );
    expect(again.status).toBe(409);
  });

  it('releases a hold whose release job was lost (Redis down at the time), via the reconciler', async () => {
    const person = await insertCaseWithPerson(stores, { age: 30, shareConsent: false });
    const referralId = await request(person, ['shelter']);
    await deskView(person.caseId, referralId);
    // Consent committed with its release request, but no job ever reached Redis.
    const asked = new Date(Date.now() - 60_000);
    await stores.database.db.transaction(async (tx) => {
      await tx.insert(consents).values({
        personId: person.personId,
        scope: 'share_with_service_providers',
        version: 1,
        granted: true,
        givenBy: 'self',
        method: 'verbal_phone',
      });
      await tx
        .update(referralHolds)
        .set({ releaseRequestedAt: asked })
        .where(eq(referralHolds.referralId, referralId));
    });
    await reconcileOutbox(deps, new Date());
    await expect
      .poll(async () => (await ticketsOf(referralId)).map((t) => t.unitId), { timeout: 20_000 })
      .toEqual([units.shelter]);
  });

  it("refuses a child's best interest as the reason for an adult", async () => {
    const adult = await insertCaseWithPerson(stores, { age: 30, shareConsent: false });
    const referralId = await request(adult, ['shelter']);
    const [hold] = (await deskView(adult.caseId, referralId)).holds;
    const res = await staffCall(app, counsellor, 'POST', `/referrals/holds/${hold?.id}/override`, {
      reason: 'best_interest_of_child',
      justification: 'Not a child, so this is refused',
    });
    expect(res.status).toBe(422);
    const [row] = await stores.database.db
      .select()
      .from(referralHolds)
      .where(eq(referralHolds.id, hold?.id ?? ''));
    expect(row).toMatchObject({ status: 'held', overrideReason: null });
  });
});

describe('the consent requirement per partner kind is data administrators change', () => {
  it('lists every kind as seeded, versions a change, audits it, and the worker follows it', async () => {
    const list = await staffCall(app, administrator, 'GET', '/consent-requirements');
    const rows = list.body as unknown as Array<Record<string, unknown>>;
    expect(rows.find((r) => r.partnerKind === 'police')).toMatchObject({
      scope: 'report_to_police',
      childRule: 'always',
      version: 1,
    });
    expect(rows.find((r) => r.partnerKind === 'labour')).toMatchObject({
      scope: 'share_with_service_providers',
      version: 1,
    });
    // Labour needs no consent from now on.
    const changed = await staffCall(app, administrator, 'PUT', '/consent-requirements/labour', {
      scope: null,
      childRule: 'guardian_or_best_interest',
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(
      (changed.body as unknown as Array<Record<string, unknown>>).find(
        (r) => r.partnerKind === 'labour',
      ),
    ).toMatchObject({ scope: null, version: 2 });
    const stale = await staffCall(app, administrator, 'PUT', '/consent-requirements/labour', {
      scope: 'share_with_labour_authority',
      childRule: 'guardian_or_best_interest',
      version: 1,
    });
    expect(stale.status).toBe(409);
    const denied = await staffCall(app, counsellor, 'PUT', '/consent-requirements/labour', {
      scope: null,
      childRule: 'always',
      version: 2,
    });
    expect(denied.status).toBe(403);
    const audit = await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'consent_requirement.changed'));
    expect(audit.map((a) => [a.entityId, a.data])).toEqual([
      ['labour', { version: 2, scope: null, childRule: 'guardian_or_best_interest' }],
    ]);

    const person = await insertCaseWithPerson(stores, { age: 30, shareConsent: false });
    const referralId = await request(person, ['labour']);
    const view = await deskView(person.caseId, referralId);
    expect(view.tickets.map((t) => t.unitId)).toEqual([units.labour]);
    const [referral] = await stores.database.db
      .select()
      .from(referrals)
      .where(eq(referrals.id, referralId));
    expect(referral?.status).toBe('dispatched');
    // Back as it was, so the order of the tests does not matter.
    await staffCall(app, administrator, 'PUT', '/consent-requirements/labour', {
      scope: 'share_with_service_providers',
      childRule: 'guardian_or_best_interest',
      version: 2,
    });
  });
});
