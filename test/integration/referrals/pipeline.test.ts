import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import { caseEvents } from '../../../db/schema/cases';
import { referrals } from '../../../db/schema/referrals';
import { deliveries, tickets } from '../../../db/schema/tickets';
import { jobContracts } from '../../../src/jobs/index';
import { openRedis } from '../../../src/infra/redis';
import { dispatchReferral } from '../../../src/modules/referrals/dispatch/dispatch-referral.service';
import { processors } from '../../../workers/processors/index';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  storeReferral,
  webhookReceiver,
  workerDepsFor,
} from '../../fixtures/referrals-world';

let stores: TTestStores;
let deps: TWorkerDeps;
let running: TRunningWorkers;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let shelter: { id: string; secret: string };
let police: { id: string; secret: string };

beforeAll(async () => {
  stores = await createTestStores({ REFERRAL_RETRY_BASE_MS: '50' });
  await seedOrganisations(stores);
  receiver = await webhookReceiver(() => shelter.secret);
  shelter = await insertUnit(stores, { kind: 'shelter', webhookUrl: receiver.url });
  police = await insertUnit(stores, { kind: 'police', organisationKey: 'mps-atd' });
  await insertRule(stores, { need: 'shelter', unitId: shelter.id });
  await insertRule(stores, { need: 'police', unitId: police.id });
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
  await receiver.close();
  await stores.cleanup();
});

const ticketsOf = (referralId: string) =>
  stores.database.db.select().from(tickets).where(eq(tickets.referralId, referralId));

describe('referral pipeline on real BullMQ', () => {
  it('turns a stored request into a ticket and a signed webhook without personal data', async () => {
    const person = await insertCaseWithPerson(stores, { name: 'Noy Phommachanh' });
    const { referralId, enqueued } = await storeReferral(stores, deps.queues, {
      ...person,
      needs: ['shelter'],
    });
    expect(enqueued).toBe(true);
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
    const [hit] = receiver.received;
    expect(hit?.signatureValid).toBe(true);
    expect(hit?.body).not.toContain('Noy');
    const [ticket] = await ticketsOf(referralId);
    expect(ticket).toMatchObject({ unitId: shelter.id, state: 'pending', needs: ['shelter'] });
    expect(JSON.parse(hit?.body ?? '{}')).toMatchObject({
      event: 'ticket.created',
      ticket: { id: ticket?.id },
    });
    await expect
      .poll(
        async () =>
          (
            await stores.database.db
              .select()
              .from(deliveries)
              .where(eq(deliveries.ticketId, ticket?.id ?? ''))
          )
            .map((d) => `${d.channel}:${d.status}`)
            .sort(),
        { timeout: 5000 },
      )
      .toEqual(['portal:delivered', 'webhook:delivered']);
    const timeline = await stores.database.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, person.caseId));
    expect(timeline.map((e) => e.kind)).toContain('referral.requested');
    const audit = await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, referralId))
      .orderBy(auditLog.seq);
    expect(audit.map((a) => a.action)).toEqual(['referral.requested']);
  });

  it('never makes a second ticket for the same referral and unit', async () => {
    const person = await insertCaseWithPerson(stores);
    const { referralId } = await storeReferral(stores, deps.queues, {
      ...person,
      needs: ['shelter'],
    });
    await expect
      .poll(async () => (await ticketsOf(referralId)).length, { timeout: 10_000 })
      .toBe(1);
    await dispatchReferral(deps, referralId, new Date());
    await stores.database.db
      .update(referrals)
      .set({ status: 'stored' })
      .where(eq(referrals.id, referralId));
    await dispatchReferral(deps, referralId, new Date());
    expect(await ticketsOf(referralId)).toHaveLength(1);
  });
});

describe('consent gate (enforced by the worker)', () => {
  const settle = async (referralId: string) => {
    await expect
      .poll(
        async () =>
          (await stores.database.db.select().from(referrals).where(eq(referrals.id, referralId)))[0]
            ?.status,
        { timeout: 10_000 },
      )
      .not.toBe('stored');
    const [row] = await stores.database.db
      .select()
      .from(referrals)
      .where(eq(referrals.id, referralId));
    return { referral: row, tickets: await ticketsOf(referralId) };
  };

  it('keeps an adult without recorded consent away from the police but still shelters them', async () => {
    const person = await insertCaseWithPerson(stores, { age: 30 });
    const { referralId } = await storeReferral(stores, deps.queues, {
      ...person,
      needs: ['shelter', 'police'],
    });
    const result = await settle(referralId);
    expect(result.tickets.map((t) => t.unitId)).toEqual([shelter.id]);
    expect(result.referral?.blockedUnitIds).toEqual([police.id]);
    const audit = await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, referralId))
      .orderBy(auditLog.seq);
    expect(audit.map((a) => a.action)).toEqual(['referral.requested', 'referral.consent_blocked']);
  });

  it('refers an adult to the police once consent is recorded, and a refusal keeps blocking', async () => {
    const given = await insertCaseWithPerson(stores, { age: 30, policeConsent: true });
    const refused = await insertCaseWithPerson(stores, { age: 30, policeConsent: false });
    const a = await settle(
      (await storeReferral(stores, deps.queues, { ...given, needs: ['police'] })).referralId,
    );
    const b = await settle(
      (await storeReferral(stores, deps.queues, { ...refused, needs: ['police'] })).referralId,
    );
    expect(a.tickets.map((t) => t.unitId)).toEqual([police.id]);
    expect(b.tickets).toEqual([]);
    expect(b.referral?.status).toBe('blocked_consent');
  });

  it('always refers a child to the police', async () => {
    const child = await insertCaseWithPerson(stores, { age: 15 });
    const result = await settle(
      (await storeReferral(stores, deps.queues, { ...child, needs: ['police'] })).referralId,
    );
    expect(result.tickets.map((t) => t.unitId)).toEqual([police.id]);
  });

  it('lets imminent danger override with a justification, audited and told to supervisors', async () => {
    const person = await insertCaseWithPerson(stores, { age: 30 });
    const sub = openRedis(stores.config.REDIS_URL as string, 'subscriber');
    const heard: string[] = [];
    await sub.psubscribe(`${stores.config.REDIS_PREFIX}:io*`);
    sub.on('pmessageBuffer', (_p: Buffer, _c: Buffer, message: Buffer) =>
      heard.push(message.toString('latin1')),
    );
    const { referralId } = await storeReferral(stores, deps.queues, {
      ...person,
      needs: ['police'],
      dangerJustification: 'The person is locked in and the trafficker returns tonight',
    });
    const result = await settle(referralId);
    expect(result.tickets.map((t) => t.unitId)).toEqual([police.id]);
    const [created] = result.tickets;
    expect(created).toBeDefined();
    await expect
      .poll(() => heard.some((m) => m.includes('referral:consent-overridden')), { timeout: 5000 })
      .toBe(true);
    expect(heard.join('')).not.toContain('trafficker returns');
    const audit = await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, referralId))
      .orderBy(auditLog.seq);
    expect(audit.map((a) => a.action)).toEqual([
      'referral.requested',
      'referral.consent_overridden',
    ]);
    expect(audit[0]?.data).toMatchObject({ dangerOverride: true });
    sub.disconnect();
  });
});
