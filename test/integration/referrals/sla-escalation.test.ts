import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { deliveries, ticketEvents, tickets } from '../../../db/schema/tickets';
import { referralHolds } from '../../../db/schema/referrals';
import { ticketSlaTimerJob } from '../../../src/jobs/ticket-sla.job';
import { followUpDispatch } from '../../../src/modules/referrals/followups/dispatch-followups.service';
import { dispatchReferral } from '../../../src/modules/referrals/dispatch/dispatch-referral.service';
import {
  escalateTicket,
  overdueTicketIds,
} from '../../../src/modules/referrals/tickets/escalation.service';
import { changeTicket } from '../../../src/modules/referrals/tickets/ticket-actions.service';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  storeReferral,
  workerDepsFor,
} from '../../fixtures/referrals-world';

let stores: TTestStores;
let deps: TWorkerDeps;
let primary: string;
let alternate: string;
const focalUser = crypto.randomUUID();
const t0 = new Date('2026-11-24T03:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  stores = await createTestStores();
  await seedOrganisations(stores);
  deps = workerDepsFor(stores);
  primary = (
    await insertUnit(stores, {
      smsNumbers: ['+8562055500001'],
      focalPoints: [
        {
          role: 'focal_point',
          staffUserId: focalUser,
          label: 'Focal point',
          smsNumber: '+8562055500002',
        },
        { role: 'manager', staffUserId: null, label: 'Manager', smsNumber: '+8562055500003' },
      ],
    })
  ).id;
  alternate = (await insertUnit(stores, { organisationKey: 'lwu-provincial' })).id;
  await insertRule(stores, { need: 'shelter', unitId: primary, alternateUnitId: alternate });
});
afterAll(async () => {
  await deps.queues.close();
  deps.redis.disconnect();
  await stores.cleanup();
});

async function emergencyTicket() {
  const person = await insertCaseWithPerson(stores);
  const { referralId } = await storeReferral(stores, deps.queues, {
    ...person,
    needs: ['shelter'],
    priority: 'emergency',
  });
  const outcome = await dispatchReferral(deps, referralId, t0);
  const ticket = outcome?.tickets[0];
  if (!outcome || !ticket) throw new Error('no ticket');
  return { outcome, ticket };
}

const levelOf = async (id: string) =>
  (await stores.database.db.select().from(tickets).where(eq(tickets.id, id)))[0]?.escalationLevel;

const sweep = async (now: Date) => {
  for (const id of await overdueTicketIds(deps.db, now)) await escalateTicket(deps, id, null, now);
};

describe('SLA escalation with a controlled clock', () => {
  it('schedules the first escalation as a delayed job keyed by ticket, version and level', async () => {
    const { outcome, ticket } = await emergencyTicket();
    await followUpDispatch(deps, outcome, t0);
    const job = await deps.queues
      .queue(ticketSlaTimerJob.name)
      .getJob(ticketSlaTimerJob.jobId({ ticketId: ticket.id, version: 1, level: 1 }));
    expect(job?.data).toEqual({ ticketId: ticket.id, version: 1, level: 1 });
    expect(job?.opts.delay).toBe(15 * 60_000);
  });

  it('climbs partner unit → focal point and counsellor → manager and supervisor → alternate partner', async () => {
    const { ticket } = await emergencyTicket();
    await sweep(at(14));
    expect(await levelOf(ticket.id)).toBe(0);

    await sweep(at(15));
    expect(await levelOf(ticket.id)).toBe(1);
    const deliveryRows = () =>
      stores.database.db.select().from(deliveries).where(eq(deliveries.ticketId, ticket.id));
    expect(
      (await deliveryRows())
        .filter((d) => d.event === 'ticket.escalated-v1-1')
        .map((d) => `${d.channel}:${d.audience}`)
        .sort(),
    ).toEqual(['portal:unit', 'sms:unit']);

    await sweep(at(30));
    expect(await levelOf(ticket.id)).toBe(2);
    expect(
      (await deliveryRows())
        .filter((d) => d.event === 'ticket.escalated-v1-2')
        .map((d) => d.audience),
    ).toEqual(['focal_point', 'focal_point']);

    await sweep(at(45));
    expect(await levelOf(ticket.id)).toBe(3);
    expect(
      (await deliveryRows())
        .filter((d) => d.event === 'ticket.escalated-v1-3')
        .map((d) => d.audience),
    ).toEqual(['manager', 'manager']);

    await sweep(at(60));
    expect(await levelOf(ticket.id)).toBe(4);
    const replacement = await stores.database.db
      .select()
      .from(tickets)
      .where(eq(tickets.replacesTicketId, ticket.id));
    expect(replacement.map((t) => t.unitId)).toEqual([alternate]);

    await escalateTicket(deps, ticket.id, null, at(600));
    expect(await levelOf(ticket.id)).toBe(4);
    const levels = await stores.database.db
      .select({ data: ticketEvents.data })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.type, 'escalated')));
    expect(levels.map((l) => l.data.level)).toEqual([1, 2, 3, 4]);
  });

  it('holds an alternate partner back when the consent it needs is missing, never silently', async () => {
    const medical = (await insertUnit(stores, { kind: 'health' })).id;
    const police = (await insertUnit(stores, { kind: 'police' })).id;
    await insertRule(stores, { need: 'medical', unitId: medical, alternateUnitId: police });
    // Consent to share with service providers only: the police need their own scope.
    const person = await insertCaseWithPerson(stores);
    const { referralId } = await storeReferral(stores, deps.queues, {
      ...person,
      needs: ['medical'],
      priority: 'emergency',
    });
    const outcome = await dispatchReferral(deps, referralId, t0);
    const ticket = outcome?.tickets[0];
    if (!ticket) throw new Error('no ticket');
    for (const minutes of [15, 30, 45, 60]) await sweep(at(minutes));
    expect(await levelOf(ticket.id)).toBe(4);
    const { db } = stores.database;
    expect(await db.select().from(tickets).where(eq(tickets.replacesTicketId, ticket.id))).toEqual(
      [],
    );
    const held = await db
      .select()
      .from(referralHolds)
      .where(eq(referralHolds.referralId, referralId));
    expect(held).toMatchObject([
      { unitId: police, scope: 'report_to_police', reason: 'consent_missing', status: 'held' },
    ]);
  });

  it('ignores a stale timer once the partner has acted on the ticket', async () => {
    const { ticket } = await emergencyTicket();
    const acted = await changeTicket(
      deps,
      ticket.id,
      { side: 'partner', kind: 'partner', userId: focalUser },
      { kind: 'transition', event: { type: 'acknowledge' } },
      at(5),
    );
    expect(acted.ticket.version).toBe(2);
    expect(await escalateTicket(deps, ticket.id, { version: 1, level: 1 }, at(20))).toBeNull();
    expect(await levelOf(ticket.id)).toBe(0);
    // The decide timer now runs from the acknowledgement (60 min for an emergency).
    expect(await escalateTicket(deps, ticket.id, { version: 2, level: 1 }, at(64))).toBeNull();
    expect((await escalateTicket(deps, ticket.id, { version: 2, level: 1 }, at(65)))?.level).toBe(
      1,
    );
  });
});
