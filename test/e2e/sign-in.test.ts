import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { signIn } from './support/sign-in';

describe('signing in', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('takes a counsellor to the desk and back to the login after signing out', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(page, system.login('counsellor'));
    await page.waitForURL('**/desk');
    await page.getByTestId('current-user').getByText('Counsellor Noy').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }, 90_000);

  it('says why a wrong password is refused, in Lao', async () => {
    const page = await system.browser.newPage();
    await page.goto('/');
    await page.getByLabel('ຊື່ຜູ້ໃຊ້').fill('counsellor');
    await page.getByLabel('ລະຫັດຜ່ານ').fill('not-the-password');
    await page.getByLabel('ລະຫັດຜ່ານ').press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('ຊື່ຜູ້ໃຊ້ ຫຼື ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ.');
  }, 90_000);

  it('asks an administrator for a second factor, enrolling it the first time', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(page, system.login('admin'));
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.getByLabel('6-digit verification code').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByTestId('current-user').getByText('Administrator Keo').waitFor();
  }, 90_000);
});
