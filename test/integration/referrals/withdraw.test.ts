import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { tickets } from '../../../db/schema/tickets';
import { jobContracts } from '../../../src/jobs/index';
import { openRedis } from '../../../src/infra/redis';
import { processors } from '../../../workers/processors/index';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { createStaff, loginAs } from '../../fixtures/staff';
import { staffCall } from '../../fixtures/records';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  webhookReceiver,
  workerDepsFor,
} from '../../fixtures/referrals-world';

let stores: TTestStores;
let app: FastifyInstance;
let deps: TWorkerDeps;
let running: TRunningWorkers;
let counsellor: string;
let partner: string;

beforeAll(async () => {
  stores = await createTestStores({ REFERRAL_RETRY_BASE_MS: '100' });
  await seedOrganisations(stores);
  ({ app } = await buildTestApp(stores));
  counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  partner = await loginAs(
    app,
    await createStaff(stores, { role: 'partner_agent', organisationKey: 'molsw-labour' }),
  );
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

describe('withdrawing a referral from the desk', () => {
  it('needs a reason; the ticket is withdrawn, the webhook partner told, the portal shows why', async () => {
    let secret = '';
    const receiver = await webhookReceiver(() => secret);
    try {
      const unit = await insertUnit(stores, {
        kind: 'labour',
        organisationKey: 'molsw-labour',
        webhookUrl: receiver.url,
      });
      secret = unit.secret;
      await insertRule(stores, { need: 'labour', unitId: unit.id });
      const person = await insertCaseWithPerson(stores);
      const requested = await staffCall(app, counsellor, 'POST', '/referrals', {
        ...person,
        needs: ['labour'],
        priority: 'urgent',
      });
      expect(requested.status).toBe(201);
      const referralId = requested.body.referralId as string;
      await expect
        .poll(
          async () =>
            (
              await stores.database.db
                .select()
                .from(tickets)
                .where(eq(tickets.referralId, referralId))
            ).length,
          { timeout: 10_000 },
        )
        .toBe(1);
      const [ticket] = await stores.database.db
        .select()
        .from(tickets)
        .where(eq(tickets.referralId, referralId));
      const ticketId = ticket?.id as string;
      const withdraw = (body: object) =>
        staffCall(app, counsellor, 'POST', `/referrals/tickets/${ticketId}/withdraw`, body);

      expect((await withdraw({})).status).toBe(400);
      expect((await withdraw({ reason: 'other' })).status).toBe(400);
      const done = await withdraw({ reason: 'person_declined' });
      expect(done).toMatchObject({ status: 200, body: { state: 'withdrawn' } });
      expect((await withdraw({ reason: 'duplicate' })).status).toBe(409);

      const desk = await staffCall(app, counsellor, 'GET', `/referrals?caseId=${person.caseId}`);
      expect(JSON.stringify(desk.body)).toContain('"state":"withdrawn"');

      await expect
        .poll(() => receiver.received.map((r) => JSON.parse(r.body).event as string), {
          timeout: 10_000,
        })
        .toContain('ticket.withdrawn');
      const told = receiver.received.find((r) => r.body.includes('ticket.withdrawn'));
      expect(told?.signatureValid).toBe(true);
      expect(JSON.parse(told?.body ?? '{}').ticket.state).toBe('withdrawn');

      const portal = await app.inject({
        method: 'GET',
        url: `/api/partner/tickets/${ticketId}`,
        headers: { cookie: partner },
      });
      const view = portal.json() as {
        state: string;
        events: Array<{ toState: string | null; data: Record<string, unknown> }>;
      };
      expect(view.state).toBe('withdrawn');
      expect(view.events.find((e) => e.toState === 'withdrawn')?.data).toMatchObject({
        reason: 'person_declined',
      });
    } finally {
      await receiver.close();
    }
  });
});
