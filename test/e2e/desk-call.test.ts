import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshotBoth } from './support/both-languages';
import { signIn } from './support/sign-in';
import { answerSoftphone } from './support/sim-softphone';

describe('a simulated call from ring to case', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('rings, is accepted, keeps the form through a reload, opens a case and ends', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(page, system.login('counsellor'));
    await page.getByRole('button', { name: 'Available' }).click();
    await expect.poll(() => page.getByTestId('presence-state').textContent()).toBe('Available');

    system.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: ['1'] });
    const offer = page.getByTestId('offer');
    await offer.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('offer-hotline').textContent()).toBe('1362');
    await screenshotBoth(page, 'offer');
    // The accept button takes the focus when the offer appears: Enter answers it.
    await page.getByRole('button', { name: 'Accept' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('call-panel').waitFor();
    await answerSoftphone(system.sim);
    await expect.poll(() => page.getByTestId('presence-state').textContent()).toBe('On a call');

    const form = page.getByTestId('contact-form');
    await form.getByLabel('No', { exact: true }).check();
    await form.getByLabel('Summary of the conversation').fill('Caller is locked in a dormitory.');
    await expect
      .poll(() => page.getByTestId('draft-status').textContent())
      .toBe('Draft saved on this computer');
    await page.reload();
    await expect
      .poll(() => form.getByLabel('Summary of the conversation').inputValue())
      .toBe('Caller is locked in a dormitory.');
    expect(await form.getByLabel('No', { exact: true }).isChecked()).toBe(true);
    await page.getByTestId('call-panel').getByRole('heading', { name: 'Current call' }).waitFor();
    await screenshotBoth(page, 'call');

    await form.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('heading', { name: /^Case SD-/ }).waitFor();
    await page.getByTestId('call-panel').getByRole('button', { name: 'End call' }).click();
    await page.getByTestId('call-panel').getByRole('heading', { name: 'Call ended' }).waitFor();
  });
});
