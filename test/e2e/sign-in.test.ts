import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
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
  it('changes a password from the user menu, in Lao: the old one stops working, the new one works', async () => {
    const page = await system.browser.newPage();
    const login = system.login('statistician');
    const fresh = 'ແມ່ນ້ຳຂອງ river lantern 7';
    await signIn(page, login);
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('button', { name: 'ຄວາມປອດໄພບັນຊີ' }).click();
    const dialog = page.getByRole('dialog', { name: 'ຄວາມປອດໄພບັນຊີ' });
    const current = dialog.getByLabel('ລະຫັດຜ່ານປັດຈຸບັນ');
    const next = dialog.getByLabel('ລະຫັດຜ່ານໃໝ່', { exact: true });
    const repeat = dialog.getByLabel('ພິມລະຫັດຜ່ານໃໝ່ອີກຄັ້ງ');
    const fields = () => Promise.all([current, next, repeat].map((f) => f.inputValue()));

    // A breached password is refused, in Lao, and the fields are emptied all the same.
    await current.fill(login.password);
    await next.fill('qwerty123456');
    await repeat.fill('qwerty123456');
    await dialog.getByRole('button', { name: 'ບັນທຶກ' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe('ລະຫັດຜ່ານນີ້ໃຊ້ກັນທົ່ວໄປ ຫຼື ເຄີຍຮົ່ວໄຫຼ. ກະລຸນາເລືອກລະຫັດອື່ນ.');
    expect(await fields()).toEqual(['', '', '']);

    await current.fill(login.password);
    await next.fill(fresh);
    await repeat.fill(fresh);
    await dialog.getByRole('button', { name: 'ບັນທຶກ' }).click();
    await dialog.getByRole('status').getByText('ປ່ຽນລະຫັດຜ່ານແລ້ວ').waitFor();
    expect(await fields()).toEqual(['', '', '']);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect(await dialog.textContent()).not.toMatch(/[A-Za-z]{3,}/);
    await screenshot(page, 'password-changed-lo');
    await dialog.getByRole('button', { name: 'ປິດ' }).click();
    await page.getByRole('button', { name: 'ອອກຈາກລະບົບ' }).click();

    await signIn(page, login);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('ຊື່ຜູ້ໃຊ້ ຫຼື ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ.');
    await signIn(page, { username: login.username, password: fresh });
    await page.getByTestId('current-user').waitFor();
  }, 90_000);
});
