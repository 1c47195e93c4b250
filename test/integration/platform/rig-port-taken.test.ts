import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/local/free-port';
import { createHotline } from '../../fixtures/telephony.fixture';
import {
  eventually,
  heard,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';

// What a parallel test file does between a rig's freePort() and its listen: it takes the port.
const takers: Server[] = [];
async function takeAPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  takers.push(server);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
/** Hands out `taken` at the given turn, free ports otherwise; remembers what it offered. */
function chooserOffering(taken: number, atTurn: number) {
  const offered: number[] = [];
  const choosePort = async () => {
    const port = offered.length === atTurn ? taken : await freePort();
    offered.push(port);
    return port;
  };
  return { offered, choosePort };
}
const listensOn = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });

const rigs: TTelephonyRig[] = [];
afterAll(async () => {
  for (const rig of rigs) await rig.close();
  for (const server of takers) server.close();
});

describe('a test rig whose port another process took meanwhile', () => {
  it.each([
    ['the API', 0],
    ['the simulator', 1],
  ])('starts on new ports when %s port is taken, leaving nothing behind', async (_, turn) => {
    const taken = await takeAPort();
    const { offered, choosePort } = chooserOffering(taken, turn);
    const rig = await startTelephonyRig({
      choosePort,
      seed: ({ database }) => createHotline(database.db).then(() => {}),
    });
    rigs.push(rig);

    // The first attempt was given the taken port, then the rig chose two new ones.
    expect(offered[turn]).toBe(taken);
    expect(offered).toHaveLength(4);
    const [firstApi = 0, , api = 0, sim = 0] = offered;
    expect(rig.baseUrl).toBe(`http://127.0.0.1:${api}`);
    expect(await listensOn(api)).toBe(true);
    expect(await listensOn(sim)).toBe(true);
    // The failed attempt closed the API it had started (when the simulator's port was the one).
    if (firstApi !== taken) expect(await listensOn(firstApi)).toBe(false);

    // And the rig works: a call from the simulator reaches the API's webhooks and is queued.
    const call = rig.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: ['2'] });
    await eventually(() => heard(call, 'request', '/voice/wait').length > 0);
    expect(heard(call, 'application-error')).toHaveLength(0);
  });
});
