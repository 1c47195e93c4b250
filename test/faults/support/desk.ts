import { actOnRing } from '../../../src/simulator/endpoints';
import type { TSimulator } from '../../../src/simulator/simulator';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { createStaff, loginAs, type TTestStaff } from '../../fixtures/staff';
import type { TFaultRig } from './fault-rig';

/**
 * A headless counsellor at the desk: signed in, connected to one API node, available, accepting
 * every offer. `moveTo` reconnects to another node, as the browser does after its node died.
 */
export type TDeskCounsellor = {
  staff: TTestStaff;
  client: TCounsellorClient;
  /** Call SIDs whose offers this counsellor accepted. */
  accepted: string[];
  /** Times the connection dropped (node killed or restarted), and snapshots taken after it. */
  link: { drops: number; resyncs: number };
  moveTo: (url: string) => Promise<void>;
  close: () => void;
};

export async function deskCounsellor(
  rig: TFaultRig,
  url: string,
  options: { reconnect?: boolean } = {},
): Promise<TDeskCounsellor> {
  const staff = await createStaff(rig.stores, {
    role: 'counsellor',
    hotlines: ['1362'],
    languages: ['lo', 'en'],
  });
  const cookie = await loginAs(rig.app, staff);
  const origin = new URL(rig.stores.config.PUBLIC_BASE_URL).origin;
  const accepted: string[] = [];
  const link = { drops: 0, resyncs: 0 };
  const join = async (nodeUrl: string) => {
    const client = await connectCounsellor({
      url: nodeUrl,
      cookie,
      origin,
      reconnection: options.reconnect ?? false,
    });
    // Behind a load balancer the socket comes back by itself, on whichever node is alive; the
    // server sends a fresh snapshot on every connect, which is the desk's resync.
    // A desk joining again after a drop (moveTo) took its fresh snapshot before resolving. The
    // snapshot shows the call she is on: an accept whose answer was lost with the old socket
    // still gave her the call, and the resynced desk shows it.
    if (link.drops > 0) link.resyncs++;
    const onCall = client.snapshots.at(-1)?.me?.taskId;
    if (onCall && !accepted.includes(onCall)) accepted.push(onCall);
    client.socket.on('disconnect', () => link.drops++);
    client.socket.on('state:snapshot', () => {
      if (link.drops > 0) link.resyncs++;
    });
    client.socket.on('call:offered', (offer) => {
      void client.socket
        .timeout(5000)
        .emitWithAck('call:accept', { offerId: offer.offerId })
        .then((res) => {
          if ('data' in res) accepted.push(res.data.taskId);
        })
        .catch(() => {});
    });
    try {
      await client.socket.timeout(5000).emitWithAck('presence:set', { state: 'available' });
    } catch (err) {
      // Not at the desk after all (the API could not answer): no socket left behind to take offers.
      client.close();
      throw err;
    }
    return client;
  };
  const desk: TDeskCounsellor = {
    staff,
    client: await join(url),
    accepted,
    link,
    moveTo: async (nodeUrl) => {
      desk.client.close();
      desk.client = await join(nodeUrl);
    },
    close: () => desk.client.close(),
  };
  return desk;
}

/** Answers every softphone the simulator rings (the counsellor's browser picking up). */
export function answerSoftphones(sim: TSimulator): { stop: () => void } {
  const timer = setInterval(() => {
    for (const ring of sim.engine.state.rings.values())
      if (ring.kind === 'softphone' && ring.state === 'ringing')
        actOnRing(sim.engine, ring.id, 'answer');
  }, 50);
  return { stop: () => clearInterval(timer) };
}
