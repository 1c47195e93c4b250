import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { openRedis } from '../../../src/infra/redis';
import { presenceRepository } from '../../../src/modules/routing/presence/presence.repository';
import { queueViews } from '../../../src/modules/routing/queue-view.repository';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { routingKeyspace } from '../../../src/modules/routing/routing.keys';
import type { TSimCall } from '../../../src/simulator/sim-state';
import { eventually } from '../../fixtures/simulator.fixture';
import type { TRedisTopology } from '../../support/redis-topology';
import { answerSoftphones, deskCounsellor, type TDeskCounsellor } from './desk';
import type { TFaultRig } from './fault-rig';
import { insertCaseWithPerson, storeReferral } from '../../fixtures/referrals-world';
import {
  printFigures,
  settledFigures,
  slowWebhooks,
  settledReferrals,
  type TReferralFigures,
} from './invariants.checker';
import { startWorkerProcess } from './processes';
import { callsOver, placeCallers, sleep } from './scenario';
import { shelterPartner } from './shelter-partner';

/** Fast offers and no wrap-up, so a surge settles within the scenario. */
export const FAILOVER_ENV = {
  ROUTING_OFFER_TIMEOUT_MS: '1500',
  ROUTING_SWEEP_MS: '200',
  ROUTING_WRAP_UP_MS: '0',
  REFERRAL_RETRY_BASE_MS: '100',
  // The outbox reconciler runs every 2 s, so a referral whose enqueue failed goes out within it.
  REFERRAL_SWEEP_MS: '2000',
};

/** A counsellor refers someone to the shelter this often, before, during and after the kill. */
const REFERRAL_EVERY_MS = 1000;

const COUNSELLORS = 4;
/** Callers wait up to 60 s (3,000 simulated seconds at 20 ms each): past any failover. */
const STAY = () => 3000;
/** A counsellor's conversation: the caller hangs up this long after the accept. */
const TALK_MS = 1500;

export type TFailoverOutcome = {
  figures: Awaited<ReturnType<typeof settledFigures>>;
  /** Referrals stored while the master died: each delivered to the shelter exactly once. */
  referrals: TReferralFigures;
  placed: TSimCall[];
  /** Callers waiting in Redis when the master died, and those who dialled after the failover. */
  mustAnswer: TSimCall[];
  /** How many times each placed call was accepted by a counsellor. */
  acceptedTimes: Map<string, number>;
  /** Counsellors still holding an offer, and offers still open, once every call is over. */
  stillOffered: string[];
  openOffers: number;
  killedPort: number;
  newMasterPort: number;
  interruptedMs: number;
  /** The desk whose socket dropped at the kill: connected again, and snapshots it took since. */
  droppedDeskBack: { connected: boolean; resyncs: number };
};

/**
 * A surge of callers on 1362 with ten counsellors at their desks; the master holding the
 * hotline's queue (the routing hash slot) is SIGKILLed while callers keep arriving. Routing is
 * probed every 50 ms by the queue view (a script on that slot) to time the interruption.
 */
