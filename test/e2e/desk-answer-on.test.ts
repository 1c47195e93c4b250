import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshotBoth } from './support/both-languages';
import { signIn } from './support/sign-in';

describe('the counsellor chooses where accepted calls ring', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('switches to their own mobile with a valid number, and it is kept', async () => {
    const counsellor = system.login('counsellor');
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(page, counsellor);
    await page.getByRole('link', { name: 'Where I answer' }).click();
    const browser = page.getByRole('radio', { name: /In this browser/ });
    // The saved choice is loaded first (the choices are disabled until then).
    await expect.poll(() => browser.isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await browser.isChecked()).toBe(true);

    await page.getByRole('radio', { name: 'On my own mobile' }).check();
    const number = page.getByLabel('Mobile number');
    await number.fill('020 5557');
    expect(await page.textContent('body')).toContain('international format, starting with +');
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await number.fill('+856 20 5557 7199');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 15_000 });
    await screenshotBoth(page, 'desk-answer-on');

    await page.reload();
    const mobile = page.getByRole('radio', { name: 'On my own mobile' });
    await expect.poll(() => mobile.isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await mobile.isChecked()).toBe(true);
    expect(await page.getByLabel('Mobile number').inputValue()).toBe('+8562055577199');
    // The number in any form it could be logged in (a bare "5557" also turns up in timestamps).
    const logs = system.logs.text();
    for (const form of ['55577199', '5557 7199', '020 5557']) expect(logs).not.toContain(form);
  }, 120_000);
});
