import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInWithTotp } from './support/sign-in';
import { heardPrompt } from '../fixtures/simulator.fixture';

const NUISANCE = '+8562077712345';

describe('block list administration', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  const verbs = (call: { transcript: Array<{ verb: string; detail?: string }> }) =>
    call.transcript.map((t) => (t.detail ? `${t.verb}:${t.detail}` : t.verb));

  it(
    'a number blocked in the admin screen is turned away on its next call, and can be lifted',
    { timeout: 120_000 },
    async () => {
      const page = await system.browser.newPage({ uiLanguage: 'en' });
      await signInWithTotp(page, system.login('admin'));
      await page.getByRole('link', { name: 'Block list' }).click();
      await page.getByLabel('Phone number').fill(NUISANCE);
      await page.getByLabel('Hotline').selectOption('1362');
      await page.getByLabel('Reason').selectOption({ label: 'Hoax calls' });
      await page.getByRole('button', { name: 'Block this number' }).click();
      await page.getByRole('status').getByText('Number …345 blocked').waitFor();
      const row = page.getByTestId('blocklist').getByRole('row', { name: /…345/ });
      await row.getByText('Hoax calls').waitFor();
      expect(await page.getByTestId('blocklist').textContent()).not.toContain('77712');
      await screenshot(page, 'admin-blocklist-en');
      await page.getByRole('button', { name: 'ລາວ' }).click();
      await page.getByRole('heading', { name: 'ບລັອກເບີໂທ' }).waitFor();
      await screenshot(page, 'admin-blocklist-lo');
      await page.getByRole('button', { name: 'English' }).click();

      const blocked = system.sim.placeCall({ hotline: '1362', from: NUISANCE, digits: ['1'] });
      await expect
        .poll(() => heardPrompt(blocked, '/blocked.wav').length > 0, { timeout: 15_000 })
        .toBe(true);
      expect(verbs(blocked).some((v) => v.startsWith('enqueue'))).toBe(false);

      await page.getByRole('button', { name: 'Lift block on …345' }).click();
      await page.getByRole('status').getByText('Block on …345 lifted').waitFor();
      const again = system.sim.placeCall({ hotline: '1362', from: NUISANCE, digits: ['1'] });
      await expect
        .poll(() => verbs(again).some((v) => v.startsWith('enqueue')), { timeout: 15_000 })
        .toBe(true);
      system.sim.engine.hangup(again);
    },
  );
});