export async function surgeThroughFailover(
  rig: TFaultRig,
  topology: TRedisTopology,
  label: string,
): Promise<TFailoverOutcome> {
  const apiUrl = `http://127.0.0.1:${(rig.app.server.address() as AddressInfo).port}`;
  const desks: TDeskCounsellor[] = [];
  const phones = answerSoftphones(rig.sim);
  const probeRedis = openRedis(topology.url);
  probeRedis.on('error', () => {});
  const prefix = rig.stores.config.REDIS_PREFIX;
  const views = queueViews(probeRedis, prefix);
  // Each answered probe: when it was asked and when it answered. Only a probe asked after the
  // kill shows routing back: one already in flight may still be answered by the dying master.
  const successes: Array<{ askedAt: number; answeredAt: number }> = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const askedAt = Date.now();
      try {
        await views.view('1362', askedAt);
        successes.push({ askedAt, answeredAt: Date.now() });
      } catch {
        // routing's slot has no master yet
      }
      await sleep(50);
    }
  })();
  // Stopped however the scenario ends, so a failed run leaves no timer rejoining closed desks.
  let talks: NodeJS.Timeout | undefined;
  let rejoin: NodeJS.Timeout | undefined;
  let referring: NodeJS.Timeout | undefined;
  // Referrals go out through a worker process on the same topology (BullMQ and the outbox).
  const world = await shelterPartner(rig.stores);
  const worker = await startWorkerProcess(rig.stores.config, { FAULT_LOCK_MS: '5000' });
  const referralIds: string[] = [];
  let referralsRefused = 0;
  try {
    for (let i = 0; i < COUNSELLORS; i++) desks.push(await deskCounsellor(rig, apiUrl));
    const accepted = () => desks.flatMap((d) => d.accepted);

    // Every answered call ends after a short talk, freeing its counsellor for the next caller.
    const byId = new Map<string, TSimCall>();
    const ended = new Set<string>();
    talks = setInterval(() => {
      for (const sid of accepted()) {
        const call = byId.get(sid);
        if (!call || ended.has(sid)) continue;
        ended.add(sid);
        setTimeout(() => rig.sim.engine.hangup(call), TALK_MS);
      }
    }, 100);
    // A desk whose socket the API closed while Redis had no master reconnects, as the browser
    // does (and resyncs from the state snapshot).
    let rejoining = false;
    rejoin = setInterval(() => {
      if (rejoining) return;
      const dropped = desks.filter((d) => !d.client.socket.connected);
      if (!dropped.length) return;
      rejoining = true;
      void Promise.allSettled(dropped.map((d) => d.moveTo(apiUrl))).finally(() => {
        rejoining = false;
      });
    }, 500);
    const place = (n: number) => {
      const calls = placeCallers(rig, n, STAY);
      for (const c of calls) byId.set(c.sid, c);
      return calls;
    };

    // Referrals are stored in Postgres and queued in Redis: one stored while the master is dead
    // must still reach the shelter, once (its enqueue is retried from the outbox).
    referring = setInterval(() => {
      void insertCaseWithPerson(rig.stores)
        .then((p) => storeReferral(rig.stores, world.deps.queues, { ...p, needs: ['shelter'] }))
        .then(
          (r) => referralIds.push(r.referralId),
          () => referralsRefused++,
        );
    }, REFERRAL_EVERY_MS);

    // The surge: more callers than counsellors, so a queue builds up in Redis.
    const queued = place(12);
    const queue = waitingQueue(probeRedis, prefix);
    await eventually(async () => {
      const places = await Promise.all(queued.map((c) => queue.position(c.sid, '1362')));
      return accepted().length >= 2 && places.filter((p) => p !== null).length >= 6;
    }, 30_000);

    const killedPort = await topology.masterOf(`${routingKeyspace(prefix)}:queue:1362`);
    const killedAt = Date.now();
    topology.kill(killedPort);
    // One desk loses its socket as the master dies (its browser's network blinked): it must get
    // back in, through a handshake that needs Redis, and resync from a fresh snapshot.
    const droppedDesk = desks[0] as TDeskCounsellor;
    droppedDesk.client.close();
    // Callers dialling while the slot has no master are held in Twilio's queue (the designed
    // fallback): they must not be lost, but need not reach a counsellor.
    const duringFailover = place(3);
    const backAt = () => successes.find((s) => s.askedAt > killedAt)?.answeredAt;
    await eventually(() => backAt() !== undefined, 60_000);
    const interruptedMs = (backAt() ?? Date.now()) - killedAt;
    const afterFailover = place(4);
    // A few more referrals after the failover, then none.
    await sleep(3 * REFERRAL_EVERY_MS);
    clearInterval(referring);

    const mustAnswer = [...queued, ...afterFailover];
    const placed = [...mustAnswer, ...duringFailover];
    await eventually(() => mustAnswer.every((c) => accepted().includes(c.sid)), 90_000).catch(
      async (err: unknown) => {
        const missing = mustAnswer.filter((c) => !accepted().includes(c.sid)).map((c) => c.sid);
        await printFailoverDiagnosis(rig, desks, presenceRepository(probeRedis, prefix));
        for (const sid of missing) {
          const call = byId.get(sid);
          console.log(
            `[failover diagnosis] ${sid} sim=${call?.status} queued=${await queue.position(sid, '1362').catch(String)} caller=${JSON.stringify(await probeRedis.hgetall(`${routingKeyspace(prefix)}:caller:${sid}`).catch(String))} events=${JSON.stringify(rig.logs.lines.filter((l) => l.includes(sid)).map((l) => /"msg":"([^"]*)"/.exec(l)?.[1]))}`,
          );
        }
        throw new Error(`not answered: ${missing.join(', ')}: ${String(err)}`);
      },
    );
    await eventually(() => droppedDesk.client.socket.connected, 30_000).catch(() => {});
    clearInterval(talks);
    clearInterval(rejoin);
    const droppedDeskBack = {
      connected: droppedDesk.client.socket.connected,
      resyncs: droppedDesk.link.resyncs,
    };
    const newMasterPort = await topology.masterOf(`${routingKeyspace(prefix)}:queue:1362`);

    for (const call of placed) rig.sim.engine.hangup(call);
    await callsOver(rig, placed, 60_000);
    const figures = await settledFigures(rig, label, placed, 30_000);
    const referrals = await settledReferrals(
      rig.stores.database.db,
      referralIds,
      [world.unitId],
      world.partner.received,
      60_000,
    );
    const acceptedTimes = new Map<string, number>();
    for (const sid of accepted()) acceptedTimes.set(sid, (acceptedTimes.get(sid) ?? 0) + 1);

    // Offers end by accept, reject or time-out: none may outlive the calls.
    const presence = presenceRepository(probeRedis, prefix);
    const offersKey = `${routingKeyspace(prefix)}:offers`;
    let stillOffered: string[] = [];
    let openOffers = 0;
    await eventually(async () => {
      stillOffered = (await presence.list((r) => r.state === 'offered')).map((r) => r.userId);
      openOffers = await probeRedis.zcard(offersKey);
      return stillOffered.length === 0 && openOffers === 0;
    }, 15_000).catch(() => {});

    printFigures({
      ...figures,
      failoverInterruptedRoutingMs: interruptedMs,
      answered: new Set(accepted()).size,
      killedMaster: killedPort,
      newMaster: newMasterPort,
      droppedDeskResyncs: droppedDeskBack.resyncs,
      referrals: referrals.referrals,
      referralsLost: referrals.lost,
      referralsDuplicated: referrals.duplicated,
      referralsRefused,
      apiErrorsLogged: rig.logs.lines.filter((l) => l.includes('"level":50')).length,
    });
    // What failed inside the API while the master was gone (each retried or covered by a sweep).
    const failed = rig.logs.lines.filter((l) => l.includes('"level":50'));
    const what = new Set(failed.map((l) => /"msg":"([^"]*)"/.exec(l)?.[1] ?? '?'));
    console.log(`[fault] API errors logged during the failover: ${[...what].join(' | ')}`);
    const late = slowWebhooks(rig.logs.lines, rig.stores.config.WEBHOOK_DEADLINE_MS);
    console.log(`[fault] webhooks answered after the deadline: ${late.join(', ')}`);
    return {
      figures,
      referrals,
      placed,
      mustAnswer,
      acceptedTimes,
      stillOffered,
      openOffers,
      killedPort,
      newMasterPort,
      interruptedMs,
      droppedDeskBack,
    };
  } finally {
    clearInterval(talks);
    clearInterval(rejoin);
    clearInterval(referring);
    await worker.kill();
    await world.close();
    probing = false;
    await probe;
    phones.stop();
    for (const d of desks) d.close();
    probeRedis.disconnect();
  }
}

