import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/local/free-port';
import type { TTicketUpdated } from '../../../src/contracts/referrals-realtime';
import type { TSimCall } from '../../../src/simulator/sim-state';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { insertCaseWithPerson, storeReferral } from '../../fixtures/referrals-world';
import { eventually } from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';
import { startHaproxy, type THaproxy } from '../../support/haproxy';
import { answerSoftphones, deskCounsellor, type TDeskCounsellor } from '../support/desk';
import { startFaultRig, type TFaultRig } from '../support/fault-rig';
import { printFigures, settledFigures, settledReferrals } from '../support/invariants.checker';
import { startApiProcess, startWorkerProcess, type TChild } from '../support/processes';
import { callsOver, placeCallers, sleep } from '../support/scenario';
import { shelterPartner, type TShelterPartner } from '../support/shelter-partner';

// Long fault: production's shape. Three API processes and two worker processes behind Debian's
// HAProxy running deploy/haproxy.cfg; Twilio (the simulator), the counsellors' desks and a
// partner's portal reach the system only through HAProxy. Under a steady flow of callers and
// referrals, one API node is SIGKILLed, another is restarted (SIGTERM, as a deploy does), then
// the killed one comes back. Desks and the partner's socket reconnect by themselves, through
// HAProxy, to whichever node is alive. The rig's in-process node is out of HAProxy's rotation:
// it only signs people in for the test and checks the invariants.
const CALL_EVERY_MS = 700;
const REFERRAL_EVERY_MS = 1500;
// Requests a node was serving when it was SIGKILLed die with it (HAProxy answers 502; Twilio
// would ask the fallback URL). Only answers in this window after the kill may fail.
const KILL_WINDOW_MS = 3000;

let rig: TFaultRig;
let world: TShelterPartner;
let lb: THaproxy;
const apis: Array<{ port: number; process: TChild }> = [];
const workers: TChild[] = [];
const desks: TDeskCounsellor[] = [];
let portal: TCounsellorClient | null = null;
const workerEnv = { FAULT_LOCK_MS: '5000' };

beforeAll(async () => {
  rig = await startFaultRig({
    msPerSecond: 20,
    env: {
      ROUTING_OFFER_TIMEOUT_MS: '1500',
      ROUTING_SWEEP_MS: '200',
      ROUTING_WRAP_UP_MS: '0',
      REFERRAL_RETRY_BASE_MS: '100',
      TRUSTED_PROXIES: '127.0.0.1',
      // Three health checks a second apart take a node out (deploy/haproxy.cfg).
      SHUTDOWN_DRAIN_MS: '3500',
    },
  });
  world = await shelterPartner(rig.stores);
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    apis.push({ port, process: await startApiProcess(rig.stores.config, port) });
  }
  lb = await startHaproxy(apis.map((a) => `127.0.0.1:${a.port}`) as [string, string, string]);
  rig.apiUrls.splice(0, rig.apiUrls.length, lb.url);
  for (let i = 0; i < 2; i++) workers.push(await startWorkerProcess(rig.stores.config, workerEnv));
}, 180_000);
afterAll(async () => {
  for (const d of desks) d.close();
  portal?.close();
  await lb?.stop();
  await Promise.all([...apis.map((a) => a.process.kill()), ...workers.map((w) => w.kill())]);
  await world?.close();
  await rig?.close();
});

/** The partner's portal: a socket through HAProxy hearing ticket pushes, and its inbox list. */
async function partnerPortal() {
  const staff = await createStaff(rig.stores, {
    role: 'partner_agent',
    organisationKey: 'lwu-cwpc',
  });
  const cookie = await loginAs(rig.app, staff);
  const origin = new URL(rig.stores.config.PUBLIC_BASE_URL).origin;
  const client = await connectCounsellor({ url: lb.url, cookie, origin, reconnection: true });
  const pushes: TTicketUpdated[] = [];
  client.socket.on('ticket:updated', (u) => pushes.push(u));
  const inbox = async () => {
    const res = await fetch(`${lb.url}/api/partner/tickets?box=new`, { headers: { cookie } });
    return { status: res.status, ids: res.ok ? ((await res.json()) as Array<{ id: string }>) : [] };
  };
  const act = (ticketId: string) =>
    fetch(`${lb.url}/api/partner/tickets/${ticketId}/actions`, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'acknowledge' }),
    });
  return { client, pushes, inbox, act };
}

