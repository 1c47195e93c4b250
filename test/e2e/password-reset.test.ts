import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn, signInWithTotp } from './support/sign-in';

describe('an administrator resets a password', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('signs the counsellor out; at the next sign-in she must choose her own, in Lao', async () => {
    const desk = await system.browser.newPage();
    const kham = system.login('counsellor2');
    await signIn(desk, kham);
    await desk.waitForURL('**/desk');

    const admin = await system.browser.newPage({ uiLanguage: 'en' });
    await signInWithTotp(admin, system.login('admin'));
    await admin.getByRole('link', { name: 'Users' }).click();
    const row = admin.getByTestId('users').getByRole('row').filter({ hasText: 'Counsellor Kham' });
    await row.getByRole('button', { name: 'Set a temporary password' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Set a temporary password: Counsellor Kham' });
    await dialog.getByLabel('Temporary password').fill('temporary mango shutter');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await admin
      .getByRole('status')
      .getByText('Temporary password set for Counsellor Kham', { exact: false })
      .waitFor();

    // Her desk learns at its next request or socket event that the session is gone.
    await desk.reload();
    await desk.getByRole('heading', { name: 'ເຂົ້າສູ່ລະບົບ' }).waitFor();
    await signIn(desk, { username: kham.username, password: 'temporary mango shutter' });
    await desk.getByText('ຜູ້ຄຸ້ມຄອງໄດ້ຕັ້ງລະຫັດຜ່ານຊົ່ວຄາວໃຫ້ທ່ານ', { exact: false }).waitFor();
    expect(await desk.getByTestId('current-user').count()).toBe(0);
    await screenshot(desk, 'password-must-change-lo');
    await desk.getByLabel('ລະຫັດຜ່ານປັດຈຸບັນ').fill('temporary mango shutter');
    await desk.getByLabel('ລະຫັດຜ່ານໃໝ່', { exact: true }).fill('my own quiet harbour');
    await desk.getByLabel('ພິມລະຫັດຜ່ານໃໝ່ອີກຄັ້ງ').fill('my own quiet harbour');
    await desk.getByRole('button', { name: 'ບັນທຶກ' }).click();
    await desk.getByTestId('current-user').getByText('Counsellor Kham').waitFor();
    expect(await desk.getByText('ຜູ້ຄຸ້ມຄອງໄດ້ຕັ້ງລະຫັດຜ່ານຊົ່ວຄາວໃຫ້ທ່ານ', { exact: false }).count()).toBe(0);
  }, 120_000);
});
