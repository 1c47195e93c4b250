import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/local/free-port';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';

// A parallel test file took the API's port between the rig's freePort() and its listen (as
// once failed the desk-identification set-up with EADDRINUSE): the system starts on new ports.
describe('starting the browser-test system when its port was taken meanwhile', () => {
  let system: TE2eSystem | undefined;
  let taker: Server | undefined;
  afterAll(async () => {
    await system?.stop();
    taker?.close();
  });

  it('starts on another port and serves the Lao sign-in page there', async () => {
    taker = createServer();
    await new Promise<void>((resolve) => taker?.listen(0, '127.0.0.1', resolve));
    const address = taker.address();
    const taken = typeof address === 'object' && address ? address.port : 0;
    const offered: number[] = [];
    system = await startE2eSystem({
      choosePort: async () => {
        const port = offered.length === 0 ? taken : await freePort();
        offered.push(port);
        return port;
      },
    });
    expect(offered[0]).toBe(taken);
    expect(system.baseURL).toBe(`http://127.0.0.1:${offered[2]}`);

    const page = await system.browser.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'ເຂົ້າສູ່ລະບົບ' }).waitFor();
    expect(new URL(page.url()).port).toBe(String(offered[2]));
    await screenshot(page, 'system-port-taken-lo');
  }, 180_000);
});
