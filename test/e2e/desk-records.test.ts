import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshotBoth } from './support/both-languages';
import { signIn } from './support/sign-in';

describe('the counsellor records a walk-in, opens a case and asks for a shelter', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('keeps a half-filled form across a reload, then saves it into a new case', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(page, system.login('counsellor'));
    await page.getByTestId('presence-state').waitFor();
    await page.getByRole('link', { name: 'Record an offline contact' }).click();

    const form = page.getByTestId('contact-form');
    await form.getByLabel('Caller name (if given)').fill('Nang Test');
    await form.getByLabel('Safe time to call back').fill('after 18:00');
    await form.getByLabel('No SMS').check();
    await form
      .getByLabel('Summary of the conversation')
      .fill('Sister held at a factory across the border.');
    await expect
      .poll(() => page.getByTestId('draft-status').textContent())
      .toBe('Draft saved on this computer');

    await page.reload();
    await expect
      .poll(() => form.getByLabel('Summary of the conversation').inputValue())
      .toBe('Sister held at a factory across the border.');
    expect(await form.getByLabel('Caller name (if given)').inputValue()).toBe('Nang Test');
    expect(await form.getByLabel('Safe time to call back').inputValue()).toBe('after 18:00');
    expect(await form.getByLabel('No SMS').isChecked()).toBe(true);
    await screenshotBoth(page, 'offline-contact');

    await form.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('heading', { name: /^Case SD-/ }).waitFor();

    await page.getByLabel('Name (if known)').fill('Nang Test');
    await page.getByLabel('Sex', { exact: true }).selectOption('female');
    await page.getByLabel('Age', { exact: true }).fill('16');
    await page.getByRole('button', { name: 'Save person' }).click();
    await page.getByTestId('person').waitFor();
    await screenshotBoth(page, 'case');
  }, 90_000);
});
