import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/local/free-port';
import { startLocalRedis } from '../../../scripts/local/local-redis';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { connectCounsellor } from '../../fixtures/counsellor-client';
import { eventually, heard, startTelephonyRig } from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';

// Redis answers the caller's queue entry only after the incoming webhook had to answer Twilio
// without it (its store deadline). The entry, when it lands, may already have reserved a free
// counsellor for the caller: that offer must reach the counsellor, or the caller waits for the
// offer time-out and the counsellor is charged a time-out for an offer they never saw.

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

async function slowRedisRig(dutyMobile: string | null) {
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-redis-slow-'));
  const redis = await startLocalRedis({ dir, port: await freePort() });
  const rig = await startTelephonyRig({
    redisUrl: redis.url,
    overrides: { ROUTING_OFFER_TIMEOUT_MS: '20000', ROUTING_WRAP_UP_MS: '0' },
    seed: ({ database }) =>
      createHotline(database.db, { languages: ['lo'], dutyMobile }).then(() => {}),
  });
  const admin = new Redis(redis.url);
  cleanups.push(async () => {
    admin.disconnect();
    await rig.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const staff = await createStaff(rig.stores, { role: 'counsellor', languages: ['lo'] });
  const counsellor = await connectCounsellor({
    url: rig.baseUrl,
    cookie: await loginAs(rig.app, staff),
    origin: rig.baseUrl,
  });
  cleanups.push(async () => counsellor.close());
  await counsellor.socket.emitWithAck('presence:set', { state: 'available' });
  const queue = waitingQueue(admin, rig.stores.config.REDIS_PREFIX);

  /**
   * Every client of this Redis waits `ms` (its commands are held, then run) as a call rings. Far
   * longer than the webhook's store deadline (833 ms), so a busy machine that is slow to deliver
   * the webhook still sees its entry held past the deadline.
   */
  async function callWhileRedisStalls(ms: number) {
    await admin.call('CLIENT', 'PAUSE', String(ms), 'ALL');
    return rig.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: [] });
  }
  return { rig, staff, admin, counsellor, queue, callWhileRedisStalls };
}

describe('a queue entry Redis answers after the webhook answered', () => {
  it('offers the caller to the counsellor it reserved, long before the offer time-out', async () => {
    const { counsellor, callWhileRedisStalls } = await slowRedisRig(null);
    const call = await callWhileRedisStalls(3000);
    // Twilio got its answer in time: the caller is held in Twilio's queue meanwhile.
    await eventually(() => expect(heard(call, 'enqueue', 'hotline-1362')).toHaveLength(1));
    expect(heard(call, 'application-error')).toHaveLength(0);

    const offer = await counsellor.nextOffer(10_000);
    expect(offer.taskId).toBe(call.sid);
    const accepted = await counsellor.socket.emitWithAck('call:accept', { offerId: offer.offerId });
    expect(accepted).toHaveProperty('data');
  }, 30_000);

  it('takes a caller sent to the duty mobile back out of the queue, and the counsellor stays free', async () => {
    const { rig, staff, counsellor, queue, callWhileRedisStalls } =
      await slowRedisRig('+8562055501362');
    const call = await callWhileRedisStalls(3000);
    const callSid = call.sid;
    const ring = await eventually(() =>
      [...rig.sim.engine.state.rings.values()].find((r) => r.parentCallSid === callSid),
    );
    expect(ring.target).toBe('+8562055501362');
    // Once Redis has run the held entry, the caller is taken out of its queue again (a counsellor
    // who accepted them could never be bridged: they are on the duty mobile)...
    await eventually(() =>
      expect(rig.lifecycle).toContainEqual({
        event: 'caller.left-queue',
        payload: expect.objectContaining({ callSid, result: 'leave' }),
      }),
    );
    expect(await queue.position(callSid, '1362')).toBeNull();
    // ...and the counsellor, never offered them, is free for the next caller.
    expect(counsellor.offers.map((o) => o.taskId)).not.toContain(callSid);
    await eventually(async () =>
      expect((await rig.app.liveRouting.presence.get(staff.id))?.state).toBe('available'),
    );
  }, 30_000);

  it('withdraws the offer of a caller who hangs up while Redis is too slow, and says they left', async () => {
    const { rig, staff, admin, counsellor } = await slowRedisRig(null);
    const call = rig.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: [] });
    const offer = await counsellor.nextOffer(10_000);
    expect(offer.taskId).toBe(call.sid);
    // The caller gives up while the offer rings; the hang-up's removal waits out its deadline.
    await admin.call('CLIENT', 'PAUSE', '3000', 'ALL');
    rig.sim.engine.hangup(call);
    await eventually(() => expect(call.status).toBe('completed'));
    // Once Redis runs the held steps, the desk stops ringing (not at the 20 s offer time-out), and
    // the removal that missed its deadline still announces the caller's departure (queue views,
    // the call's history): it used to be dropped, and its replay said nothing either.
    await eventually(
      () => expect(counsellor.withdrawn.map((w) => w.offerId)).toContain(offer.offerId),
      8_000,
    );
    expect(rig.lifecycle).toContainEqual({
      event: 'caller.left-queue',
      payload: expect.objectContaining({ callSid: call.sid, withdrawn: expect.anything() }),
    });
    await eventually(async () =>
      expect((await rig.app.liveRouting.presence.get(staff.id))?.state).toBe('available'),
    );
  }, 30_000);
});
