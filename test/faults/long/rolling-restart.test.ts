import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/local/free-port';
import type { TSimCall } from '../../../src/simulator/sim-state';
import { insertCaseWithPerson, storeReferral } from '../../fixtures/referrals-world';
import { answerSoftphones, deskCounsellor, type TDeskCounsellor } from '../support/desk';
import { startFaultRig, type TFaultRig } from '../support/fault-rig';
import { printFigures, settledFigures, settledReferrals } from '../support/invariants.checker';
import { startApiProcess, startWorkerProcess, type TChild } from '../support/processes';
import { callsOver, placeCallers, sleep } from '../support/scenario';
import { shelterPartner, type TShelterPartner } from '../support/shelter-partner';

// Long fault: a rolling restart under load. Callers arrive every CALL_EVERY_MS and referrals
// every REFERRAL_EVERY_MS while each API process and then each worker process is stopped
// (SIGTERM, as a deploy does), started again on the new code, and put back. The load balancer
// (the proxy) takes a node out before it stops; its counsellors reconnect elsewhere. The
// in-process API node stays up throughout (it is the rig's measuring point).
const CALL_EVERY_MS = 700;
const REFERRAL_EVERY_MS = 1500;
let rig: TFaultRig;
let world: TShelterPartner;
const apis: Array<{ url: string; port: number; process: TChild }> = [];
const workers: TChild[] = [];
const desks: TDeskCounsellor[] = [];
const workerEnv = { FAULT_LOCK_MS: '5000' };

beforeAll(async () => {
  rig = await startFaultRig({
    msPerSecond: 20,
    env: {
      ROUTING_OFFER_TIMEOUT_MS: '1500',
      ROUTING_SWEEP_MS: '200',
      ROUTING_WRAP_UP_MS: '0',
      REFERRAL_RETRY_BASE_MS: '100',
    },
  });
  world = await shelterPartner(rig.stores);
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    apis.push({ url, port, process: await startApiProcess(rig.stores.config, port) });
    rig.apiUrls.push(url);
  }
  for (let i = 0; i < 2; i++) workers.push(await startWorkerProcess(rig.stores.config, workerEnv));
}, 180_000);
afterAll(async () => {
  for (const d of desks) d.close();
  await Promise.all([...apis.map((a) => a.process.kill()), ...workers.map((w) => w.kill())]);
  await world?.close();
  await rig?.close();
});

describe('long fault: rolling restart of API and workers under load', () => {
  it('loses and doubles no call and no referral', async () => {
    const { deps, partner, unitId } = world;
    const phones = answerSoftphones(rig.sim);
    const inProcessUrl = `http://127.0.0.1:${(rig.app.server.address() as AddressInfo).port}`;
    const homes = [apis[0]?.url, apis[1]?.url, inProcessUrl, inProcessUrl] as string[];
    for (const url of homes) desks.push(await deskCounsellor(rig, url));

    const placed: TSimCall[] = [];
    const referralIds: string[] = [];
    const callTimer = setInterval(
      () => placed.push(...placeCallers(rig, 1, () => 150)),
      CALL_EVERY_MS,
    );
    const referralTimer = setInterval(() => {
      void insertCaseWithPerson(rig.stores)
        .then((p) => storeReferral(rig.stores, deps.queues, { ...p, needs: ['shelter'] }))
        .then((r) => referralIds.push(r.referralId));
    }, REFERRAL_EVERY_MS);
    try {
      await sleep(5000);
      for (const api of apis) {
        rig.apiUrls.splice(rig.apiUrls.indexOf(api.url), 1);
        const moved = desks.filter((_, i) => homes[i] === api.url);
        await Promise.all(moved.map((d) => d.moveTo(inProcessUrl)));
        await api.process.stop();
        api.process = await startApiProcess(rig.stores.config, api.port);
        rig.apiUrls.push(api.url);
        await Promise.all(moved.map((d) => d.moveTo(api.url)));
        await sleep(3000);
      }
      for (let i = 0; i < workers.length; i++) {
        await workers[i]?.stop();
        workers[i] = await startWorkerProcess(rig.stores.config, workerEnv);
        await sleep(3000);
      }
    } finally {
      clearInterval(callTimer);
      clearInterval(referralTimer);
    }
    await callsOver(rig, placed, 120_000);
    phones.stop();
    const calls = await settledFigures(
      rig,
      'rolling restart, 2 API + 2 worker processes',
      placed,
      30_000,
    );
    const referrals = await settledReferrals(
      rig.stores.database.db,
      referralIds,
      [unitId],
      partner.received,
      60_000,
    );
    printFigures({
      ...calls,
      referrals: referrals.referrals,
      referralsLost: referrals.lost,
      referralsDuplicated: referrals.duplicated,
      reachedCounsellor: placed.filter((c) => desks.some((d) => d.accepted.includes(c.sid))).length,
    });
    expect(calls.problems).toEqual([]);
    expect(referrals.problems).toEqual([]);
    expect(calls.overDeadline).toBe(0);
    expect(placed.length).toBeGreaterThan(20);
  });
});