describe('long fault: three API nodes and two workers behind HAProxy', () => {
  it('keeps calls, desks and the partner portal working through a kill and a restart', async () => {
    const { deps, partner, unitId } = world;
    const phones = answerSoftphones(rig.sim);
    for (let i = 0; i < 4; i++) desks.push(await deskCounsellor(rig, lb.url, { reconnect: true }));
    const portalSide = await partnerPortal();
    portal = portalSide.client;

    const placed: TSimCall[] = [];
    const referralIds: string[] = [];
    const polls: Array<{ at: number; status: number }> = [];
    const timers = [
      setInterval(() => placed.push(...placeCallers(rig, 1, () => 150)), CALL_EVERY_MS),
      setInterval(() => {
        void insertCaseWithPerson(rig.stores)
          .then((p) => storeReferral(rig.stores, deps.queues, { ...p, needs: ['shelter'] }))
          .then((r) => referralIds.push(r.referralId));
      }, REFERRAL_EVERY_MS),
      // The partner keeps the portal open: its list is fetched through HAProxy all along.
      setInterval(() => {
        void portalSide.inbox().then(
          (r) => polls.push({ at: Date.now(), status: r.status }),
          () => polls.push({ at: Date.now(), status: 599 }),
        );
      }, 500),
    ];
    let killedAt = 0;
    let restartedAt = 0;
    try {
      await sleep(4000);
      const [first, second] = apis as [(typeof apis)[0], (typeof apis)[0]];
      killedAt = Date.now();
      await first.process.kill();
      await sleep(5000);
      restartedAt = Date.now();
      await second.process.stop();
      second.process = await startApiProcess(rig.stores.config, second.port);
      await sleep(4000);
      first.process = await startApiProcess(rig.stores.config, first.port);
      await sleep(4000);
    } finally {
      for (const t of timers) clearInterval(t);
    }
    await callsOver(rig, placed, 120_000);
    phones.stop();

    // Webhooks the killed node was serving die with it, counted apart (Twilio's fallback URL).
    const failed = rig.proxy.answers.filter((a) => a.status >= 500);
    for (const a of failed)
      console.log(
        `[fault] failed webhook ${a.path.split('?')[0]} ${a.status} ${a.error ?? ''} at kill+${a.at - killedAt} ms, restart+${a.at - restartedAt} ms`,
      );
    const cutOff = failed.filter((a) => a.at >= killedAt && a.at <= killedAt + KILL_WINDOW_MS);
    const kept = rig.proxy.answers.filter((a) => !cutOff.includes(a));
    rig.proxy.answers.splice(0, rig.proxy.answers.length, ...kept);
    const calls = await settledFigures(rig, 'HAProxy, 3 API + 2 workers', placed, 30_000);
    const referrals = await settledReferrals(
      rig.stores.database.db,
      referralIds,
      [unitId],
      partner.received,
      60_000,
    );

    // Desks: every one that lost its node came back by itself and got a fresh snapshot; none is
    // left holding an offer.
    const dropped = desks.filter((d) => d.link.drops > 0);
    await eventually(() => desks.every((d) => d.client.socket.connected), 20_000);
    const states = await Promise.all(
      desks.map(async (d) => {
        const res = await d.client.socket.timeout(5000).emitWithAck('state:sync', {});
        return 'data' in res ? res.data.me?.state : 'no snapshot';
      }),
    );

    // The portal: failed list requests only in the instant of the kill; every ticket listed; a
    // change made now is pushed live over the socket that survived two node losses.
    const failedPolls = polls.filter((p) => p.status !== 200);
    const outsideKill = failedPolls.filter((p) => p.at < killedAt || p.at > killedAt + 3000);
    const inbox = await portalSide.inbox();
    const listed = new Set(inbox.ids.map((t) => t.id));
    const ticketIds = (
      await rig.stores.database.sql<Array<{ id: string }>>`
      select id from tickets where referral_id = any(${referralIds})`
    ).map((t) => t.id);
    const lastTicket = ticketIds.at(-1) ?? '';
    const acted = await portalSide.act(lastTicket);
    await eventually(
      () => portalSide.pushes.some((p) => p.ticketId === lastTicket && p.state === 'acknowledged'),
      10_000,
    );

    // A ghost or a lost call: its whole history, to see which webhook went missing.
    for (const sid of calls.problems.map((p) => p.split(':')[0]).filter((p) => p?.startsWith('CA')))
      console.log(
        `[fault] ${sid}`,
        JSON.stringify(
          await rig.stores.database.sql`
            select kind, call_status, payload->>'QueueResult' as result, received_at from call_events
            where call_sid = ${sid ?? ''} order by id`,
        ),
      );
    printFigures({
      ...calls,
      referrals: referrals.referrals,
      referralsLost: referrals.lost,
      referralsDuplicated: referrals.duplicated,
      cutOffByKill: cutOff.length,
      desksDropped: dropped.length,
      desksResynced: dropped.filter((d) => d.link.resyncs > 0).length,
      portalPolls: polls.length,
      portalPollsFailedInKill: failedPolls.length - outsideKill.length,
      reachedCounsellor: placed.filter((c) => desks.some((d) => d.accepted.includes(c.sid))).length,
    });
    expect(calls.problems).toEqual([]);
    expect(calls.overDeadline).toBe(0);
    expect(referrals.problems).toEqual([]);
    expect(placed.length).toBeGreaterThan(20);
    expect(referralIds.length).toBeGreaterThan(8);
    // Round robin put desks on the killed and on the restarted node.
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((d) => d.link.resyncs > 0)).toBe(true);
    expect(states.filter((s) => s === 'offered' || s === 'no snapshot')).toEqual([]);
    expect(outsideKill).toEqual([]);
    expect(ticketIds.filter((id) => !listed.has(id))).toEqual([]);
    expect(acted.status).toBe(200);
  });
});
