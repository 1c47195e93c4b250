import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/local/free-port';
import { eventually } from '../../fixtures/simulator.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { startApiProcess } from '../support/processes';

// A deploy stops an API node with SIGTERM. Behind a load balancer the node must first say it is
// leaving (/readyz 503 "draining") while it still answers, so the balancer moves new requests
// away before the node closes: a request reaching a closing node would get a 503.
let stores: TTestStores;

beforeAll(async () => {
  stores = await createTestStores({ SHUTDOWN_DRAIN_MS: '1500' });
});
afterAll(() => stores.cleanup());

describe('an API node stopping behind a load balancer', () => {
  it('answers /readyz "draining" while it still serves, then exits', async () => {
    const port = await freePort();
    const api = await startApiProcess(stores.config, port);
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const exited = new Promise<number | null>((r) => api.child.once('exit', (code) => r(code)));
    api.child.kill('SIGTERM');
    let ready: Response | undefined;
    await eventually(async () => {
      ready = await fetch(`${url}/readyz`);
      return ready.status === 503;
    }, 5000);
    expect(await ready?.json()).toMatchObject({ status: 'draining', postgres: true, redis: true });
    // Still serving meanwhile: a request already on its way is answered, not refused.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(await exited).toBe(0);
  }, 60_000);
});
