import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

/** A fingerprint reader in the browser: Chromium's virtual authenticator, always verified. */
async function addFingerprintReader(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

describe('passkeys, in Lao', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem({ host: 'localhost', secondFactorExempt: [] });
  }, 180_000);
  afterAll(async () => system?.stop());

  it('lets a counsellor add a passkey, sign in with it instead of the code, and remove it', async () => {
    const page = await system.browser.newPage();
    page.on('dialog', (d) => void d.accept());
    await addFingerprintReader(page);
    const login = system.login('counsellor');

    // First sign-in: password, then the code from the enrolled authenticator app.
    await signIn(page, login);
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    await page.getByLabel('ລະຫັດຢືນຢັນ 6 ຕົວເລກ').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'ຢືນຢັນ' }).click();
    await page.getByTestId('current-user').waitFor();

    await page.getByRole('button', { name: 'ຄວາມປອດໄພບັນຊີ' }).click();
    const dialog = page.getByRole('dialog', { name: 'ຄວາມປອດໄພບັນຊີ' });
    await dialog.getByText('ທ່ານຍັງບໍ່ມີກະແຈຜ່ານ.').waitFor();
    const name = dialog.getByLabel('ຊື່ຂອງອຸປະກອນນີ້');
    await name.fill('ຄອມພິວເຕີໂຕະ 3');
    await dialog.getByRole('button', { name: 'ເພີ່ມກະແຈຜ່ານ' }).click();
    await dialog.getByRole('status').getByText('ເພີ່ມກະແຈຜ່ານແລ້ວ', { exact: false }).waitFor();
    await dialog.getByRole('listitem').getByText('ຄອມພິວເຕີໂຕະ 3').waitFor();
    expect(await name.inputValue()).toBe('');
    expect(await dialog.getByText('ທ່ານຍັງບໍ່ມີກະແຈຜ່ານ.').count()).toBe(0);
    expect(await dialog.textContent()).not.toMatch(/[A-Za-z]{3,}/);
    await screenshot(page, 'passkey-added-lo');
    await dialog.getByRole('button', { name: 'ປິດ' }).click();
    await page.getByRole('button', { name: 'ອອກຈາກລະບົບ' }).click();

    // Next sign-in: the passkey is offered first; the fingerprint replaces the six digits.
    await signIn(page, login);
    const usePasskey = page.getByRole('button', { name: 'ເຂົ້າສູ່ລະບົບດ້ວຍກະແຈຜ່ານ' });
    await usePasskey.waitFor();
    await screenshot(page, 'passkey-sign-in-lo');
    await usePasskey.click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByLabel('ລະຫັດຢືນຢັນ 6 ຕົວເລກ').count()).toBe(0);

    // The list says when it was last used; removing it brings the code back as the only way.
    await page.getByRole('button', { name: 'ຄວາມປອດໄພບັນຊີ' }).click();
    await dialog.getByText('ໃຊ້ຄັ້ງສຸດທ້າຍ', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'ລຶບກະແຈຜ່ານ ຄອມພິວເຕີໂຕະ 3' }).click();
    await dialog.getByRole('status').getByText('ລຶບກະແຈຜ່ານແລ້ວ.').waitFor();
    await dialog.getByText('ທ່ານຍັງບໍ່ມີກະແຈຜ່ານ.').waitFor();
    expect(await dialog.getByRole('listitem').count()).toBe(0);
    await dialog.getByRole('button', { name: 'ປິດ' }).click();
    await page.getByRole('button', { name: 'ອອກຈາກລະບົບ' }).click();
    await signIn(page, login);
    await page.getByLabel('ລະຫັດຢືນຢັນ 6 ຕົວເລກ').waitFor();
    expect(await usePasskey.count()).toBe(0);
  }, 120_000);
});