/** What the API logged at warn or above, and each desk's state: why nobody was answered. */
async function printFailoverDiagnosis(
  rig: TFaultRig,
  desks: TDeskCounsellor[],
  presence: ReturnType<typeof presenceRepository>,
): Promise<void> {
  const serious = rig.logs.lines.filter((l) => /"level":(4|5|6)\d/.test(l));
  console.log(`[failover diagnosis] ${serious.length} warn+ lines; last 40:`);
  for (const line of serious.slice(-40)) {
    const entry = JSON.parse(line) as { time: number; msg?: string; err?: { message?: string } };
    console.log(
      `[failover diagnosis] ${entry.time} ${entry.msg ?? ''}: ${entry.err?.message ?? ''}`,
    );
  }
  for (const d of desks) {
    console.log(
      `[failover diagnosis] desk ${d.staff.id} connected=${d.client.socket.connected} accepted=${d.accepted.length} resyncs=${d.link.resyncs}`,
    );
  }
  const records = await presence.list(() => true).catch((err: unknown) => String(err));
  console.log(`[failover diagnosis] presence in Redis: ${JSON.stringify(records)}`);
}

/**
 * What a failover must leave, whatever the topology: a new master, no call lost or left waiting,
 * every caller who had to be answered accepted exactly once, nobody accepted twice, no
 * counsellor or offer left hanging, and a desk that lost its socket during the failover back in
 * with a fresh snapshot.
 */
export function expectSurvivedFailover(outcome: TFailoverOutcome): void {
  expect(outcome.newMasterPort).not.toBe(outcome.killedPort);
  expect(outcome.figures.problems).toEqual([]);
  expect(outcome.referrals.problems).toEqual([]);
  expect(outcome.referrals.referrals).toBeGreaterThan(5);
  expect(outcome.mustAnswer.map((c) => outcome.acceptedTimes.get(c.sid) ?? 0)).toEqual(
    outcome.mustAnswer.map(() => 1),
  );
  expect([...outcome.acceptedTimes.values()].every((times) => times === 1)).toBe(true);
  expect(outcome.stillOffered).toEqual([]);
  expect(outcome.openOffers).toBe(0);
  expect(outcome.droppedDeskBack.connected).toBe(true);
  expect(outcome.droppedDeskBack.resyncs).toBeGreaterThanOrEqual(1);
}
