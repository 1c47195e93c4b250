import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/local/free-port';
import { eventually } from '../../fixtures/simulator.fixture';
import { startFaultRig, type TFaultRig } from '../support/fault-rig';
import { answerSoftphones, deskCounsellor, type TDeskCounsellor } from '../support/desk';
import { printFigures, settledFigures } from '../support/invariants.checker';
import { startApiProcess, type TChild } from '../support/processes';
import { callsOver, placeCallers } from '../support/scenario';

// Fault: two API nodes share Redis and Postgres; counsellors are connected to both. One node is
// SIGKILLed while calls are live (the load balancer stops sending it webhooks, its counsellors'
// browsers reconnect to the other node). Callers placed after the kill must still reach a
// counsellor through the surviving node, and no call may be lost or left waiting.
let rig: TFaultRig;
let doomed: TChild;
let doomedUrl: string;
let survivorUrl: string;
const desks: TDeskCounsellor[] = [];

beforeAll(async () => {
  rig = await startFaultRig({
    msPerSecond: 20,
    env: { ROUTING_OFFER_TIMEOUT_MS: '1500', ROUTING_SWEEP_MS: '200', ROUTING_WRAP_UP_MS: '0' },
  });
  survivorUrl = `http://127.0.0.1:${(rig.app.server.address() as AddressInfo).port}`;
  const port = await freePort();
  doomed = await startApiProcess(rig.stores.config, port);
  doomedUrl = `http://127.0.0.1:${port}`;
  rig.apiUrls.push(doomedUrl);
}, 90_000);
afterAll(async () => {
  for (const d of desks) d.close();
  await doomed?.kill();
  await rig?.close();
});

describe('fault: an API node killed while counsellors are connected', () => {
  it('lets every caller reach a counsellor through the other node', async () => {
    const phones = answerSoftphones(rig.sim);
    try {
      for (const url of [doomedUrl, doomedUrl, survivorUrl, survivorUrl])
        desks.push(await deskCounsellor(rig, url));
      const accepted = () => desks.flatMap((d) => d.accepted);

      // Calls in progress on both nodes when the kill comes (callers hang up ~6 s after dialling).
      const before = placeCallers(rig, 3, () => 300);
      await eventually(() => before.every((c) => accepted().includes(c.sid)), 20_000);

      rig.apiUrls.splice(rig.apiUrls.indexOf(doomedUrl), 1);
      await doomed.kill();
      const orphaned = desks.filter((_, i) => i < 2);
      await Promise.all(orphaned.map((d) => d.moveTo(survivorUrl)));

      // These callers stay on the line ~12 s: long enough for a counsellor to come free.
      const after = placeCallers(rig, 4, () => 600);
      await eventually(() => after.every((c) => accepted().includes(c.sid)), 30_000).catch(
        (err: unknown) => {
          const missing = after.filter((c) => !accepted().includes(c.sid)).map((c) => c.sid);
          throw new Error(`not reached: ${missing.join(', ')}: ${String(err)}`);
        },
      );

      const placed = [...before, ...after];
      await callsOver(rig, placed);
      // Requests the killed node was serving die with it (no answer: Twilio then asks the
      // fallback URL). They are counted apart; any other failed answer is a problem.
      const cutOff = rig.proxy.answers.filter((a) => a.node === doomedUrl && a.status === 599);
      rig.proxy.answers.splice(
        0,
        rig.proxy.answers.length,
        ...rig.proxy.answers.filter((a) => !cutOff.includes(a)),
      );
      const figures = await settledFigures(rig, 'API node killed, counsellors connected', placed);
      const reached = placed.filter((c) => accepted().includes(c.sid)).length;
      printFigures({ ...figures, reachedCounsellor: reached, cutOffByKill: cutOff.length });
      expect(figures.problems).toEqual([]);
      expect(reached).toBe(placed.length);
      expect(figures.overDeadline).toBe(0);
    } finally {
      phones.stop();
    }
  }, 90_000);
});
